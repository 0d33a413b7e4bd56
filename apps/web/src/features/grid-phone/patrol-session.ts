import { findImpossibleStep, type TrackPoint, trackLengthMeters } from '@shanzhi/shared';

/**
 * Today's patrol as the phone keeps it (巡查): started, walked and ended on the phone whether or not the
 * network is there. Its start, its track and its end go to the server through the upload queue; its length
 * and time are reckoned here from the points the phone took, so the worker sees them offline too.
 */
export interface PatrolSession {
  userId: number;
  /** the key of the start's upload: the track and the end refer to it until the patrol's id is known */
  startKey: string | null;
  /** the patrol's id on the server, once known (a patrol resumed from the server has it from the start) */
  patrolId: number | null;
  /** when it began on the phone (ISO 8601) */
  startedAt: string;
  /** the points taken, in time order (GCJ-02, as the platform's maps) */
  points: TrackPoint[];
  /** how many of `points` were handed to the queue */
  queuedPoints: number;
  /** when points were last handed to the queue (ms since the epoch) */
  lastQueuedAt: number;
  /** metres the server had already counted when this phone took over a patrol started elsewhere */
  priorMeters?: number;
}

/** Fixes less accurate than this (metres) are dropped: a phone indoors or just woken guesses wildly. */
export const MAX_FIX_ACCURACY_M = 100;
/** A fix this close to the last kept one (metres) and this soon after it (ms) adds nothing to the route. */
const MIN_STEP_M = 5;
const MIN_STEP_MS = 30_000;
/** Points are handed to the queue in batches: this many, or whatever was taken this long ago. */
export const TRACK_BATCH_POINTS = 10;
export const TRACK_BATCH_MS = 20_000;

/** Why a fix was not kept. */
export type FixRefusal = 'inaccurate' | 'stale' | 'standing' | 'impossible';

/**
 * Whether to keep a fix of the phone's position as a point of the route: accurate enough, later than the last
 * point, a step worth recording, and a step someone on patrol could make (the server refuses a whole batch
 * with an impossible step, so such a fix — a GPS jump — is dropped here rather than sent).
 */
export function judgeFix(points: readonly TrackPoint[], fix: TrackPoint): FixRefusal | null {
  if (fix.accuracy > MAX_FIX_ACCURACY_M) return 'inaccurate';
  const last = points.at(-1);
  if (!last) return null;
  const elapsed = Date.parse(fix.recordedAt) - Date.parse(last.recordedAt);
  if (elapsed <= 0) return 'stale';
  if (findImpossibleStep([{ ...fix, index: 0 }], last)) return 'impossible';
  const moved = trackLengthMeters([last, fix]) >= MIN_STEP_M;
  return moved || elapsed >= MIN_STEP_MS ? null : 'standing';
}

/**
 * The points to hand to the queue now: a full batch, or what has waited `TRACK_BATCH_MS`, or — when the
 * patrol ends (`all`) — everything not yet handed over. Empty when it is not time yet.
 */
export function pointsDue(session: PatrolSession, now: number, all = false): TrackPoint[] {
  const pending = session.points.slice(session.queuedPoints);
  if (pending.length === 0) return [];
  if (all || pending.length >= TRACK_BATCH_POINTS || now - session.lastQueuedAt >= TRACK_BATCH_MS) {
    return pending;
  }
  return [];
}

/** What the patrol screen shows: the route's length (metres) and the time walked (seconds). */
export function patrolSummary(session: PatrolSession, now: number): { meters: number; seconds: number } {
  return {
    meters: Math.round((session.priorMeters ?? 0) + trackLengthMeters(session.points)),
    seconds: Math.max(0, Math.round((now - Date.parse(session.startedAt)) / 1000)),
  };
}
