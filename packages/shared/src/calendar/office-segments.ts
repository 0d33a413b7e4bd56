/**
 * Internal: walking the office periods of working days. Not exported from the package index; the public API
 * is in `working-calendar.ts` and `working-time.ts`.
 */
import {
  beijingMidnight,
  formatDayNumber,
  MINUTE_MS,
  toBeijingDayNumber,
  weekdayOfDayNumber,
} from './beijing-time.js';
import type { WorkingCalendar } from './working-calendar.js';

/**
 * How far any search for working time may look before giving up (about five years of days): a limit that
 * needs more than this is a configuration mistake, not a deadline.
 */
export const MAX_SCAN_DAYS = 5 * 366;

/** A stretch of working time, `[startMs, endMs)` in epoch milliseconds. */
export interface OfficeSegment {
  startMs: number;
  endMs: number;
}

/** Whether a day (days since 1970-01-01, Beijing) is a working day; see `isWorkingDay`. */
export function isWorkingDayNumber(calendar: WorkingCalendar, dayNumber: number): boolean {
  const listed = calendar.listedDays.get(formatDayNumber(dayNumber));
  if (listed) return listed === 'working';
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday !== 0 && weekday !== 6;
}

/**
 * The office periods of working days from `fromMs` on, in order, the first one cut to start at `fromMs`.
 * Looks at `maxDays` calendar days at most, then throws a RangeError (or just stops when `throwAtEnd` is
 * false, for callers that know where they end).
 */
export function* generateOfficeSegments(
  calendar: WorkingCalendar,
  fromMs: number,
  maxDays = MAX_SCAN_DAYS,
  throwAtEnd = true,
): Generator<OfficeSegment> {
  assertValidInstant(fromMs);
  const firstDay = toBeijingDayNumber(fromMs);
  for (let day = firstDay; day < firstDay + maxDays; day++) {
    if (!isWorkingDayNumber(calendar, day)) continue;
    const midnight = beijingMidnight(day);
    for (const { startMinute, endMinute } of calendar.officePeriods) {
      const endMs = midnight + endMinute * MINUTE_MS;
      if (endMs <= fromMs) continue;
      yield { startMs: Math.max(fromMs, midnight + startMinute * MINUTE_MS), endMs };
    }
  }
  if (throwAtEnd) {
    throw new RangeError(`no working time found within ${maxDays} days of ${new Date(fromMs).toISOString()}`);
  }
}

/** Throws a RangeError for NaN (an invalid Date) or an infinite instant. */
export function assertValidInstant(epochMs: number): void {
  if (!Number.isFinite(epochMs)) throw new RangeError('invalid date');
}
