import { MINUTE_MS, toBeijingDayNumber } from './beijing-time.js';
import { assertValidInstant, generateOfficeSegments, MAX_SCAN_DAYS } from './office-segments.js';
import type { TimeLimit, TimeLimitUnit } from './time-limit.js';
import type { WorkingCalendar } from './working-calendar.js';

/*
 * Working time runs only inside office hours of working days. A working day of a time limit is the office
 * minutes of one working day (7 h with the default 08:30–12:00 and 14:30–18:00), counted like working minutes:
 * 5 working days from Wednesday 2026-09-30 10:00 end on Tuesday 2026-10-13 10:00 (National Day 10-01…10-07 off,
 * Saturday 10-10 a make-up day). A start outside office hours (lunch, evening, a weekend or a holiday) starts
 * the clock at the next office period, and a limit used up exactly at the end of a period ends there (18:00),
 * not at the start of the next one.
 */

/** Whether a unit counts working time (office hours of working days) rather than calendar time. */
export function isWorkingTimeUnit(unit: TimeLimitUnit): boolean {
  return unit.startsWith('working_');
}

/**
 * The length of a time limit in minutes of its own kind: working minutes for working units (a working day
 * is `calendar.minutesPerWorkingDay`), calendar minutes for calendar units (a calendar day is 1440).
 */
export function measureTimeLimit(calendar: WorkingCalendar, { value, unit }: TimeLimit): number {
  switch (unit) {
    case 'working_minutes':
    case 'calendar_minutes':
      return value;
    case 'working_hours':
    case 'calendar_hours':
      return value * 60;
    case 'working_days':
      return value * calendar.minutesPerWorkingDay;
    case 'calendar_days':
      return value * 1440;
  }
}

/**
 * The first instant at or after `at` inside office hours of a working day: `at` itself when the clock is
 * running, otherwise the start of the next office period (registered at 20:00 on a Friday → 08:30 on the
 * next working day). Throws a RangeError if there is none within `MAX_SCAN_DAYS`.
 */
export function nextWorkingInstant(calendar: WorkingCalendar, at: Date): Date {
  for (const segment of generateOfficeSegments(calendar, at.getTime())) return new Date(segment.startMs);
  throw new RangeError('unreachable: generateOfficeSegments throws when it runs out');
}

/**
 * The deadline of a time limit started at `start` (计算时限截止时间). Calendar units add plain elapsed time and
 * ignore the calendar and office hours (2 calendar hours from Saturday 23:00 end Sunday 01:00); working units
 * count office minutes of working days as described at the top of this file. Throws a RangeError for an
 * invalid date, a negative limit, or a working limit that does not end within `MAX_SCAN_DAYS` days.
 */
export function addWorkingTime(calendar: WorkingCalendar, start: Date, limit: TimeLimit): Date {
  const startMs = start.getTime();
  assertValidInstant(startMs);
  const minutes = measureTimeLimit(calendar, limit);
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`invalid time limit: ${limit.value}`);
  if (!isWorkingTimeUnit(limit.unit)) return new Date(startMs + minutes * MINUTE_MS);
  let remainingMs = minutes * MINUTE_MS;
  for (const { startMs: from, endMs: to } of generateOfficeSegments(calendar, startMs, MAX_SCAN_DAYS)) {
    if (remainingMs <= to - from) return new Date(from + remainingMs);
    remainingMs -= to - from;
  }
  throw new RangeError('unreachable: generateOfficeSegments throws when it runs out');
}

/**
 * Working minutes between two instants: the office minutes of working days in `[from, to)`. Fractional when
 * an instant is not on a whole minute. Antisymmetric: when `to` is before `from` the answer is negative
 * (`-workingTimeBetween(to, from)`), so "working time left until the deadline" goes below 0 once overdue.
 * The inverse of {@link addWorkingTime}: `workingTimeBetween(c, s, addWorkingTime(c, s, l))` is the limit.
 */
export function workingTimeBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  const fromMs = from.getTime();
  const toMs = to.getTime();
  assertValidInstant(fromMs);
  assertValidInstant(toMs);
  if (toMs < fromMs) {
    const forward = workingTimeBetween(calendar, to, from);
    return forward === 0 ? 0 : -forward;
  }
  const days = toBeijingDayNumber(toMs) - toBeijingDayNumber(fromMs) + 1;
  let totalMs = 0;
  for (const segment of generateOfficeSegments(calendar, fromMs, days, false)) {
    if (segment.startMs >= toMs) break;
    totalMs += Math.min(segment.endMs, toMs) - segment.startMs;
  }
  return totalMs / MINUTE_MS;
}

/** Input of {@link elapsedFraction}. */
export interface ElapsedFractionInput {
  /** when the limit started, e.g. when the case was dispatched */
  start: Date;
  /** the deadline (截止时间) of the limit, usually `addWorkingTime(calendar, start, limit)` */
  deadline: Date;
  /** the current instant, from the injected clock */
  now: Date;
  /** the unit of the limit: working units measure working time, calendar units elapsed time */
  unit: TimeLimitUnit;
}

/**
 * The fraction of a time limit used at `now`, for the time-limit light (green, yellow from 0.8, red from 1):
 * 0 before the start, 1 at the deadline, above 1 once overdue. Measured in the limit's own kind of time, so
 * a working limit does not use itself up over a weekend. A limit of zero length counts as fully used from its
 * deadline on.
 */
export function elapsedFraction(calendar: WorkingCalendar, input: ElapsedFractionInput): number {
  const { start, deadline, now, unit } = input;
  for (const instant of [start, deadline, now]) assertValidInstant(instant.getTime());
  const measure = isWorkingTimeUnit(unit)
    ? (from: Date, to: Date) => workingTimeBetween(calendar, from, to)
    : (from: Date, to: Date) => (to.getTime() - from.getTime()) / MINUTE_MS;
  const total = measure(start, deadline);
  if (!(total > 0)) return now.getTime() >= deadline.getTime() ? 1 : 0;
  return Math.max(0, measure(start, now) / total);
}
