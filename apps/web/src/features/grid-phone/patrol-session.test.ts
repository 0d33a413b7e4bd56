import type { TrackPoint } from '@shanzhi/shared';
import { describe, expect, it } from 'vitest';
import {
  judgeFix,
  type PatrolSession,
  patrolSummary,
  pointsDue,
  TRACK_BATCH_POINTS,
} from './patrol-session.js';

const T0 = Date.UTC(2026, 9, 13, 1, 0, 0);
const METRE = 1 / 111_195;

/** A fix `north` metres up from the start, `seconds` after it. */
const fix = (north: number, seconds: number, accuracy = 8): TrackPoint => ({
  longitude: 106.8,
  latitude: 39.67 + north * METRE,
  accuracy,
  recordedAt: new Date(T0 + seconds * 1000).toISOString(),
});

const session = (points: TrackPoint[], queuedPoints = 0, lastQueuedAt = T0): PatrolSession => ({
  userId: 1,
  startKey: 'start-key',
  patrolId: null,
  startedAt: new Date(T0).toISOString(),
  points,
  queuedPoints,
  lastQueuedAt,
});

describe('keeping a fix of the phone’s position', () => {
  it('keeps the first accurate fix and a walk', () => {
    expect(judgeFix([], fix(0, 0))).toBeNull();
    expect(judgeFix([fix(0, 0)], fix(30, 20))).toBeNull();
  });

  it('drops a guess, a fix older than the last point, and a phone standing still', () => {
    expect(judgeFix([], fix(0, 0, 250))).toBe('inaccurate');
    expect(judgeFix([fix(0, 10)], fix(30, 5))).toBe('stale');
    expect(judgeFix([fix(0, 0)], fix(2, 5))).toBe('standing');
  });

  it('keeps a standing phone’s fix now and then, so the route shows the time spent there', () => {
    expect(judgeFix([fix(0, 0)], fix(2, 31))).toBeNull();
  });

  it('drops a jump no one on patrol could make, which the server would refuse with its whole batch', () => {
    expect(judgeFix([fix(0, 0)], fix(2_000, 10))).toBe('impossible');
  });
});

describe('handing points to the queue', () => {
  const walk = (n: number) => Array.from({ length: n }, (_, i) => fix(i * 20, i * 10));

  it('waits for a full batch or for time to pass', () => {
    expect(pointsDue(session(walk(3)), T0 + 5_000)).toEqual([]);
    expect(pointsDue(session(walk(TRACK_BATCH_POINTS)), T0 + 5_000)).toHaveLength(TRACK_BATCH_POINTS);
    expect(pointsDue(session(walk(3)), T0 + 20_000)).toHaveLength(3);
  });

  it('hands over only what it has not handed over before, and everything at the end', () => {
    expect(pointsDue(session(walk(5), 3, T0 + 60_000), T0 + 61_000)).toEqual([]);
    expect(pointsDue(session(walk(5), 3, T0 + 60_000), T0 + 61_000, true)).toEqual(walk(5).slice(3));
    expect(pointsDue(session(walk(5), 5), T0 + 600_000, true)).toEqual([]);
  });
});

describe('the patrol’s length and time', () => {
  it('sums the steps walked and counts the time since the start', () => {
    const summary = patrolSummary(session([fix(0, 0), fix(100, 60), fix(200, 120)]), T0 + 125_000);
    expect(summary).toEqual({ meters: 200, seconds: 125 });
  });
});
