import { createHash, createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../db/database.js';

/** `prev_hash` of a timeline's first event. */
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

/** An event as appended by a lifecycle: what happened, who did it, when, and what it changed. */
export interface NewEvent {
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

/**
 * The content of an event that its hash covers: everything but its id and the hashes themselves — with the
 * thing it belongs to under the timeline's own key (`caseId` for cases, `findingId` for grid findings …).
 */
export type EventContent<K extends string = never> = NewEvent & { seq: number } & Record<K, number>;

/** A timeline event ready to insert: its content, numbered and chained to the one before it. */
export type ChainedEvent<K extends string = never> = EventContent<K> & { prevHash: string; hash: string };

/** Whose timeline an event is on: the key naming the thing in the event (`caseId`) and its id. */
export interface EventSubject<K extends string> {
  key: K;
  id: number;
}

function eventBody(content: EventContent): string {
  return canonicalJson({ ...content, at: content.at.toISOString() });
}

/**
 * `HMAC-SHA256(key, prev_hash + canonical JSON of the content)`, hex. The key lives in the server's
 * environment (`SHANZHI_CHAIN_KEY`), so whoever can write the database but not read that key cannot
 * recompute a chain he changed.
 */
export function hashEvent(key: Buffer, prevHash: string, content: EventContent): string {
  return createHmac('sha256', key).update(prevHash).update(eventBody(content)).digest('hex');
}

/** `sha256(prev_hash + canonical JSON of the content)`, hex: the rule of case events written before 0012. */
export function legacyHashEvent(prevHash: string, content: EventContent): string {
  return createHash('sha256').update(prevHash).update(eventBody(content)).digest('hex');
}

/** The last event of a timeline as its owner's row carries it: its number and hash. */
export interface ChainLink {
  seq: number;
  hash: string;
}

/**
 * Numbers an event and chains it under `key` to the last one (`null` for the first): the row to insert. The
 * JSON columns are hashed as they will read back: plain JSON, no undefined, no Date objects.
 */
export function chainEvent<K extends string>(
  key: Buffer,
  subject: EventSubject<K>,
  event: NewEvent,
  last: ChainLink | null,
): ChainedEvent<K> {
  const changes = JSON.parse(JSON.stringify(event.changes)) as Record<string, unknown>;
  const attachments = JSON.parse(JSON.stringify(event.attachments)) as unknown[];
  const content = {
    ...event,
    changes,
    attachments,
    [subject.key]: subject.id,
    seq: (last?.seq ?? 0) + 1,
  } as EventContent<K>;
  const prevHash = last?.hash ?? GENESIS_HASH;
  return { ...content, prevHash, hash: hashEvent(key, prevHash, content) };
}

/** The head of a timeline as its owner's row carries it. */
export interface ChainHeadColumns {
  chainHead: string | null;
  eventCount: number;
}

/** The last link of a timeline from its owner's row (`null` before its first event). */
export function lastLinkOf(row: ChainHeadColumns): ChainLink | null {
  return row.chainHead === null ? null : { seq: row.eventCount, hash: row.chainHead };
}

/** The owner's chain head once `event` is appended: set in the statement that appends it. */
export function chainHeadAfter(event: ChainLink): ChainHeadColumns {
  return { chainHead: event.hash, eventCount: event.seq };
}

/** The id the next event of `eventsTable` (a timeline table's name) will take, drawn from its sequence. */
export async function nextEventId(db: DbOrTx, eventsTable: string): Promise<number> {
  const [row] = await queryRows<{ id: string | number }>(
    db,
    sql`select nextval(pg_get_serial_sequence(${eventsTable}, 'id')) as id`,
  );
  return Number(row!.id);
}
