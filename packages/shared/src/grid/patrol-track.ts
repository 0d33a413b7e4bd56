import type { TrackPoint } from './grid-patrol.schemas.js';

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance between two points in metres (haversine; GCJ-02 offsets do not matter at this scale). */
export function distanceMeters(
  a: { longitude: number; latitude: number },
  b: { longitude: number; latitude: number },
): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The fastest a patrol is believed to move, in metres per second (a grid worker walks, cycles or rides an
 * e-bike: 20 m/s is 72 km/h). A faster step between two points is a GPS error or a forged track.
 */
export const MAX_PATROL_SPEED_MPS = 20;

/**
 * Points two fixes may be apart without being a speed at all: within this many metres of each other the
 * phone's own accuracy decides, so jitter of a standing phone is never "impossible".
 */
const JITTER_M = 50;

/** A step of a track that no one on patrol could have made. */
export interface ImpossibleStep {
  /** index of the later point, in the order given */
  index: number;
  speedMps: number;
}

/**
 * Checks a track in time order (`points` sorted by `recordedAt`, `previous` the last stored point if any): the
 * first step faster than `MAX_PATROL_SPEED_MPS` beyond the points' accuracy, or null. Points at the same
 * instant are allowed only in the same place.
 */
export function findImpossibleStep(
  points: readonly (TrackPoint & { index: number })[],
  previous: TrackPoint | null,
): ImpossibleStep | null {
  let last = previous;
  for (const point of points) {
    if (last) {
      const meters = Math.max(0, distanceMeters(last, point) - last.accuracy - point.accuracy - JITTER_M);
      const seconds = (Date.parse(point.recordedAt) - Date.parse(last.recordedAt)) / 1000;
      const speedMps = meters === 0 ? 0 : seconds <= 0 ? Number.POSITIVE_INFINITY : meters / seconds;
      if (speedMps > MAX_PATROL_SPEED_MPS) return { index: point.index, speedMps };
    }
    last = point;
  }
  return null;
}

/** The length of a track in time order, in metres, ignoring steps within the points' accuracy (jitter). */
export function trackLengthMeters(points: readonly TrackPoint[], previous: TrackPoint | null = null): number {
  let total = 0;
  let last = previous;
  for (const point of points) {
    if (last) {
      const step = distanceMeters(last, point);
      if (step > Math.min(last.accuracy, point.accuracy)) total += step;
    }
    last = point;
  }
  return total;
}
