import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, smallint, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/bytea.js';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * 报告: a daily summary, weekly analysis or monthly report (每日汇总·每周研判·每月总结) of one org subtree over
 * one period, with its Word document (研判专刊) and Excel tables once produced. One row per kind, org and
 * period: the unique key lets several server processes ask for the same report and produce it once.
 */
export const reports = pgTable(
  'reports',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** `daily`, `weekly` or `monthly` */
    kind: text('kind').notNull(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    /** the org's path when the report was asked for, for the scope filter */
    orgPath: text('org_path').notNull(),
    /** `YYYY-MM-DD`, `YYYY-Www` or `YYYY-MM` (Beijing time) */
    period: text('period').notNull(),
    /** the period's first and last Beijing day (inclusive) */
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    /** `queued`, `generating`, `ready` or `failed` */
    status: text('status').notNull().default('queued'),
    /** 0–100 */
    progress: smallint('progress').notNull().default(0),
    /** why generation failed, for people */
    error: text('error'),
    /** who asked for it; null for a scheduled report */
    requestedByUserId: integer('requested_by_user_id').references(() => users.id),
    /** the Word document (.docx) */
    document: bytea('document'),
    /** the Excel workbook (.xlsx) */
    tables: bytea('tables'),
    createdAt: at('created_at').notNull(),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    unique('reports_kind_org_period_key').on(t.kind, t.orgId, t.period),
    index('reports_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops')),
    index('reports_status_idx').on(t.status),
    check('reports_kind_check', sql`${t.kind} in ('daily', 'weekly', 'monthly')`),
    check('reports_status_check', sql`${t.status} in ('queued', 'generating', 'ready', 'failed')`),
    check('reports_progress_check', sql`${t.progress} between 0 and 100`),
  ],
);
