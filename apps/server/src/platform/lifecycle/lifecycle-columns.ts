import { bigint, integer, jsonb, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The columns of every lifecycle's timeline table (`case_events`, `grid_finding_events` …), beside the column
 * naming the thing it belongs to: one row per action or clock event, append-only (the database refuses UPDATE,
 * DELETE and TRUNCATE: trigger function `case_events_refuse_change`, migration 0003) and chained under the
 * server's key (`event-chain.ts`), so a row changed behind the trigger's back no longer verifies.
 */
export function lifecycleEventColumns() {
  return {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** 1, 2, 3 … within the thing */
    seq: integer('seq').notNull(),
    /** the lifecycle action (`dispatch` …), or `sla` for the clock's events */
    action: text('action').notNull(),
    /** past-tense event name: `case.dispatched`, `case.sla_warned` … */
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
    /** what the action changed or recorded: `{ leadUnitId: 12, coHandlerIds: [13] }`, answers … */
    changes: jsonb('changes').notNull().default({}),
    /** ids of attachments (photos, documents) the action carried */
    attachments: jsonb('attachments').notNull().default([]),
    /** hash of the previous event; 64 zeros for the first */
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  };
}

/**
 * The columns of a thing with a lifecycle that carry the head of its timeline's chain, written in the
 * statement that appends each event: an event removed, or a chain recomputed behind the database's back, no
 * longer matches them.
 */
export function chainHeadColumns() {
  return {
    /** hash of the last event; null before the first */
    chainHead: text('chain_head'),
    /** how many events the timeline has */
    eventCount: integer('event_count').notNull().default(0),
  };
}
