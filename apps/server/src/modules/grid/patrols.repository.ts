import { and, asc, desc, eq, gte, like, lt, or, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../platform/db/database.js';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';
import {
  gridFindings,
  gridPatrolPlanChanges,
  gridPatrolPlans,
  gridPatrolPoints,
  gridPatrols,
} from './grid.tables.js';

/** A patrol row. */
export type PatrolRow = typeof gridPatrols.$inferSelect;
/** A stored track point. */
export type PatrolPointRow = typeof gridPatrolPoints.$inferSelect;

/** A patrol with the names its view shows. */
export interface PatrolListRow extends PatrolRow {
  gridName: string;
  workerName: string;
  findingCount: number;
}

const listColumns = {
  patrol: gridPatrols,
  gridName: orgs.name,
  workerName: users.displayName,
  findingCount: sql<number>`(select count(*)::int from ${gridFindings} f where f.patrol_id = ${gridPatrols.id})`,
};

function flatten(row: {
  patrol: PatrolRow;
  gridName: string;
  workerName: string;
  findingCount: number;
}): PatrolListRow {
  return {
    ...row.patrol,
    gridName: row.gridName,
    workerName: row.workerName,
    findingCount: row.findingCount,
  };
}

/** Inserts a patrol. */
export async function insertPatrol(db: DbOrTx, values: typeof gridPatrols.$inferInsert): Promise<PatrolRow> {
  const [row] = await db.insert(gridPatrols).values(values).returning();
  return row!;
}

/** The patrol a worker started with this idempotency key, if any. */
export async function findPatrolByClientKey(
  db: DbOrTx,
  userId: number,
  key: string,
): Promise<PatrolRow | undefined> {
  const [row] = await db
    .select()
    .from(gridPatrols)
    .where(and(eq(gridPatrols.workerUserId, userId), eq(gridPatrols.clientKey, key)));
  return row;
}

/** The worker's patrol still going, if any. */
export async function findOngoingPatrol(db: DbOrTx, userId: number): Promise<PatrolRow | undefined> {
  const [row] = await db
    .select()
    .from(gridPatrols)
    .where(and(eq(gridPatrols.workerUserId, userId), eq(gridPatrols.state, 'ongoing')));
  return row;
}

/** A patrol, locked for the transaction (batches of one patrol are applied one after the other). */
export async function lockPatrol(db: DbOrTx, id: number): Promise<PatrolRow | undefined> {
  const [row] = await db.select().from(gridPatrols).where(eq(gridPatrols.id, id)).for('update');
  return row;
}

/** One patrol with its names. */
export async function findPatrol(db: DbOrTx, id: number): Promise<PatrolListRow | undefined> {
  const [row] = await db
    .select(listColumns)
    .from(gridPatrols)
    .innerJoin(orgs, eq(orgs.id, gridPatrols.gridId))
    .innerJoin(users, eq(users.id, gridPatrols.workerUserId))
    .where(eq(gridPatrols.id, id));
  return row && flatten(row);
}

/** Stores points; one already stored (same patrol and instant) is skipped. Answers how many were new. */
export async function insertPoints(
  db: DbOrTx,
  rows: (typeof gridPatrolPoints.$inferInsert)[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(gridPatrolPoints)
    .values(rows)
    .onConflictDoNothing()
    .returning({ at: gridPatrolPoints.recordedAt });
  return inserted.length;
}

/** The stored point of a patrol just before `instant`, if any. */
export async function findPointBefore(
  db: DbOrTx,
  patrolId: number,
  instant: Date,
): Promise<PatrolPointRow | undefined> {
  const [row] = await db
    .select()
    .from(gridPatrolPoints)
    .where(and(eq(gridPatrolPoints.patrolId, patrolId), lt(gridPatrolPoints.recordedAt, instant)))
    .orderBy(desc(gridPatrolPoints.recordedAt))
    .limit(1);
  return row;
}

/** Every point of a patrol in time order. */
export async function findPoints(db: DbOrTx, patrolId: number): Promise<PatrolPointRow[]> {
  return db
    .select()
    .from(gridPatrolPoints)
    .where(eq(gridPatrolPoints.patrolId, patrolId))
    .orderBy(asc(gridPatrolPoints.recordedAt));
}

/** Sets a patrol's columns. */
export async function updatePatrol(db: DbOrTx, id: number, patch: Partial<PatrolRow>): Promise<PatrolRow> {
  const [row] = await db.update(gridPatrols).set(patch).where(eq(gridPatrols.id, id)).returning();
  return row!;
}

/** Filters of the patrol list (within the caller's scope). */
export interface PatrolFilter {
  scopePath: string;
  withinPath?: string;
  workerUserId?: number;
  state?: string;
  from?: Date;
  to?: Date;
  /** keyset position: the last item's start and id */
  after?: { startedAt: Date; id: number };
  limit: number;
}

/** A page of patrols, newest first, with one more row than `limit` when more follow. */
export async function listPatrols(db: DbOrTx, f: PatrolFilter): Promise<PatrolListRow[]> {
  const where: SQL[] = [like(gridPatrols.gridPath, `${f.scopePath}%`)];
  if (f.withinPath) where.push(like(gridPatrols.gridPath, `${f.withinPath}%`));
  if (f.workerUserId) where.push(eq(gridPatrols.workerUserId, f.workerUserId));
  if (f.state) where.push(eq(gridPatrols.state, f.state));
  if (f.from) where.push(gte(gridPatrols.startedAt, f.from));
  if (f.to) where.push(lt(gridPatrols.startedAt, f.to));
  if (f.after) {
    where.push(
      or(
        lt(gridPatrols.startedAt, f.after.startedAt),
        and(eq(gridPatrols.startedAt, f.after.startedAt), lt(gridPatrols.id, f.after.id)),
      )!,
    );
  }
  const rows = await db
    .select(listColumns)
    .from(gridPatrols)
    .innerJoin(orgs, eq(orgs.id, gridPatrols.gridId))
    .innerJoin(users, eq(users.id, gridPatrols.workerUserId))
    .where(and(...where))
    .orderBy(desc(gridPatrols.startedAt), desc(gridPatrols.id))
    .limit(f.limit + 1);
  return rows.map(flatten);
}

/**
 * Sets a grid's patrol plan from the Beijing day `effectiveOn` and records the change in the plan's history
 * (a second change the same day replaces the first). Run it inside a transaction.
 */
export async function upsertPatrolPlan(
  db: DbOrTx,
  change: { gridId: number; perDay: number; now: Date; effectiveOn: string; userId: number | null },
): Promise<void> {
  const { gridId, perDay, now } = change;
  await db
    .insert(gridPatrolPlans)
    .values({ gridId, perDay, updatedAt: now })
    .onConflictDoUpdate({ target: gridPatrolPlans.gridId, set: { perDay, updatedAt: now } });
  const row = { perDay, changedByUserId: change.userId, changedAt: now };
  await db
    .insert(gridPatrolPlanChanges)
    .values({ gridId, effectiveOn: change.effectiveOn, ...row })
    .onConflictDoUpdate({
      target: [gridPatrolPlanChanges.gridId, gridPatrolPlanChanges.effectiveOn],
      set: row,
    });
}

/** A grid with its patrol plan (0: none required). */
export interface PatrolPlanRow {
  grid_id: number;
  grid_name: string;
  community_name: string | null;
  per_day: number;
  updated_at: Date | string | null;
}

/** A page of the active grids under `path` with their plans, by grid code, and how many there are. */
export async function listPatrolPlans(
  db: DbOrTx,
  f: { path: string; offset: number; limit: number },
): Promise<{ rows: PatrolPlanRow[]; total: number }> {
  const where = sql`g.kind = 'grid' and g.active and g.path like ${`${f.path}%`}`;
  const [rows, [count]] = await Promise.all([
    queryRows<PatrolPlanRow>(
      db,
      sql`select g.id as grid_id, g.name as grid_name, c.name as community_name,
                 coalesce(p.per_day, 0)::int as per_day, p.updated_at
            from ${orgs} g
            left join ${orgs} c on c.id = g.parent_id
            left join ${gridPatrolPlans} p on p.grid_id = g.id
           where ${where}
           order by g.code limit ${f.limit} offset ${f.offset}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${orgs} g where ${where}`),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** A grid's patrol plan (0 when it has none). */
export async function findPatrolPlan(db: DbOrTx, gridId: number): Promise<number> {
  const [row] = await db.select().from(gridPatrolPlans).where(eq(gridPatrolPlans.gridId, gridId));
  return row?.perDay ?? 0;
}

/** A grid that did fewer patrols than planned on a day. */
export interface MissedPatrolRow {
  grid_id: number;
  grid_name: string;
  community_name: string | null;
  planned: number;
  done: number;
  worker_name: string | null;
}

/**
 * The grids under `path` whose plan in force on the Beijing day beginning at `dayStart` (`day`, its date)
 * asks more patrols than were started that day, the largest shortfall first.
 */
export async function findMissedPatrols(
  db: DbOrTx,
  path: string,
  dayStart: Date,
  day: string,
): Promise<MissedPatrolRow[]> {
  const dayEnd = new Date(dayStart.getTime() + 86_400_000);
  return queryRows<MissedPatrolRow>(
    db,
    sql`with plans as (
          select distinct on (c.grid_id) c.grid_id, c.per_day
            from ${gridPatrolPlanChanges} c
           where c.effective_on <= ${day}::date
           order by c.grid_id, c.effective_on desc
        ), walked as (
          select g.id as grid_id, g.name as grid_name, g.code, c.name as community_name, p.per_day as planned,
                 (select count(*)::int from ${gridPatrols} gp
                   where gp.grid_id = g.id and gp.started_at >= ${dayStart.toISOString()}::timestamptz
                     and gp.started_at < ${dayEnd.toISOString()}::timestamptz) as done,
                 (select u.display_name from users u where u.org_id = g.id and u.active
                    and exists (select 1 from user_roles ur where ur.user_id = u.id and ur.role = 'grid_worker')
                   order by u.id limit 1) as worker_name
            from plans p
            join ${orgs} g on g.id = p.grid_id and g.active
            left join ${orgs} c on c.id = g.parent_id
           where g.path like ${`${path}%`} and p.per_day > 0
        )
        select grid_id, grid_name, community_name, planned, done, worker_name from walked
         where done < planned
         order by planned - done desc, code
         limit 1000`,
  );
}
