import { createHmac, timingSafeEqual } from 'node:crypto';
import type { TimelineBreak, TimelineVerification } from '@shanzhi/shared';
import {
  type ChainedEvent,
  type ChainHeadColumns,
  type EventContent,
  GENESIS_HASH,
  hashEvent,
  legacyHashEvent,
} from './event-chain.js';

/** What verification reads of a thing: its id, the head of its chain and its sealed legacy part (cases). */
export interface ChainOwner extends ChainHeadColumns {
  id: number;
  /** leading events hashed with plain SHA-256 before chains were keyed (cases before migration 0012); 0 since */
  chainLegacyEvents?: number;
  /** `legacySeal` of that part, set once by the server */
  chainLegacySeal?: string | null;
}

/** A stored event as verification reads it: its content, its id, and the hashes. */
export type StoredEvent = ChainedEvent & { id: number };

/**
 * The seal of a legacy chain: `HMAC-SHA256(key, owner id, how many leading events are legacy, the hash of the
 * last of them)`. Plain SHA-256 events can be recomputed by anyone; the seal pins how many they are and where
 * they end, so that nobody without the key can pass keyed events off as legacy ones or rewrite the legacy part.
 */
export function legacySeal(key: Buffer, ownerId: number, legacyEvents: number, legacyHead: string): string {
  return createHmac('sha256', key)
    .update(`legacy-chain:${ownerId}:${legacyEvents}:${legacyHead}`)
    .digest('hex');
}

function sameHex(a: string | null | undefined, b: string): boolean {
  return typeof a === 'string' && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function contentOf({ id: _id, prevHash: _prev, hash: _hash, ...content }: StoredEvent): EventContent {
  return content;
}

/**
 * Recomputes a timeline's chain (events in seq order) under `key` and says where, if anywhere, it breaks: an
 * event whose hash is not the HMAC of its content and predecessor (plain SHA-256 for a sealed legacy part),
 * or a chain that does not end at the head and count its owner's row carries — so a rewritten note, a chain
 * recomputed without the key, and a removed last event all fail.
 */
export function verifyChain(
  key: Buffer,
  owner: ChainOwner,
  events: readonly StoredEvent[],
): TimelineVerification {
  const broken = (brokenAt: number, reason: TimelineBreak): TimelineVerification => ({
    valid: false,
    events: events.length,
    brokenAt,
    reason,
  });
  const legacyEvents = owner.chainLegacyEvents ?? 0;
  let prevHash = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    const content = contentOf(e);
    const expected =
      e.seq <= legacyEvents ? legacyHashEvent(prevHash, content) : hashEvent(key, prevHash, content);
    if (e.seq !== i + 1 || e.prevHash !== prevHash || !sameHex(e.hash, expected)) {
      return broken(e.seq, 'event_altered');
    }
    if (e.seq === legacyEvents && !sameHex(owner.chainLegacySeal, legacySeal(key, owner.id, e.seq, e.hash))) {
      return broken(e.seq, 'legacy_unsealed');
    }
    prevHash = e.hash;
  }
  if (legacyEvents > events.length) return broken(events.length + 1, 'legacy_unsealed');
  const head = events.at(-1)?.hash ?? null;
  if (events.length !== owner.eventCount || head !== owner.chainHead) {
    const agreed = Math.min(events.length, owner.eventCount);
    return broken(events.length === owner.eventCount ? agreed : agreed + 1, 'head_mismatch');
  }
  return { valid: true, events: events.length };
}
