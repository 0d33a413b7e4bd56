import { MAX_TRACK_BATCH, type PatrolView, type TrackPoint, wgs84ToGcj02 } from '@shanzhi/shared';
import { useSyncExternalStore } from 'react';
import type { UploadSpec } from './offline-queue.js';
import { judgeFix, type PatrolSession, pointsDue } from './patrol-session.js';
import { enqueueUpload, recallRecord } from './upload-queue.js';

/**
 * The patrol on the phone: follows the phone's position while a patrol runs (geolocation, WGS-84 turned into
 * the platform's GCJ-02), keeps the route in localStorage so that a reload or a closed tab loses nothing, and
 * hands the start, the track in batches and the end to the upload queue — the same whether the network is
 * there or not.
 */

/** Why the phone's position is not known. */
export type FixProblem = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

/** What the patrol screen shows. */
export interface PatrolTrackerState {
  /** the patrol running now, if any */
  session: PatrolSession | null;
  /** the phone's last known position, kept or not as a point of the route */
  lastFix: TrackPoint | null;
  problem: FixProblem | null;
  /** the patrol just ended: its length, time and end, until a new one starts */
  ended: { meters: number; seconds: number; endedAt: string } | null;
}

const storageKey = (userId: number) => `shanzhi-phone-patrol:${userId}`;
/** How often the tracker looks whether points have waited long enough to be queued. */
const FLUSH_EVERY_MS = 5_000;
const WATCH_OPTIONS: PositionOptions = { enableHighAccuracy: true, maximumAge: 5_000, timeout: 30_000 };

let state: PatrolTrackerState = { session: null, lastFix: null, problem: null, ended: null };
const listeners = new Set<() => void>();
let watchId: number | null = null;
let flushTimer: ReturnType<typeof setInterval> | undefined;

function setState(patch: Partial<PatrolTrackerState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

function save(session: PatrolSession | null, userId: number): void {
  try {
    if (session) localStorage.setItem(storageKey(userId), JSON.stringify(session));
    else localStorage.removeItem(storageKey(userId));
  } catch {
    // a full or forbidden storage: the patrol goes on in memory, its uploads are queued all the same
  }
}

function load(userId: number): PatrolSession | null {
  try {
    const raw = localStorage.getItem(storageKey(userId));
    return raw ? (JSON.parse(raw) as PatrolSession) : null;
  } catch {
    return null;
  }
}

function setSession(session: PatrolSession | null, userId: number): void {
  save(session, userId);
  setState({ session });
}

/** A position the browser gave as a point of the platform's maps. */
export function trackPointOf(position: GeolocationPosition): TrackPoint {
  const { lng, lat } = wgs84ToGcj02({ lng: position.coords.longitude, lat: position.coords.latitude });
  return {
    longitude: Number(lng.toFixed(7)),
    latitude: Number(lat.toFixed(7)),
    accuracy: Math.round(position.coords.accuracy * 10) / 10,
    recordedAt: new Date(position.timestamp).toISOString(),
  };
}

function problemOf(error: GeolocationPositionError): FixProblem {
  if (error.code === error.PERMISSION_DENIED) return 'denied';
  return error.code === error.TIMEOUT ? 'timeout' : 'unavailable';
}

/** Where uploads about this patrol go: its id once known, else the start's upload it was taken with. */
function patrolTarget(session: PatrolSession, tail: string): Pick<UploadSpec, 'path' | 'refs'> {
  if (session.patrolId !== null) return { path: `/api/v1/grid/patrols/${session.patrolId}/${tail}` };
  return { path: `/api/v1/grid/patrols/{patrol}/${tail}`, refs: { patrol: session.startKey ?? '' } };
}

/** Learns the patrol's id once its start got through, so later uploads name it directly. */
async function learnPatrolId(session: PatrolSession): Promise<PatrolSession> {
  if (session.patrolId !== null || !session.startKey) return session;
  const record = await recallRecord(session.startKey);
  return record ? { ...session, patrolId: record.id } : session;
}

/** Hands the points that are due (all of them at the end) to the queue, in batches the server takes. */
async function queueDuePoints(all = false): Promise<void> {
  const current = state.session;
  if (!current) return;
  const due = pointsDue(current, Date.now(), all);
  if (due.length === 0) return;
  // counted as queued at once, so that a fix arriving meanwhile cannot queue the same points twice
  setSession(
    { ...current, queuedPoints: current.queuedPoints + due.length, lastQueuedAt: Date.now() },
    current.userId,
  );
  const session = await learnPatrolId(current);
  if (session.patrolId !== current.patrolId && state.session?.startedAt === session.startedAt) {
    setSession({ ...state.session, patrolId: session.patrolId }, session.userId);
  }
  for (let from = 0; from < due.length; from += MAX_TRACK_BATCH) {
    const points = due.slice(from, from + MAX_TRACK_BATCH);
    try {
      await enqueueUpload({
        label: `巡查轨迹（${points.length} 个点）`,
        kind: 'track',
        method: 'POST',
        ...patrolTarget(session, 'track'),
        body: { points },
      });
    } catch (error) {
      // not queued after all: the points wait on the phone for the next round
      const now = state.session;
      if (now?.startedAt === session.startedAt) {
        setSession({ ...now, queuedPoints: now.queuedPoints - (due.length - from) }, now.userId);
      }
      throw error;
    }
  }
}

function onPosition(position: GeolocationPosition): void {
  const fix = trackPointOf(position);
  const session = state.session;
  setState({ lastFix: fix, problem: null });
  if (!session || judgeFix(session.points, fix) !== null) return;
  setSession({ ...session, points: [...session.points, fix] }, session.userId);
  queueDuePoints().catch(() => undefined);
}

function watch(): void {
  if (watchId !== null) return;
  if (!('geolocation' in navigator)) {
    setState({ problem: 'unsupported' });
    return;
  }
  watchId = navigator.geolocation.watchPosition(
    onPosition,
    (error) => setState({ problem: problemOf(error) }),
    WATCH_OPTIONS,
  );
  // the points stay on the phone if queueing fails (signed out meanwhile): the next round takes them
  flushTimer = setInterval(() => queueDuePoints().catch(() => undefined), FLUSH_EVERY_MS);
}

function unwatch(): void {
  if (watchId !== null) navigator.geolocation.clearWatch(watchId);
  watchId = null;
  clearInterval(flushTimer);
}

/** Picks up the worker's patrol where the phone left it (after a reload, or the app reopened). */
export function resumePatrol(userId: number): void {
  if (state.session?.userId === userId) return;
  const session = load(userId);
  setState({ session, ended: null });
  if (session) watch();
}

/** Continues a patrol the server has as still going but this phone does not (started on another phone). */
export function adoptPatrol(userId: number, patrol: PatrolView): void {
  if (state.session) return;
  setSession(
    {
      userId,
      startKey: null,
      patrolId: patrol.id,
      startedAt: patrol.startedAt,
      points: [],
      queuedPoints: 0,
      lastQueuedAt: Date.now(),
      priorMeters: patrol.distanceMeters,
    },
    userId,
  );
  watch();
}

/** 开始巡查: the start goes to the queue, and the phone follows its position from now on. */
export async function startPatrol(userId: number): Promise<void> {
  if (state.session) return;
  const startedAt = new Date().toISOString();
  const start = await enqueueUpload({
    label: '开始巡查',
    kind: 'patrol',
    method: 'POST',
    path: '/api/v1/grid/patrols',
    body: { startedAt },
  });
  setSession(
    {
      userId,
      startKey: start.key,
      patrolId: null,
      startedAt,
      points:
        state.lastFix && Date.parse(state.lastFix.recordedAt) >= Date.now() - 60_000 ? [state.lastFix] : [],
      queuedPoints: 0,
      lastQueuedAt: Date.now(),
    },
    userId,
  );
  setState({ ended: null });
  watch();
}

/** 结束巡查: the last points and the end go to the queue; the phone stops following its position. */
export async function endPatrol(summary: { meters: number; seconds: number }, note?: string): Promise<void> {
  const current = state.session;
  if (!current) return;
  unwatch();
  await queueDuePoints(true);
  const session = await learnPatrolId(state.session ?? current);
  const endedAt = new Date().toISOString();
  await enqueueUpload({
    label: '结束巡查',
    kind: 'patrol',
    method: 'POST',
    ...patrolTarget(session, 'end'),
    body: note ? { endedAt, note } : { endedAt },
  });
  setSession(null, session.userId);
  setState({ ended: { ...summary, endedAt } });
}

/** Stops following the position when the worker leaves the phone app; the patrol stays on the phone. */
export function pauseTracking(): void {
  unwatch();
  setState({ session: null, lastFix: null, problem: null });
}

/** Asks the phone for its position once (a finding's place when no patrol runs). */
export function currentFix(): Promise<TrackPoint> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new Error('unsupported'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const fix = trackPointOf(position);
        setState({ lastFix: fix, problem: null });
        resolve(fix);
      },
      (error) => {
        setState({ problem: problemOf(error) });
        reject(error);
      },
      { enableHighAccuracy: true, maximumAge: 30_000, timeout: 20_000 },
    );
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The patrol as the screens see it, re-rendering when it changes. */
export function usePatrolTracker(): PatrolTrackerState {
  return useSyncExternalStore(subscribe, () => state);
}
