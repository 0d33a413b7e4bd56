import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { cases } from './cases.tables.js';

/**
 * 一事一档: the timeline of a case, one row per action or clock event. Append-only — the database refuses
 * UPDATE, DELETE and TRUNCATE (trigger `case_events_append_only`, migration 0003) — and hash-chained:
 * `hash = sha256(prev_hash + canonical JSON of the event's content)` (`case-timeline.ts`), so a row changed
 * behind the trigger's back breaks the chain that `GET /cases/:id/timeline/verify` recomputes.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    /** 1, 2, 3 … within the case */
    seq: integer('seq').notNull(),
    /** the lifecycle action (`dispatch` …), or `sla` for the clock's events */
    action: text('action').notNull(),
    /** past-tense event name: `case.dispatched`, `case.sla_warned`, `case.sla_breached` … */
    event: text('event').notNull(),
    /** null for the system (the SLA scan) */
    actorUserId: integer('actor_user_id'),
    /** the actor's display name as it was then (names change; the file must not) */
    actorName: text('actor_name').notNull(),
    actorOrgId: integer('actor_org_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    note: text('note'),
    /** what the action changed or recorded: `{ leadUnitId: 12, coHandlerIds: [13] }`, callback answers … */
    changes: jsonb('changes').notNull().default({}),
    /** ids of attachments (photos, documents) the action carried */
    attachments: jsonb('attachments').notNull().default([]),
    /** hash of the previous event of the case; 64 zeros for the first */
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('case_events_case_seq_idx').on(t.caseId, t.seq), index('case_events_at_idx').on(t.at)],
);

/**
 * Transactional outbox: every case event writes one row in the same transaction, so a notification is
 * sent if and only if the change committed. Consumers (in-app notifications, the SSE stream, the 110
 * interface) claim unprocessed rows with `FOR UPDATE SKIP LOCKED` and set `processed_at`.
 *
 * `topic` is the event name (`case.dispatched` …). `payload` is an `OutboxCasePayload` (`case-outbox.ts`):
 * the case id and number, the event's id and seq, the actor, the state after the event, and the orgs to
 * tell (lead unit, co-handlers, current owner, first receiver).
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [index('outbox_pending_idx').on(t.id).where(sql`${t.processedAt} is null`)],
);
