import { index, integer, pgTable, uniqueIndex } from 'drizzle-orm/pg-core';
import { lifecycleEventColumns } from '../../platform/lifecycle/lifecycle-columns.js';
import { cases } from './cases.tables.js';

/**
 * 一事一档: the timeline of a case, one row per action or clock event. Append-only — the database refuses
 * UPDATE, DELETE and TRUNCATE (trigger `case_events_append_only`, migration 0003) — and hash-chained:
 * keyed with the server's chain key (`platform/lifecycle/event-chain.ts`), so a row changed behind the
 * trigger's back breaks the chain that `GET /cases/:id/timeline/verify` recomputes.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    ...lifecycleEventColumns(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
  },
  (t) => [uniqueIndex('case_events_case_seq_idx').on(t.caseId, t.seq), index('case_events_at_idx').on(t.at)],
);
