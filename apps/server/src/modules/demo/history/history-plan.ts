import {
  beijingMidnight,
  DAY_MS,
  isWorkingDay,
  toBeijingDate,
  toBeijingDayNumber,
  type WorkingCalendar,
  weekdayOfDayNumber,
} from '@shanzhi/shared';
import { createDemoRandom, deriveSeed } from '../demo-random.js';
import { DAY_KIND_WEIGHTS, HOUR_PROFILE, inHeatingSeason } from './history-mix.js';

const HOUR_MS = 3_600_000;

/** The weight of one Beijing day (its midnight in UTC ms): day kind × season. */
function dayWeight(calendar: WorkingCalendar, midnightMs: number): number {
  const date = toBeijingDate(new Date(midnightMs));
  const weekday = weekdayOfDayNumber(toBeijingDayNumber(midnightMs));
  const weekend = weekday === 0 || weekday === 6;
  const kind = isWorkingDay(calendar, date) ? 'working' : weekend ? 'weekend' : 'holiday';
  // the heating season brings more calls (供暖); summer storms and water cuts a little more too
  const month = Number(date.slice(5, 7));
  const season = inHeatingSeason(date) ? 1.12 : month >= 6 && month <= 8 ? 1.05 : 1;
  return DAY_KIND_WEIGHTS[kind] * season;
}

/** Splits `count` over `weights` in whole numbers that add up to `count` (largest remainders). */
export function apportion(count: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (count * w) / total);
  const whole = exact.map(Math.floor);
  let left = count - whole.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    whole[i]!++;
  }
  return whole;
}

/**
 * When each of `count` historic cases was registered: a year of Beijing days ending at `endAt`, each day
 * weighted by its kind (working day, weekend, holiday per the calendar) and season, each case at an hour
 * drawn from the office-hours profile. Sorted, deterministic for a seed, every instant before `endAt`.
 */
export function planIntakeTimes(
  seed: number,
  count: number,
  endAt: Date,
  calendar: WorkingCalendar,
): number[] {
  const random = createDemoRandom(deriveSeed(seed, 'intake-times'));
  const endMs = endAt.getTime();
  const lastMidnight = beijingMidnight(toBeijingDayNumber(endMs));
  const midnights = Array.from({ length: 365 }, (_, i) => lastMidnight - (364 - i) * DAY_MS);
  // today counts for the share of it that has passed
  const weights = midnights.map((m, i) =>
    i === midnights.length - 1 ? dayWeight(calendar, m) * ((endMs - m) / DAY_MS) : dayWeight(calendar, m),
  );
  const perDay = apportion(count, weights);
  const hourTotal = HOUR_PROFILE.reduce((a, b) => a + b, 0);
  const times: number[] = [];
  midnights.forEach((midnight, day) => {
    for (let k = 0; k < perDay[day]!; k++) {
      for (let attempt = 0; ; attempt++) {
        let r = random.next() * hourTotal;
        let hour = 0;
        while (r >= HOUR_PROFILE[hour]! && hour < 23) r -= HOUR_PROFILE[hour++]!;
        const at = midnight + hour * HOUR_MS + Math.floor((random.next() * HOUR_MS) / 1000) * 1000;
        if (at < endMs || attempt > 50) {
          times.push(Math.min(at, endMs - 1000));
          break;
        }
      }
    }
  });
  return times.sort((a, b) => a - b);
}
