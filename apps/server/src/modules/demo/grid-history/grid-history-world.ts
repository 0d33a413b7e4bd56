import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { type DbOrTx, queryRows } from '../../../platform/db/database.js';
import { loadGridAdmissionList } from '../../catalog/sources/grid-admission-list.js';
import { createDemoRandom, type DemoRandom, deriveSeed } from '../demo-random.js';
import type { StoryActor } from '../history/case-story.js';
import type { HistoryCategory, HistoryGrid, HistoryWorld } from '../history/history-world.js';
import { userKey } from '../history/history-world.js';
import { FINDING_KINDS, type FindingKind } from './finding-kinds.js';

/**
 * A grid's own ways through the year, drawn once per grid: how busy it is and how its workers keep up — so
 * that the grids of the map and the ranking differ as real ones do.
 */
export interface GridTraits {
  /** relative share of the city's findings and tasks (1 on average) */
  activity: number;
  /** how often its patrols fall short and its findings linger (1 on average) */
  laxity: number;
}

/** A grid as the grid history works it: its place, its plan, its worker and its traits. */
export interface HistoryGridWork {
  grid: HistoryGrid;
  /** 巡查计划: patrols a day */
  perDay: number;
  /** the grid's full-time worker, who patrols and records */
  worker: StoryActor & { actorUserId: number };
  traits: GridTraits;
}

/** Everything the grid history draws from. */
export interface GridHistoryWorld {
  world: HistoryWorld;
  grids: HistoryGridWork[];
  /** cumulative activity of `grids`, to draw a grid in proportion to it */
  cumulativeActivity: number[];
  /** leaves of the catalog for each kind of finding (the case it is reported up as is filed under one) */
  leavesOf: Map<FindingKind, HistoryCategory[]>;
  /** admission items a town or centre pushes onto a grid (those pushed directly) */
  taskItems: { code: string; name: string }[];
}

/** Grids smaller than this (bounding box, km²) are urban: two patrols a day; the others one. */
const URBAN_GRID_KM2 = 0.6;

/** The password hash of an account without a password: no password verifies against it. */
export const NO_PASSWORD = '!';

/**
 * Accounts for the full-time grid workers (专职网格员) of the grids that have none — the people who walk the
 * history's patrols and record its findings — named as the grid's staff list names them, with their phone,
 * role 网格员 and no password: an administrator gives each one when the worker starts using the platform.
 * Answers how many were created.
 */
export async function ensureGridWorkerAccounts(db: DbOrTx, now: Date): Promise<number> {
  const created = await queryRows<{ id: number }>(
    db,
    sql`insert into users (username, display_name, org_id, password_hash, phone, active, created_at, updated_at)
        select distinct on (g.id) 'wg' || g.code, s.name, g.id, ${NO_PASSWORD}, s.phone, true,
               ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
          from orgs g join grid_staff s on s.grid_id = g.id and s.role = 'full_time'
         where g.kind = 'grid' and g.active
           and not exists (select 1 from users u join user_roles r on r.user_id = u.id and r.role = 'grid_worker'
                            where u.org_id = g.id and u.active)
           and not exists (select 1 from users u where u.username = 'wg' || g.code)
         order by g.id, s.id
        returning id`,
  );
  if (created.length > 0) {
    await db.execute(
      sql`insert into user_roles (user_id, role)
          select id, 'grid_worker' from jsonb_to_recordset(${JSON.stringify(created)}::jsonb) as x(id int)`,
    );
  }
  return created.length;
}

const boxKm2 = (g: HistoryGrid) =>
  (g.box.maxLng - g.box.minLng) * 85.3 * (g.box.maxLat - g.box.minLat) * 111.2;

/** A grid's plan: two patrols a day for a small urban grid, one elsewhere. */
export function planOf(grid: HistoryGrid): number {
  return boxKm2(grid) < URBAN_GRID_KM2 ? 2 : 1;
}

/** The plans the history gives the grids (a plan someone set is kept), from `effectiveOn`. */
export async function ensurePatrolPlans(
  db: DbOrTx,
  grids: readonly HistoryGrid[],
  effectiveOn: string,
  at: Date,
): Promise<void> {
  const plans = JSON.stringify(grids.map((g) => ({ grid_id: g.id, per_day: planOf(g) })));
  await db.execute(
    sql`insert into grid_patrol_plans (grid_id, per_day, updated_at)
        select grid_id, per_day, ${at.toISOString()}::timestamptz
          from jsonb_to_recordset(${plans}::jsonb) as x(grid_id int, per_day smallint)
        on conflict (grid_id) do nothing`,
  );
  await db.execute(
    sql`insert into grid_patrol_plan_changes (grid_id, effective_on, per_day, changed_by_user_id, changed_at)
        select p.grid_id, ${effectiveOn}::date, p.per_day, null, p.updated_at
          from grid_patrol_plans p join jsonb_to_recordset(${plans}::jsonb) as x(grid_id int, per_day smallint)
            on x.grid_id = p.grid_id
         where not exists (select 1 from grid_patrol_plan_changes c where c.grid_id = p.grid_id)`,
  );
}

function drawTraits(random: DemoRandom): GridTraits {
  // log-normal: most grids near 1, a few much busier or much laxer
  return {
    activity: Math.exp(0.45 * random.normal()),
    laxity: Math.min(4, Math.exp(0.6 * random.normal())),
  };
}

function leavesFor(world: HistoryWorld, kind: FindingKind): HistoryCategory[] {
  const area = world.categories.filter((c) => c.area === kind.area);
  const fitting = area.filter((c) => kind.leaf.test(`${c.subcategory}${c.name}`));
  // a catalog without the area (or without a fitting leaf) still files the case somewhere sensible
  return fitting.length > 0 ? fitting : area.length > 0 ? area : world.categories;
}

/**
 * The grid history's world on top of the case history's: every grid with a full-time worker's account (see
 * `ensureGridWorkerAccounts`), its plan and its traits (drawn from `seed`), the catalog leaves of each kind
 * of finding, and the admission items pushed as tasks.
 */
export async function loadGridHistoryWorld(
  ctx: AppContext,
  world: HistoryWorld,
  seed: number,
): Promise<GridHistoryWorld> {
  const plans = new Map(
    (
      await queryRows<{ grid_id: number; per_day: number }>(
        ctx.db,
        sql`select grid_id, per_day from grid_patrol_plans`,
      )
    ).map((r) => [r.grid_id, r.per_day]),
  );
  const random = createDemoRandom(deriveSeed(seed, 'grid-traits'));
  const grids = world.grids.flatMap((grid): HistoryGridWork[] => {
    const traits = drawTraits(random);
    const user = world.users.get(userKey(grid.id, 'grid_worker'));
    if (!user) return [];
    return [
      {
        grid,
        perDay: plans.get(grid.id) ?? planOf(grid),
        worker: { actorUserId: user.id, actorName: user.name, actorOrgId: grid.id },
        traits,
      },
    ];
  });
  let total = 0;
  const cumulativeActivity = grids.map((g) => (total += g.traits.activity));
  const taskItems = loadGridAdmissionList().categories.flatMap((c) =>
    c.items.filter((i) => i.directPush).map((i) => ({ code: i.code, name: i.name })),
  );
  return {
    world,
    grids,
    cumulativeActivity,
    leavesOf: new Map(FINDING_KINDS.map((k) => [k, leavesFor(world, k)])),
    taskItems,
  };
}

/** A grid drawn in proportion to its activity. */
export function drawGrid(random: DemoRandom, w: GridHistoryWorld): HistoryGridWork {
  const target = random.next() * w.cumulativeActivity.at(-1)!;
  let lo = 0;
  let hi = w.cumulativeActivity.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (w.cumulativeActivity[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return w.grids[lo]!;
}
