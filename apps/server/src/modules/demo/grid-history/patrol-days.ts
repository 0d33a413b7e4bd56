import {
  beijingMidnight,
  formatDayNumber,
  isWorkingDay,
  pointInGeometry,
  type TrackPoint,
  trackLengthMeters,
  type WorkingCalendar,
} from '@shanzhi/shared';
import type { DemoRandom } from '../demo-random.js';
import type { HistoryGrid } from '../history/history-world.js';
import type { HistoryGridWork } from './grid-history-world.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * How the patrols of a grid-day go against its plan, as probabilities (multiplied by the grid's laxity), tuned
 * so that about 96 % of the planned patrols are walked on their day.
 */
export const PATROL_ODDS = {
  /** one of the day's planned patrols is not walked (漏巡) — on a working day */
  missOne: 0.03,
  /** … on a weekend or a holiday */
  missOneOffDay: 0.06,
  /** not a single patrol that day (sick, called away) */
  missDay: 0.006,
  /** a patrol beyond the plan (an incident, an inspection) */
  extra: 0.02,
} as const;

/** Days before the end of the history whose patrols keep their GPS track (older ones keep their length). */
export const TRACK_DAYS = 2;
/** Seconds between two points of a kept track. */
const TRACK_STEP_SECONDS = 60;

/** Start windows of a day's patrols (Beijing hours): morning, afternoon, evening, then anywhere in the day. */
const SLOTS: readonly [number, number][] = [
  [8.5, 10.5],
  [14.5, 16.5],
  [19, 20.5],
  [10.5, 12],
];

/** A patrol as the history writes it. */
export interface GeneratedPatrol {
  grid: HistoryGridWork;
  startedAt: Date;
  endedAt: Date;
  distanceMeters: number;
  /** the GPS track, for the patrols of the last days */
  track: (TrackPoint & { outside: boolean })[];
}

const between = (random: DemoRandom, lo: number, hi: number) => lo + random.next() * (hi - lo);

/** How many patrols a grid walked on a day against its plan. */
function patrolCount(random: DemoRandom, work: HistoryGridWork, offDay: boolean): number {
  const lax = work.traits.laxity;
  if (random.next() < PATROL_ODDS.missDay * lax) return 0;
  let done = work.perDay;
  if (random.next() < (offDay ? PATROL_ODDS.missOneOffDay : PATROL_ODDS.missOne) * lax) done--;
  if (random.next() < PATROL_ODDS.extra) done++;
  return Math.max(0, done);
}

function randomPointIn(random: DemoRandom, grid: HistoryGrid): { lng: number; lat: number } {
  for (let i = 0; i < 20; i++) {
    const lng = between(random, grid.box.minLng, grid.box.maxLng);
    const lat = between(random, grid.box.minLat, grid.box.maxLat);
    if (pointInGeometry({ lng, lat }, grid.boundary)) return { lng, lat };
  }
  return grid.center;
}

/**
 * A walk through the grid every `TRACK_STEP_SECONDS`, turning back at its edge (now and then a step over it,
 * flagged as the live track flags it), at a walking pace with stops.
 */
function walk(random: DemoRandom, grid: HistoryGrid, start: Date, end: Date) {
  const track: GeneratedPatrol['track'] = [];
  let at = randomPointIn(random, grid);
  let heading = random.next() * 2 * Math.PI;
  const cosLat = Math.cos((at.lat * Math.PI) / 180);
  for (let t = start.getTime(); t <= end.getTime(); t += TRACK_STEP_SECONDS * 1000) {
    const outside = !pointInGeometry(at, grid.boundary);
    track.push({
      longitude: at.lng,
      latitude: at.lat,
      accuracy: Math.round(between(random, 4, 15)),
      recordedAt: new Date(t).toISOString(),
      outside,
    });
    // a stop one minute in four (a chat, a look at something)
    const metres = random.next() < 0.25 ? 0 : between(random, 40, 80);
    for (let attempt = 0; attempt < 8; attempt++) {
      const next = {
        lng: at.lng + (metres * Math.sin(heading)) / (111_320 * cosLat),
        lat: at.lat + (metres * Math.cos(heading)) / 111_320,
      };
      if (pointInGeometry(next, grid.boundary) || random.next() < 0.05) {
        at = next;
        break;
      }
      heading = random.next() * 2 * Math.PI;
    }
    heading += between(random, -0.6, 0.6);
  }
  return track;
}

/**
 * The patrols of one grid on one Beijing day (`dayNumber`): as many as its plan asks, give or take a miss
 * or an extra one, each in its time window, 35–100 minutes long at a walking pace. Patrols not ended by
 * `endAt` are left out (the history stops with no patrol half-walked); those of the last `TRACK_DAYS` days
 * carry their track, and their length is the track's.
 */
export function patrolsOfDay(
  random: DemoRandom,
  work: HistoryGridWork,
  dayNumber: number,
  calendar: WorkingCalendar,
  endAt: Date,
): GeneratedPatrol[] {
  const offDay = !isWorkingDay(calendar, formatDayNumber(dayNumber));
  const count = patrolCount(random, work, offDay);
  const midnight = beijingMidnight(dayNumber);
  const withTrack = midnight >= endAt.getTime() - TRACK_DAYS * 24 * HOUR_MS;
  const patrols: GeneratedPatrol[] = [];
  for (let k = 0; k < count; k++) {
    const [from, to] = SLOTS[Math.min(k, SLOTS.length - 1)]!;
    const startedAt = new Date(midnight + Math.round(between(random, from, to) * 60) * MINUTE_MS);
    const minutes = Math.round(between(random, 35, 100));
    const endedAt = new Date(startedAt.getTime() + minutes * MINUTE_MS);
    const metres = minutes * 60 * between(random, 0.55, 0.95);
    if (endedAt > endAt) continue;
    const track = withTrack ? walk(random, work.grid, startedAt, endedAt) : [];
    patrols.push({
      grid: work,
      startedAt,
      endedAt,
      distanceMeters: withTrack ? trackLengthMeters(track) : metres,
      track,
    });
  }
  return patrols;
}
