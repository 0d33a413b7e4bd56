import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { catalogCategories } from '../../catalog/catalog.tables.js';
import { orgs } from '../../orgs/orgs.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * 苗头性问题预警: a surge of one category in one place on one day, or an emerging topic (a cluster of similar new
 * cases about something not seen before). Written by the warnings job; the same surge on the same day (the
 * same `dedup_key`) is updated, never duplicated.
 */
export const warnings = pgTable(
  'warnings',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** `surge` (激增) or `emerging_topic` (新苗头) */
    kind: text('kind').notNull(),
    /** `surge:<day>:<org id>:<area code>` or `topic:<first case id>`: one warning per thing */
    dedupKey: text('dedup_key').notNull().unique(),
    /** `open` or `acknowledged` */
    status: text('status').notNull().default('open'),
    /** 「海北街道 · 供水：今日 14 件，基线 2.1 件/日」 */
    title: text('title').notNull(),
    /** where: the place counted (surge) or the deepest org holding the cluster (topic) */
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    /** the org's path, for the scope filter */
    orgPath: text('org_path').notNull(),
    /** the 大类 (first-level category) of a surge; null for a topic */
    categoryId: integer('category_id').references(() => catalogCategories.id),
    /** the Beijing day counted (`YYYY-MM-DD`) */
    day: text('day').notNull(),
    caseIds: integer('case_ids').array().notNull(),
    /** cases counted (surge) or in the cluster (topic) */
    observed: integer('observed').notNull(),
    /** expected count: the baseline mean per day (surge) or the key terms' baseline count (topic) */
    baseline: doublePrecision('baseline').notNull(),
    /** one-sided Poisson p-value of `observed` against `baseline` */
    pValue: doublePrecision('p_value').notNull(),
    /** how unusual, −log10 p (≥ 3 means less than 1 in 1,000) */
    score: doublePrecision('score').notNull(),
    /** key terms of a topic */
    terms: text('terms').array().notNull().default(sql`'{}'::text[]`),
    /** the model's other figures (window, rate, level …) */
    details: jsonb('details').notNull().default({}),
    /** first and last case counted */
    firstSeenAt: at('first_seen_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
    acknowledgedByUserId: integer('acknowledged_by_user_id'),
    acknowledgedAt: at('acknowledged_at'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('warnings_seen_idx').on(t.lastSeenAt.desc(), t.id.desc()),
    index('warnings_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops')),
    index('warnings_case_ids_idx').using('gin', t.caseIds),
    check('warnings_kind_check', sql`${t.kind} in ('surge', 'emerging_topic')`),
    check('warnings_status_check', sql`${t.status} in ('open', 'acknowledged')`),
  ],
);
