import type { Permission } from '@shanzhi/shared';
import type { Actor } from '../auth/actor.js';
import { isInScope } from '../auth/actor.js';

/**
 * One event of the live stream (`GET /api/v1/stream`), as published on the bus by any process and delivered
 * by every process to its own SSE clients. Kept small — it travels as a PostgreSQL NOTIFY payload (< 8 KB):
 * ids, numbers, states and the org paths that decide who may see it; receivers load details through the API.
 *
 * Shapes in use:
 * - case events, `topic` = the timeline event (`case.dispatched`, `case.sla_breached` …), `data` =
 *   `{ caseId, caseNumber, eventId, seq, state, light, actorUserId }`, audience = the case's area, owner,
 *   lead unit, co-handlers and first receiver (`orgPaths`), `permission: 'case.read'`;
 * - `notification.created`: `data` = `{ id, kind, title, caseId, caseNumber }`, audience = `userIds: [owner]`;
 * - `warning.raised` (the early-warning job): `data` = `{ id, level, title, … }`, audience = the org paths
 *   the warning concerns;
 * - `petition.risk_flagged` / `petition.risk_unflagged`: `data` = `{ petitionId, petitionNumber }`, audience =
 *   the petition's agency point, `permission: 'petition.read'`.
 */
export interface LiveEvent {
  /** the SSE `event:` name, past tense: `case.dispatched`, `notification.created`, `warning.raised` … */
  topic: string;
  /** when it happened (ISO 8601) */
  at: string;
  /** who may receive it */
  audience: LiveAudience;
  /** small details for the client: ids, numbers, states, a title */
  data: Record<string, unknown>;
}

/** Who may receive a live event: the users named, or anyone whose data scope holds one of the org paths. */
export interface LiveAudience {
  /** users who receive it whatever their scope (a notification's owner) */
  userIds?: number[];
  /** materialised org paths (`/1/4/27/`): a user whose scope holds one of them receives it */
  orgPaths?: string[];
  /** a permission the receiver must also hold (`case.read` for case events) */
  permission?: Permission;
}

/** NOTIFY payloads must stay under 8,000 bytes; this leaves room for the envelope. */
export const MAX_LIVE_EVENT_BYTES = 7_800;

/** Whether `actor` may receive `event`: named in it, or its org paths lie in his scope (and he holds its permission). */
export function isAudienceOf(
  event: LiveEvent,
  actor: Pick<Actor, 'userId' | 'scopePath' | 'permissions'>,
): boolean {
  const { userIds, orgPaths, permission } = event.audience;
  if (permission && !actor.permissions.has(permission)) return false;
  if (userIds?.includes(actor.userId)) return true;
  return (orgPaths ?? []).some((path) => isInScope(actor, path));
}

/**
 * The event as the text sent on the bus. An event too large for a NOTIFY loses its `data` (the client then
 * reloads what it needs) rather than failing the publisher; `truncated: true` says so.
 */
export function serialiseLiveEvent(event: LiveEvent): { text: string; truncated: boolean } {
  const text = JSON.stringify(event);
  if (Buffer.byteLength(text) <= MAX_LIVE_EVENT_BYTES) return { text, truncated: false };
  const slim = JSON.stringify({ ...event, data: { truncated: true } });
  if (Buffer.byteLength(slim) > MAX_LIVE_EVENT_BYTES) {
    throw new Error(`live event ${event.topic} is too large even without data (audience too wide)`);
  }
  return { text: slim, truncated: true };
}
