import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * The KPI counters (migration 0028), kept by triggers on `cases` and `case_handlers`; read by
 * `kpi-aggregates.repository.ts`. Each org counts the cases of its subtree (`caseInSubtree`).
 */
const counter = (name: string) => integer(name).notNull().default(0);

/** Per Beijing day, org and dimension: the cases each count of KpiCounts takes on that day. */
export const kpiDayCounts = pgTable(
  'kpi_day_counts',
  {
    orgId: integer('org_id').notNull(),
    /** `category` (first-level), `lead_unit`, `district` or `town` */
    dim: text('dim').notNull(),
    day: date('day').notNull(),
    /** the category, unit, district or town; 0 for none */
    dimId: integer('dim_id').notNull(),
    total: counter('total'),
    duplicates: counter('duplicates'),
    dispatched: counter('dispatched'),
    accepted: counter('accepted'),
    acceptedOnTime: counter('accepted_on_time'),
    returned: counter('returned'),
    extended: counter('extended'),
    replied: counter('replied'),
    reworked: counter('reworked'),
    dueForCallback: counter('due_for_callback'),
    callbacks: counter('callbacks'),
    validCallbacks: counter('valid_callbacks'),
    contacted: counter('contacted'),
    solved: counter('solved'),
    satisfied: counter('satisfied'),
    basicallySatisfied: counter('basically_satisfied'),
    /** assessed cases closed this day (应办结 by closing) */
    closedDue: counter('closed_due'),
    /** of those, closed on time */
    closedDueOnTime: counter('closed_due_on_time'),
    /** assessed cases whose resolve deadline falls this day (应办结 once it has passed) */
    deadlineDue: counter('deadline_due'),
    /** of those, closed */
    deadlineClosed: counter('deadline_closed'),
    /** of those, closed on time */
    deadlineOnTime: counter('deadline_on_time'),
  },
  (t) => [
    primaryKey({ name: 'kpi_day_counts_pk', columns: [t.orgId, t.dim, t.day, t.dimId] }),
    check('kpi_day_counts_dim_check', sql`${t.dim} in ('category', 'lead_unit', 'district', 'town')`),
  ],
);

/** The closed cases with a deadline by (closed day, deadline day): those 应办结 would count twice. */
export const kpiDueSpans = pgTable(
  'kpi_due_spans',
  {
    orgId: integer('org_id').notNull(),
    dim: text('dim').notNull(),
    closedDay: date('closed_day').notNull(),
    deadlineDay: date('deadline_day').notNull(),
    dimId: integer('dim_id').notNull(),
    cases: counter('cases'),
    /** of those, closed on time */
    onTime: counter('on_time'),
  },
  (t) => [
    primaryKey({
      name: 'kpi_due_spans_pk',
      columns: [t.orgId, t.dim, t.closedDay, t.deadlineDay, t.dimId],
    }),
    check('kpi_due_spans_dim_check', sql`${t.dim} in ('category', 'lead_unit', 'district', 'town')`),
  ],
);
