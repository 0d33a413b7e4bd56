import { EMPTY_KPI_COUNTS, type KpiCounts } from '@shanzhi/shared';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../platform/db/database.js';
import { caseInSubtree } from '../cases/case-access.js';

/**
 * The window one set of counts is taken over, as SQL expressions (parameters for one period, columns of
 * the bucket for a trend): events at or after `from` and before `to`; deadlines count as due only once
 * they have passed, i.e. before `dueEnd` = min(`to`, now).
 */
interface CountWindow {
  from: SQL;
  to: SQL;
  dueEnd: SQL;
}

const col = (name: string) => sql.raw(`cases.${name}`);
const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;
/** Cases that stand for a request of their own: not spam, not a duplicate following a master, not 110's. */
const ASSESSED = sql`cases.state not in ('invalidated', 'merged', 'transferred_110')`;

/**
 * Each count of `KpiCounts` as a condition on one `cases` row (DOMAIN.md §6). Every count is a number of
 * cases, never of events, and all come from columns of `cases` — no walk through the timeline:
 *
 * - `total` — 登记: registered in the window (`created_at`), invalidated cases (spam, test calls) excepted.
 *   `duplicates` — of those, merged into a master case (`master_case_id` set).
 * - The rest leave out invalidated, merged and transferred-to-110 cases (`ASSESSED`): they owe the units
 *   nothing.
 * - `dispatched` — 应签收: (last) dispatched in the window (`dispatched_at`; a re-dispatch or a reopen moves
 *   it). Of those: `accepted` — signed for since (`accepted_at` set); `acceptedOnTime` — signed for by the
 *   acceptance deadline; `returned` — returned as mis-routed at least once (`returns` > 0). `extended` —
 *   of `accepted`, an extension was approved.
 * - `dueToClose` — 应办结: the resolve deadline fell in the window and has passed (before `dueEnd`), or
 *   the case was closed in the window (answered on the call, or closed after its callback) — so a case
 *   closed early counts when it is closed, an open one when its deadline passes. Of those: `closed` —
 *   closed (`closed_at` set; a reopen clears it); `closedOnTime` — closed, and the unit's last reply (or
 *   the close, for a case answered on the call) came by the (possibly extended) resolve deadline;
 *   `overdue` — the others: closed late, or still open past the deadline. So closedOnTime + overdue =
 *   dueToClose.
 * - `replied` — 办结反馈: the unit's last reply fell in the window; `reworked` — of those, sent back at least
 *   once. `dueForCallback` — of `replied`, the reply was approved (the case went on to 待回访, 已回访 or
 *   结案, or was called back after it); `callbacks` — of those, called back after the last reply.
 * - `validCallbacks` — 有效回访: called back in the window (`called_back_at`), the citizen reached and all
 *   three questions answered. Of those: `contacted` (响应), `solved` (解决), `satisfied` (满意),
 *   `basicallySatisfied` (基本满意).
 *
 * Outcomes (accepted, closed …) are taken as they stand when the query runs, so a report on a past period
 * still improves when a late case is closed; what is due is fixed by the window alone.
 */
function countConditions(w: CountWindow): Record<keyof KpiCounts, SQL> {
  const within = (name: string) => sql`(${col(name)} >= ${w.from} and ${col(name)} < ${w.to})`;
  const total = sql`cases.state <> 'invalidated' and ${within('created_at')}`;
  const dispatched = sql`${ASSESSED} and ${within('dispatched_at')}`;
  const accepted = sql`${dispatched} and cases.accepted_at is not null`;
  const due = sql`${ASSESSED} and ((cases.resolve_deadline >= ${w.from} and cases.resolve_deadline < ${w.dueEnd})
    or ${within('closed_at')})`;
  const onTime = sql`(cases.closed_at is not null
    and coalesce(cases.replied_at, cases.closed_at) <= coalesce(cases.resolve_deadline, 'infinity'::timestamptz))`;
  const replied = sql`${ASSESSED} and ${within('replied_at')}`;
  const dueForCallback = sql`${replied} and (cases.state in ('reviewed', 'called_back', 'closed')
    or cases.called_back_at >= cases.replied_at)`;
  const valid = sql`${ASSESSED} and ${within('called_back_at')} and cases.callback_reached
    and cases.callback_contacted is not null and cases.callback_solved is not null
    and cases.satisfaction is not null`;
  return {
    total,
    duplicates: sql`${total} and cases.master_case_id is not null`,
    dispatched,
    accepted,
    acceptedOnTime: sql`${accepted} and cases.accepted_at <= coalesce(cases.accept_deadline, 'infinity'::timestamptz)`,
    returned: sql`${dispatched} and cases.returns > 0`,
    extended: sql`${accepted} and cases.extension_status = 'approved'`,
    dueToClose: due,
    closed: sql`${due} and cases.closed_at is not null`,
    closedOnTime: sql`${due} and ${onTime}`,
    overdue: sql`${due} and not ${onTime}`,
    replied,
    reworked: sql`${replied} and cases.reworks > 0`,
    dueForCallback,
    callbacks: sql`${dueForCallback} and cases.called_back_at >= cases.replied_at`,
    validCallbacks: valid,
    contacted: sql`${valid} and cases.callback_contacted`,
    solved: sql`${valid} and cases.callback_solved`,
    satisfied: sql`${valid} and cases.satisfaction = 'satisfied'`,
    basicallySatisfied: sql`${valid} and cases.satisfaction = 'basically_satisfied'`,
  };
}

const TIMESTAMPS = [
  'created_at',
  'dispatched_at',
  'resolve_deadline',
  'closed_at',
  'replied_at',
  'called_back_at',
];

/** The `count(*) filter (where …)` list, one column per count, named as in `KpiCounts`. */
function aggregates(w: CountWindow): SQL {
  return sql.join(
    Object.entries(countConditions(w)).map(
      ([key, condition]) => sql`count(*) filter (where ${condition})::int as ${sql.identifier(key)}`,
    ),
    sql`, `,
  );
}

/** Rows that may count at all: one of their timestamps lies in [from, to) (lets the scan skip the rest). */
function touches(from: Date, to: Date): SQL {
  return sql.join(
    TIMESTAMPS.map((name) => sql`(${col(name)} >= ${at(from)} and ${col(name)} < ${at(to)})`),
    sql` or `,
  );
}

function countsOf(row: Record<string, unknown>): KpiCounts {
  const counts = { ...EMPTY_KPI_COUNTS };
  for (const key of Object.keys(counts) as (keyof KpiCounts)[]) counts[key] = Number(row[key] ?? 0);
  return counts;
}

/** Where the counts are taken: an org subtree (`caseInSubtree`) and a period [from, to). */
export interface CountScope {
  path: string;
  from: Date;
  to: Date;
  now: Date;
}

function windowOf(scope: CountScope): CountWindow {
  const dueEnd = scope.now.getTime() < scope.to.getTime() ? scope.now : scope.to;
  return { from: at(scope.from), to: at(scope.to), dueEnd: at(dueEnd) };
}

/**
 * The cases one count of `KpiCounts` counts, as a condition on `cases` (subtree and window included), for
 * lists that must agree with the measures: the registered cases by source, the overdue list of a report.
 */
export function kpiCaseCondition(key: keyof KpiCounts, scope: CountScope): SQL {
  return sql`${caseInSubtree(scope.path)} and ${countConditions(windowOf(scope))[key]}`;
}

/** The counts of the cases in an org subtree over a period: one aggregate over `cases`. */
export async function countKpis(db: DbOrTx, scope: CountScope): Promise<KpiCounts> {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${aggregates(windowOf(scope))} from cases
        where ${caseInSubtree(scope.path)} and (${touches(scope.from, scope.to)})`,
  );
  return countsOf(row ?? {});
}

/** What a ranking groups cases by: the lead unit, or the district or town where the case lies. */
export type KpiGrouping = 'lead_unit_id' | 'district_id' | 'town_id';

/** The counts per group (org id) of the cases in an org subtree over a period: one grouped aggregate. */
export async function countKpisBy(
  db: DbOrTx,
  scope: CountScope,
  groupBy: KpiGrouping,
): Promise<Map<number, KpiCounts>> {
  const rows = await queryRows<Record<string, unknown> & { group_id: number }>(
    db,
    sql`select ${col(groupBy)} as group_id, ${aggregates(windowOf(scope))} from cases
        where ${col(groupBy)} is not null and ${caseInSubtree(scope.path)} and (${touches(scope.from, scope.to)})
        group by ${col(groupBy)}`,
  );
  return new Map(rows.map((r) => [Number(r.group_id), countsOf(r)]));
}

/** The counts 应办结 depends on `now` for: the due cases, the closed ones and those closed on time. */
export type DueCounts = Pick<KpiCounts, 'dueToClose' | 'closed' | 'closedOnTime'>;

/**
 * What the deadlines passed in [`since`, `now`) add to the due counts of the window [from, to) (`since` at or
 * after `from`, `now` before `to`): the due counts at `now` less those at `since`, per group (0 without one).
 * Only the cases whose deadline lies in [`since`, `now`) can differ, so only those are read.
 */
export async function countDueSince(
  db: DbOrTx,
  scope: CountScope,
  since: Date,
  groupBy?: KpiGrouping,
): Promise<Map<number, DueCounts>> {
  const atNow = countConditions(windowOf(scope));
  const atSince = countConditions({ ...windowOf(scope), dueEnd: at(since) });
  const added = (key: keyof DueCounts) =>
    sql`(count(*) filter (where ${atNow[key]}) - count(*) filter (where ${atSince[key]}))::int
        as ${sql.identifier(key)}`;
  const group = groupBy ? col(groupBy) : sql`0`;
  const rows = await queryRows<DueCounts & { group_id: number }>(
    db,
    sql`select ${group} as group_id, ${added('dueToClose')}, ${added('closed')}, ${added('closedOnTime')}
        from cases
        where cases.resolve_deadline >= ${at(since)} and cases.resolve_deadline < ${at(scope.now)}
          and ${caseInSubtree(scope.path)}
        group by 1`,
  );
  return new Map(
    rows.map((r) => [
      Number(r.group_id),
      { dueToClose: Number(r.dueToClose), closed: Number(r.closed), closedOnTime: Number(r.closedOnTime) },
    ]),
  );
}

/**
 * The counts per bucket of a trend, in one aggregate: each case joins the buckets its timestamps fall in
 * (`width_bucket` over the sorted bounds), and each count is taken over its bucket's own window. Answers
 * the counts by bucket index (0-based, as `bounds` minus its last entry).
 */
export async function countKpisPerBucket(
  db: DbOrTx,
  path: string,
  bounds: readonly Date[],
  now: Date,
): Promise<KpiCounts[]> {
  const n = bounds.length - 1;
  const literal = `{${bounds.map((b) => `"${b.toISOString()}"`).join(',')}}`;
  const bucket = (name: string) => sql`width_bucket(${col(name)}, bounds.a)`;
  const window: CountWindow = {
    from: sql`bounds.a[slot.i]`,
    to: sql`bounds.a[slot.i + 1]`,
    dueEnd: sql`least(bounds.a[slot.i + 1], ${at(now)})`,
  };
  const rows = await queryRows<Record<string, unknown> & { i: number }>(
    db,
    sql`with bounds as (select ${literal}::timestamptz[] as a)
        select slot.i, ${aggregates(window)}
        from cases
        cross join bounds
        cross join lateral (
          select distinct i from unnest(array[${sql.join(TIMESTAMPS.map(bucket), sql`, `)}]) as i
          where i between 1 and ${sql.raw(String(n))}
        ) slot
        where ${caseInSubtree(path)} and (${touches(bounds[0]!, bounds[n]!)})
        group by slot.i`,
  );
  const counts = Array.from({ length: n }, () => ({ ...EMPTY_KPI_COUNTS }));
  for (const row of rows) counts[Number(row.i) - 1] = countsOf(row);
  return counts;
}
