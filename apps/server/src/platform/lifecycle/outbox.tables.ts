import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/database.js';

/**
 * Transactional outbox: every lifecycle event writes one row in the same transaction, so a notification is
 * sent if and only if the change committed. Consumers (in-app notifications, the SSE stream, the 110
 * interface) claim unprocessed rows with `FOR UPDATE SKIP LOCKED` and set `processed_at`.
 *
 * `topic` is the event name (`case.dispatched` …). `payload` is what its module says; for cases an
 * `OutboxCasePayload` (`modules/cases/case-outbox.ts`):
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

/**
 * The outbox row of a lifecycle event whose module needs no payload of its own beyond `facts`: the event's
 * id, number, name, actor and time, and the facts a consumer decides by (`{ findingId, state, gridId … }`).
 */
export function outboxInsertOf(
  db: DbOrTx,
  event: { id: number; seq: number; event: string; actorUserId: number | null; at: Date },
  facts: Record<string, unknown>,
) {
  return db.insert(outbox).values({
    topic: event.event,
    payload: {
      ...facts,
      eventId: event.id,
      seq: event.seq,
      event: event.event,
      actorUserId: event.actorUserId,
      at: event.at.toISOString(),
    },
    createdAt: event.at,
  });
}
