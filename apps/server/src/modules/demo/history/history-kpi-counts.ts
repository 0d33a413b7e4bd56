import { EMPTY_KPI_COUNTS, type KpiCounts } from '@shanzhi/shared';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../../platform/db/database.js';

/**
 * The KPI counts of every case as of `at`, straight from the case columns — a check of the demo history
 * against Wuhai's figures (closing ≈ 99 %, satisfaction ≈ 97–98 %), independent of the KPI module.
 * 办结 here is the unit's reply standing (replied, reviewed, called back or closed); 应办结 the dispatched
 * cases whose resolve deadline has passed, less those merged, voided or passed to 110.
 */
export async function countHistoryKpis(db: DbOrTx, at: Date): Promise<KpiCounts> {
  const now = at.toISOString();
  const [row] = await queryRows<Record<keyof KpiCounts, number>>(
    db,
    sql`with c as (
          select *, state in ('replied', 'reviewed', 'called_back', 'closed') as done,
                 dispatched_at is not null and resolve_deadline <= ${now}::timestamptz
                   and state not in ('merged', 'invalidated', 'transferred_110') as due
            from cases)
        select count(*)::int as "total",
               count(*) filter (where master_case_id is not null)::int as "duplicates",
               count(*) filter (where dispatched_at is not null)::int as "dispatched",
               count(*) filter (where accepted_at is not null)::int as "accepted",
               count(*) filter (where accepted_at <= accept_deadline)::int as "acceptedOnTime",
               count(*) filter (where returns > 0)::int as "returned",
               count(*) filter (where extension_status = 'approved')::int as "extended",
               count(*) filter (where due)::int as "dueToClose",
               count(*) filter (where due and done)::int as "closed",
               count(*) filter (where due and done and replied_at <= resolve_deadline)::int as "closedOnTime",
               count(*) filter (where due and not (done and replied_at <= resolve_deadline))::int as "overdue",
               count(*) filter (where replied_at is not null)::int as "replied",
               count(*) filter (where reworks > 0)::int as "reworked",
               count(*) filter (where state in ('reviewed', 'called_back', 'closed'))::int as "dueForCallback",
               count(*) filter (where called_back_at is not null)::int as "callbacks",
               count(*) filter (where callback_reached and satisfaction is not null)::int as "validCallbacks",
               count(*) filter (where callback_reached and callback_contacted)::int as "contacted",
               count(*) filter (where callback_reached and callback_solved)::int as "solved",
               count(*) filter (where callback_reached and satisfaction = 'satisfied')::int as "satisfied",
               count(*) filter (where callback_reached and satisfaction = 'basically_satisfied')::int
                 as "basicallySatisfied"
          from c`,
  );
  return { ...EMPTY_KPI_COUNTS, ...row };
}
