import type { ResidentFlag } from '@shanzhi/shared';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { queryRows, type Tx } from '../../../platform/db/database.js';
import { readSetting, writeSetting } from '../../settings/settings.repository.js';
import { DEFAULT_DEMO_CITY_SEED } from '../demo-city.js';
import { createDemoRandom, deriveSeed } from '../demo-random.js';
import { type BulkColumn, insertByColumns } from './demo-bulk-insert.js';
import { type DemoVisit, drawHouseholdVisits } from './demo-visits.js';

/** Settings key of the demo visits' plan and progress (what makes them idempotent and resumable). */
export const DEMO_VISITS_KEY = 'demo.visits';
/** Grids whose year of visits one transaction writes (some 7,000 visits). */
const GRIDS_PER_BATCH = 80;

const VisitsState = z.object({
  /** the end of the year of visits (ISO): kept so that a resumed run carries on the same plan */
  endAt: z.string(),
  gridsDone: z.number().int().nonnegative(),
  visits: z.number().int().nonnegative(),
  finishedAt: z.string().nullable(),
});
type VisitsState = z.infer<typeof VisitsState>;

/** A household of the register as its visits are drawn. */
interface HouseholdRecord {
  house_id: number;
  grid_id: number;
  grid_path: string;
  head_id: number | null;
  residents: number;
  flags: ResidentFlag[] | null;
}

interface GridVisitor {
  id: number;
  path: string;
  staff_name: string | null;
  user_id: number | null;
  user_name: string | null;
}

/** The grids of the demo register in id order, with who visits in each (the demo account in his own grid). */
async function loadVisitors(ctx: AppContext): Promise<GridVisitor[]> {
  return queryRows<GridVisitor>(
    ctx.db,
    sql`select g.id, g.path,
               (select s.name from grid_staff s where s.grid_id = g.id and s.role = 'full_time'
                 order by s.id limit 1) as staff_name,
               u.id as user_id, u.display_name as user_name
          from orgs g
          left join users u on u.org_id = g.id and u.username = 'grid'
         where g.kind = 'grid' and exists (select 1 from grid_houses h where h.grid_id = g.id)
         order by g.id`,
  );
}

async function householdsOf(tx: Tx, gridIds: readonly number[]): Promise<HouseholdRecord[]> {
  return queryRows<HouseholdRecord>(
    tx,
    sql`select h.id as house_id, h.grid_id, h.grid_path,
               min(r.id) filter (where r.household_relation = 'head') as head_id,
               count(r.id)::int as residents,
               array_agg(distinct f) filter (where f is not null) as flags
          from grid_houses h
          left join grid_residents r on r.house_id = h.id
          left join lateral unnest(r.flags) f on true
         where h.grid_id = any(${sql.param([...gridIds])}::int[])
         group by h.id
         order by h.id`,
  );
}

/** Writes the year of visits of a batch of grids, and each of their houses' last visit. */
async function writeBatch(tx: Tx, seed: number, grids: readonly GridVisitor[], end: Date): Promise<number> {
  const byId = new Map(grids.map((g) => [g.id, g]));
  const rows: (DemoVisit & { grid: GridVisitor })[] = [];
  for (const household of await householdsOf(
    tx,
    grids.map((g) => g.id),
  )) {
    const random = createDemoRandom(deriveSeed(seed, `visits:${household.house_id}`));
    const visits = drawHouseholdVisits(
      random,
      {
        houseId: household.house_id,
        vacant: Number(household.residents) === 0,
        headId: household.head_id === null ? null : Number(household.head_id),
        flags: household.flags ?? [],
      },
      end,
    );
    for (const visit of visits) rows.push({ ...visit, grid: byId.get(household.grid_id)! });
  }
  const column = (
    name: string,
    type: BulkColumn['type'],
    value: (row: (typeof rows)[number]) => unknown,
    as?: BulkColumn['as'],
  ) => ({ name, type, values: rows.map(value), ...(as && { as }) }) satisfies BulkColumn;
  await insertByColumns(tx, 'grid_visits', [
    column('house_id', 'int', (r) => r.houseId),
    column('grid_id', 'int', (r) => r.grid.id),
    column('grid_path', 'text', (r) => r.grid.path),
    column('visitor_user_id', 'int', (r) => r.grid.user_id),
    column('visitor_name', 'text', (r) => r.grid.user_name ?? r.grid.staff_name ?? '网格员'),
    column('visited_at', 'timestamptz', (r) => r.visitedAt.toISOString()),
    column('purpose', 'text', (r) => r.purpose),
    column('met', 'text', (r) => r.met),
    column('met_resident_ids', 'text', (r) => `{${r.metResidentIds.join(',')}}`, 'int[]'),
    column('note', 'text', (r) => r.note),
    column('needs', 'text', (r) => JSON.stringify(r.needs), 'jsonb'),
    column('created_at', 'timestamptz', (r) => r.visitedAt.toISOString()),
  ]);
  await tx.execute(sql`update grid_houses h set last_visited_at = v.last
                         from (select house_id, max(visited_at) as last from grid_visits
                                where grid_id = any(${sql.param(grids.map((g) => g.id))}::int[])
                                group by house_id) v
                        where h.id = v.house_id`);
  return rows.length;
}

/** Whether a run of the demo visits started and did not finish (a restart should resume it). */
export async function areDemoVisitsUnfinished(ctx: AppContext): Promise<boolean> {
  const stored = VisitsState.safeParse(await readSetting(ctx.db, DEMO_VISITS_KEY));
  return stored.success && stored.data.finishedAt === null;
}

/** Options of `seedDemoVisits`. */
export interface SeedVisitsOptions {
  /** the end of the year of visits (default now) */
  endAt?: Date;
  seed?: number;
  /** a pause between batches, so that a server writing them in the background keeps answering */
  pauseMs?: number;
  /** checked before each batch: stop when it answers true (the server is shutting down) */
  shouldStop?: () => boolean;
}

/**
 * 一年的入户走访: a year of household visits to the demo register up to `endAt`, by each grid's full-time
 * worker (the demo `grid` account in his own grid) at each household's rhythm — the households looked after
 * every three weeks, the others every six: 60,000-odd visits over Wuhai's 786 grids, as the city reported
 * for 2022. Written a batch of grids per transaction; idempotent and resumable like the case history.
 * Needs the register (`seedDemoRegisters`).
 */
export async function seedDemoVisits(
  ctx: AppContext,
  options: SeedVisitsOptions = {},
): Promise<{ skipped: boolean; visits: number }> {
  const stored = VisitsState.safeParse(await readSetting(ctx.db, DEMO_VISITS_KEY));
  if (stored.success && stored.data.finishedAt) return { skipped: true, visits: stored.data.visits };
  const state: VisitsState = stored.success
    ? stored.data
    : { endAt: (options.endAt ?? ctx.clock.now()).toISOString(), gridsDone: 0, visits: 0, finishedAt: null };
  // the state row exists before the first batch, so that every batch can lock it
  if (!stored.success) await writeSetting(ctx.db, DEMO_VISITS_KEY, state, ctx.clock.now());
  const grids = await loadVisitors(ctx);
  const seed = options.seed ?? DEFAULT_DEMO_CITY_SEED;
  let written = 0;
  for (let start = state.gridsDone; start < grids.length; start += GRIDS_PER_BATCH) {
    if (options.shouldStop?.()) break;
    const batch = grids.slice(start, start + GRIDS_PER_BATCH);
    const committed = await ctx.db.transaction(async (tx) => {
      const [locked] = await queryRows<{ value: unknown }>(
        tx,
        sql`select value from settings where key = ${DEMO_VISITS_KEY} for update`,
      );
      const current = VisitsState.safeParse(locked?.value);
      // another process wrote this batch first
      if ((current.success ? current.data.gridsDone : 0) !== start) return false;
      const visits = await writeBatch(tx, seed, batch, new Date(state.endAt));
      state.gridsDone = start + batch.length;
      state.visits += visits;
      state.finishedAt = state.gridsDone >= grids.length ? ctx.clock.now().toISOString() : null;
      await writeSetting(tx, DEMO_VISITS_KEY, state, ctx.clock.now());
      written += visits;
      return true;
    });
    if (!committed) break;
    if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
  }
  return { skipped: false, visits: written };
}
