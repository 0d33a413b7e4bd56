import { createHash } from 'node:crypto';
import type { SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { caseEvents, outbox } from './case-events.tables.js';
import { caseOutboxRow, type OutboxCaseFacts } from './case-outbox.js';
import type { CaseEventRow, ChainHead } from './cases.repository.js';

/** `prev_hash` of a case's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: one text for one value, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The content of an event that its hash covers: everything but its id and the hashes themselves. */
export interface EventContent {
  caseId: number;
  seq: number;
  action: string;
  event: string;
  actorUserId: number | null;
  actorName: string;
  actorOrgId: number | null;
  at: Date;
  fromState: string | null;
  toState: string;
  note: string | null;
  changes: Record<string, unknown>;
  attachments: unknown[];
}

/** `sha256(prev_hash + canonical JSON of the content)`, hex. */
export function hashEvent(prevHash: string, content: EventContent): string {
  const body = canonicalJson({ ...content, at: content.at.toISOString() });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/** An event to append: its content without the case-wide numbering, which `chainEvent` assigns. */
export type NewEvent = Omit<EventContent, 'seq' | 'caseId'>;

/** A timeline event ready to insert: its content, numbered and chained to the one before it. */
export type ChainedEvent = EventContent & { prevHash: string; hash: string };

/**
 * Numbers an event and chains it to the case's last event (`null` for a case's first): the row to insert.
 * The JSON columns are hashed as they will read back: plain JSON, no undefined, no Date objects.
 */
export function chainEvent(
  caseId: number,
  event: NewEvent,
  last: Pick<CaseEventRow, 'seq' | 'hash'> | null,
): ChainedEvent {
  const changes = JSON.parse(JSON.stringify(event.changes)) as Record<string, unknown>;
  const attachments = JSON.parse(JSON.stringify(event.attachments)) as unknown[];
  const content: EventContent = { ...event, changes, attachments, caseId, seq: (last?.seq ?? 0) + 1 };
  const prevHash = last?.hash ?? GENESIS_HASH;
  return { ...content, prevHash, hash: hashEvent(prevHash, content) };
}

/** A case event ready to be written with the change it records. */
export interface RecordedEvent {
  /** the event as it will be stored */
  event: CaseEventRow;
  /** the inserts of the event and of its outbox row */
  inserts: SQLWrapper[];
}

/**
 * The timeline event of a change to a case, chained to the case's chain head, with the inserts of it and of
 * its outbox row (every event has one): for the single statement that makes the change. `facts` are the
 * case as the change leaves it.
 */
export function recordEvent(
  db: DbOrTx,
  facts: OutboxCaseFacts,
  event: NewEvent,
  head: ChainHead,
  coHandlerIds: readonly number[],
): RecordedEvent {
  const row: CaseEventRow = { id: head.nextEventId, ...chainEvent(facts.id, event, head.last) };
  return {
    event: row,
    inserts: [
      db.insert(caseEvents).values(row),
      db.insert(outbox).values(caseOutboxRow(facts, row, coHandlerIds)),
    ],
  };
}

/** The answer of a timeline verification. */
export interface TimelineVerification {
  /** the chain holds: every event's hash matches its content and its predecessor */
  valid: boolean;
  /** how many events were checked */
  events: number;
  /** seq of the first event that does not match, when the chain is broken */
  brokenAt?: number;
}

/** Recomputes the chain of a timeline (events in seq order) and says where, if anywhere, it breaks. */
export function verifyChain(events: readonly CaseEventRow[]): TimelineVerification {
  let prevHash = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    const content: EventContent = {
      caseId: e.caseId,
      seq: e.seq,
      action: e.action,
      event: e.event,
      actorUserId: e.actorUserId,
      actorName: e.actorName,
      actorOrgId: e.actorOrgId,
      at: e.at,
      fromState: e.fromState,
      toState: e.toState,
      note: e.note,
      changes: e.changes as Record<string, unknown>,
      attachments: e.attachments as unknown[],
    };
    const intact = e.seq === i + 1 && e.prevHash === prevHash && e.hash === hashEvent(prevHash, content);
    if (!intact) return { valid: false, events: events.length, brokenAt: e.seq };
    prevHash = e.hash;
  }
  return { valid: true, events: events.length };
}
