import type { BoundaryGeometry, FindingCounts } from '@shanzhi/shared';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../../platform/db/database.js';

/** Where and when to count: an org subtree (by path) and a period, with the instant the counts stand at. */
export interface StatsWindow {
  /** the subtree's path (`/1/4/`) */
  path: string;
  /** start of the period (Beijing midnight of its first day) */
  from: Date;
  /** end of the period (exclusive) */
  to: Date;
  /** what stood solved, closed or overdue is judged at this instant: the end of the period, or now */
  asOf: Date;
  /** the plans count the Beijing days [planFrom, planUntil): the period's days that have ended */
  planFrom: string;
  planUntil: string;
}

/** A grid's counts of one kind, with the grid's path (for rolling them up the tree). */
export type GridRow<K extends string> = { grid_id: number; grid_path: string } & Record<K, number>;

const like = (path: string) => `${path}%`;
const iso = (at: Date) => at.toISOString();

/**
 * Per grid with a plan in the window: the patrols planned over the ended days of the period (each day at the
 * plan in force then), those attained (a day's patrols up to its plan), the days planned and the days met.
 */
export function countPlannedPatrols(db: DbOrTx, w: StatsWindow) {
  return queryRows<GridRow<'planned' | 'attained' | 'plan_days' | 'met_days'>>(
    db,
    sql`with spans as (
          select c.grid_id, g.path, c.per_day, c.effective_on as s,
                 lead(c.effective_on) over (partition by c.grid_id order by c.effective_on) as e
            from grid_patrol_plan_changes c join orgs g on g.id = c.grid_id
           where g.path like ${like(w.path)}
        ), clipped as (
          select grid_id, path, per_day, greatest(s, ${w.planFrom}::date) as s,
                 least(coalesce(e, ${w.planUntil}::date), ${w.planUntil}::date) as e
            from spans where per_day > 0
        ), days as (
          select grid_id, (started_at at time zone 'Asia/Shanghai')::date as day, count(*)::int as n
            from grid_patrols
           where grid_path like ${like(w.path)}
             and started_at >= ${iso(w.from)}::timestamptz and started_at < ${iso(w.to)}::timestamptz
           group by 1, 2
        ), met as (
          select c.grid_id, c.s, sum(least(d.n, c.per_day))::int as attained,
                 count(*) filter (where d.n >= c.per_day)::int as met_days
            from clipped c join days d on d.grid_id = c.grid_id and d.day >= c.s and d.day < c.e
           where c.e > c.s
           group by c.grid_id, c.s
        )
        select c.grid_id, c.path as grid_path,
               sum(c.per_day * (c.e - c.s))::int as planned,
               sum(c.e - c.s)::int as plan_days,
               coalesce(sum(m.attained), 0)::int as attained,
               coalesce(sum(m.met_days), 0)::int as met_days
          from clipped c left join met m on m.grid_id = c.grid_id and m.s = c.s
         where c.e > c.s
         group by c.grid_id, c.path`,
  );
}

/** Per grid: the patrols started in the period and their length in metres. */
export function countPatrols(db: DbOrTx, w: StatsWindow) {
  return queryRows<GridRow<'done' | 'meters'>>(
    db,
    sql`select grid_id, min(grid_path) as grid_path, count(*)::int as done,
               coalesce(sum(distance_meters), 0)::float8 as meters
          from grid_patrols
         where grid_path like ${like(w.path)}
           and started_at >= ${iso(w.from)}::timestamptz and started_at < ${iso(w.to)}::timestamptz
         group by grid_id`,
  );
}

/**
 * Per grid: the findings found in the period (by when they were found) and, at `asOf`, how many were
 * withdrawn, solved on the spot, reported up (their case registered, or their hazard recorded: 转安全隐患)
 * and ended with their case or hazard.
 */
export function countFindings(db: DbOrTx, w: StatsWindow) {
  const asOf = sql`${iso(w.asOf)}::timestamptz`;
  return queryRows<GridRow<'found' | 'dismissed' | 'solved' | 'reported' | 'closed_with_case'>>(
    db,
    sql`select f.grid_id, min(f.grid_path) as grid_path, count(*)::int as found,
               count(*) filter (where f.state = 'dismissed')::int as dismissed,
               count(*) filter (where f.state = 'solved' and f.closed_at <= ${asOf})::int as solved,
               count(*) filter (where coalesce(c.created_at, h.created_at) <= ${asOf})::int as reported,
               count(*) filter (where f.state = 'closed' and f.closed_at <= ${asOf})::int as closed_with_case
          from grid_findings f left join cases c on c.id = f.case_id
               left join hazards h on h.grid_finding_id = f.id
         where f.grid_path like ${like(w.path)}
           and f.occurred_at >= ${iso(w.from)}::timestamptz and f.occurred_at < ${iso(w.to)}::timestamptz
         group by f.grid_id`,
  );
}

/** A grid's row of `countFindings` as the counts of its findings. */
export function findingCountsOf(
  r: GridRow<'found' | 'dismissed' | 'solved' | 'reported' | 'closed_with_case'>,
): FindingCounts {
  return {
    found: r.found,
    dismissed: r.dismissed,
    solvedOnSpot: r.solved,
    reportedUp: r.reported,
    closedWithCase: r.closed_with_case,
  };
}

/**
 * Per grid: the tasks assigned in the period and, at `asOf`, how many were withdrawn, done, and overdue
 * (not withdrawn, and done after the deadline or still to do past it).
 */
export function countTasks(db: DbOrTx, w: StatsWindow) {
  const asOf = sql`${iso(w.asOf)}::timestamptz`;
  return queryRows<GridRow<'assigned' | 'cancelled' | 'done' | 'overdue'>>(
    db,
    sql`select grid_id, min(grid_path) as grid_path, count(*)::int as assigned,
               count(*) filter (where state = 'cancelled')::int as cancelled,
               count(*) filter (where state = 'done' and completed_at <= ${asOf})::int as done,
               count(*) filter (where state <> 'cancelled' and due_at < ${asOf}
                                  and (completed_at is null or completed_at > due_at))::int as overdue
          from grid_tasks
         where grid_path like ${like(w.path)}
           and created_at >= ${iso(w.from)}::timestamptz and created_at < ${iso(w.to)}::timestamptz
         group by grid_id`,
  );
}

/** A territorial org of a subtree, as the numbers name and nest it. */
export interface StatsOrgRow {
  id: number;
  parent_id: number | null;
  name: string;
  kind: string;
  path: string;
}

/** The active territorial orgs of the subtree at `path` (the org itself included), in tree order. */
export function findTerritorialOrgs(db: DbOrTx, path: string): Promise<StatsOrgRow[]> {
  return queryRows<StatsOrgRow>(
    db,
    sql`select id, parent_id, name, kind, path from orgs
         where path like ${like(path)} and active
           and kind in ('city', 'district', 'town', 'community', 'grid')
         order by depth, sort, code`,
  );
}

/** The boundaries of the orgs with these ids. */
export async function findBoundaries(
  db: DbOrTx,
  ids: readonly number[],
): Promise<Map<number, BoundaryGeometry | null>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: number; boundary: BoundaryGeometry | null }>(
    db,
    sql`select id, boundary from orgs where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [r.id, r.boundary]));
}
