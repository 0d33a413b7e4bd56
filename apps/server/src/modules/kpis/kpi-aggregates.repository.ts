import { beijingMidnightOfDate, EMPTY_KPI_COUNTS, type KpiCounts, toBeijingDate } from '@shanzhi/shared';
import { sql } from 'drizzle-orm';
import { orgIdOfPath } from '../../platform/auth/actor.js';
import { type DbOrTx, queryRows } from '../../platform/db/database.js';
import {
  type CountScope,
  countDueSince,
  countKpis,
  countKpisBy,
  countKpisPerBucket,
  type DueCounts,
  type KpiGrouping,
} from './kpi-counts.repository.js';

/**
 * The counts of `kpi-counts.repository.ts`, read from the counters migration 0028 keeps per Beijing day, org
 * and dimension (`kpi_day_counts`, `kpi_due_spans`) instead of the cases: the same answers (a property test
 * holds them equal), in time that grows with the days asked for, not with the cases.
 *
 * 应办结 is the one count that is not a sum of day counters: a case counts when it was closed in the window or
 * its deadline fell in the window before `now`. It is taken as closed + deadline − both (the pairs of days
 * in `kpi_due_spans`), over the deadlines of the days before today; today's deadlines already passed are
 * read from the cases (`countDueSince`), the few of one day. Grids and communities keep no counters (a few
 * cases a day each, where counters would be a row per case): their counts are taken from the cases.
 */

/** The dimension of the counters a grouping reads; the totals sum over the first-level categories. */
const DIMENSION: Record<KpiGrouping, string> = {
  lead_unit_id: 'lead_unit',
  district_id: 'district',
  town_id: 'town',
};
const TOTALS = 'category';

/** Counts that are plain sums of day counters, with the column each is kept in. */
const SUMMED: [keyof KpiCounts, string][] = [
  ['total', 'total'],
  ['duplicates', 'duplicates'],
  ['dispatched', 'dispatched'],
  ['accepted', 'accepted'],
  ['acceptedOnTime', 'accepted_on_time'],
  ['returned', 'returned'],
  ['extended', 'extended'],
  ['replied', 'replied'],
  ['reworked', 'reworked'],
  ['dueForCallback', 'due_for_callback'],
  ['callbacks', 'callbacks'],
  ['validCallbacks', 'valid_callbacks'],
  ['contacted', 'contacted'],
  ['solved', 'solved'],
  ['satisfied', 'satisfied'],
  ['basicallySatisfied', 'basically_satisfied'],
];

interface DayRow extends Record<string, unknown> {
  i: number;
  g: number;
}

/** Whether the org of a subtree path keeps counters (all but grids and communities, see migration 0028). */
async function keepsCounters(db: DbOrTx, path: string): Promise<boolean> {
  const [org] = await queryRows<{ kind: string }>(
    db,
    sql`select kind from orgs where id = ${orgIdOfPath(path)}`,
  );
  return org !== undefined && org.kind !== 'grid' && org.kind !== 'community';
}

/** Leaves out the groups with nothing counted. */
function counted<K>(groups: Map<K, KpiCounts>): Map<K, KpiCounts> {
  return new Map([...groups].filter(([, c]) => Object.values(c).some((n) => n !== 0)));
}

/** The Beijing day of a Beijing midnight; refuses an instant that is not one (the counters keep whole days). */
function dayOf(bound: Date): string {
  const day = toBeijingDate(bound);
  if (beijingMidnightOfDate(day).getTime() !== bound.getTime()) {
    throw new Error(`kpi aggregates: ${bound.toISOString()} is not a Beijing midnight`);
  }
  return day;
}

/**
 * The counts per bucket (`bounds`, Beijing midnights) and group of an org subtree: key `${bucket}:${group}`
 * with buckets 0-based; group 0 when not grouped (ungrouped rows with no group are left out of a grouping).
 */
async function readCounts(
  db: DbOrTx,
  path: string,
  bounds: readonly Date[],
  now: Date,
  groupBy?: KpiGrouping,
): Promise<Map<string, KpiCounts>> {
  const days = bounds.map(dayOf);
  const first = days[0]!;
  const last = days.at(-1)!;
  const today = toBeijingDate(now);
  const literal = `{${days.join(',')}}`;
  const orgId = orgIdOfPath(path);
  const dim = groupBy ? DIMENSION[groupBy] : TOTALS;
  const group = groupBy ? sql`dim_id` : sql`0`;
  const grouped = groupBy ? sql`and dim_id <> 0` : sql``;
  const summed = SUMMED.map(
    ([, column]) => sql`sum(${sql.identifier(column)})::int as ${sql.identifier(column)}`,
  );
  const beforeToday = (column: string) =>
    sql`coalesce(sum(${sql.identifier(column)}) filter (where day < ${today}::date), 0)::int
        as ${sql.identifier(column)}`;
  const [dayRows, spanRows] = await Promise.all([
    queryRows<DayRow>(
      db,
      sql`select width_bucket(day, ${literal}::date[]) as i, ${group} as g, ${sql.join(summed, sql`, `)},
                 sum(closed_due)::int as closed_due, sum(closed_due_on_time)::int as closed_due_on_time,
                 ${beforeToday('deadline_due')}, ${beforeToday('deadline_closed')},
                 ${beforeToday('deadline_on_time')}
          from kpi_day_counts
          where org_id = ${orgId} and dim = ${dim} and day >= ${first}::date and day < ${last}::date ${grouped}
          group by 1, 2`,
    ),
    queryRows<DayRow & { cases: number; on_time: number }>(
      db,
      sql`select width_bucket(closed_day, ${literal}::date[]) as i, ${group} as g,
                 sum(cases)::int as cases, sum(on_time)::int as on_time
          from kpi_due_spans
          where org_id = ${orgId} and dim = ${dim} and closed_day >= ${first}::date and closed_day < ${last}::date
            and deadline_day < ${today}::date
            and width_bucket(deadline_day, ${literal}::date[]) = width_bucket(closed_day, ${literal}::date[])
            ${grouped}
          group by 1, 2`,
    ),
  ]);
  const counts = new Map<string, KpiCounts>();
  for (const row of dayRows) {
    const c = { ...EMPTY_KPI_COUNTS };
    for (const [key, column] of SUMMED) c[key] = Number(row[column]);
    c.dueToClose = Number(row.closed_due) + Number(row.deadline_due);
    c.closed = Number(row.closed_due) + Number(row.deadline_closed);
    c.closedOnTime = Number(row.closed_due_on_time) + Number(row.deadline_on_time);
    counts.set(`${Number(row.i) - 1}:${Number(row.g)}`, c);
  }
  const adjust = (key: string, due: DueCounts, sign: 1 | -1) => {
    const c = counts.get(key) ?? { ...EMPTY_KPI_COUNTS };
    c.dueToClose += sign * due.dueToClose;
    c.closed += sign * due.closed;
    c.closedOnTime += sign * due.closedOnTime;
    counts.set(key, c);
  };
  for (const row of spanRows) {
    const both = Number(row.cases);
    adjust(
      `${Number(row.i) - 1}:${Number(row.g)}`,
      { dueToClose: both, closed: both, closedOnTime: Number(row.on_time) },
      -1,
    );
  }
  // today's deadlines already passed, when today lies in the buckets: from the cases of the one bucket
  const slot = days.findIndex((day, i) => i < days.length - 1 && day <= today && today < days[i + 1]!);
  if (slot >= 0) {
    const scope: CountScope = { path, from: bounds[slot]!, to: bounds[slot + 1]!, now };
    const passedToday = await countDueSince(db, scope, beijingMidnightOfDate(today), groupBy);
    for (const [g, due] of passedToday) if (!groupBy || g !== 0) adjust(`${slot}:${g}`, due, 1);
  }
  for (const c of counts.values()) c.overdue = c.dueToClose - c.closedOnTime;
  // a group is listed for what it counts, not for counters that came back to zero
  return counted(counts);
}

/** `countKpis` from the counters. */
export async function readKpis(db: DbOrTx, scope: CountScope): Promise<KpiCounts> {
  if (!(await keepsCounters(db, scope.path))) return countKpis(db, scope);
  const counts = await readCounts(db, scope.path, [scope.from, scope.to], scope.now);
  return counts.get('0:0') ?? { ...EMPTY_KPI_COUNTS };
}

/** `countKpisBy` from the counters; only the groups with something counted. */
export async function readKpisBy(
  db: DbOrTx,
  scope: CountScope,
  groupBy: KpiGrouping,
): Promise<Map<number, KpiCounts>> {
  if (!(await keepsCounters(db, scope.path))) return counted(await countKpisBy(db, scope, groupBy));
  const counts = await readCounts(db, scope.path, [scope.from, scope.to], scope.now, groupBy);
  return new Map([...counts].map(([key, c]) => [Number(key.split(':')[1]), c]));
}

/** `countKpisPerBucket` from the counters. */
export async function readKpisPerBucket(
  db: DbOrTx,
  path: string,
  bounds: readonly Date[],
  now: Date,
): Promise<KpiCounts[]> {
  if (!(await keepsCounters(db, path))) return countKpisPerBucket(db, path, bounds, now);
  const counts = await readCounts(db, path, bounds, now);
  return bounds.slice(1).map((_, i) => counts.get(`${i}:0`) ?? { ...EMPTY_KPI_COUNTS });
}

/**
 * Recounts every KPI counter from the cases (idempotent): after a bulk load written with
 * `shanzhi.kpi_aggregates` off, or to check the counters kept by the triggers.
 */
export async function rebuildKpiCounters(db: DbOrTx): Promise<void> {
  await db.execute(sql`select kpi_rebuild()`);
}
