import { describe, expect, it } from 'vitest';
import {
  beijingMidnight,
  beijingMidnightOfDate,
  dayNumberOfDate,
  formatDayNumber,
  toBeijingClock,
  toBeijingCompactDate,
  toBeijingDate,
  toBeijingDateTime,
  toBeijingDayNumber,
  weekdayOfDayNumber,
} from './beijing-time.js';

describe('Beijing time of an instant', () => {
  it.each([
    // instant (UTC)                date          compact     date and time        clock
    ['2026-09-30T15:59:59.999Z', '2026-09-30', '20260930', '2026-09-30 23:59', '23:59'],
    ['2026-09-30T16:00:00.000Z', '2026-10-01', '20261001', '2026-10-01 00:00', '00:00'],
    ['2026-12-31T16:30:00.000Z', '2027-01-01', '20270101', '2027-01-01 00:30', '00:30'],
    ['2028-02-28T16:00:00.000Z', '2028-02-29', '20280229', '2028-02-29 00:00', '00:00'],
    ['2026-11-23T02:05:00.000Z', '2026-11-23', '20261123', '2026-11-23 10:05', '10:05'],
  ])('reads %s as %s', (iso, date, compact, dateTime, clock) => {
    const at = new Date(iso);
    expect(toBeijingDate(at)).toBe(date);
    expect(toBeijingCompactDate(at)).toBe(compact);
    expect(toBeijingDateTime(at)).toBe(dateTime);
    expect(toBeijingClock(at)).toBe(clock);
  });
});

describe('Beijing days', () => {
  it.each([
    ['2026-10-01', '2026-09-30T16:00:00.000Z', 4],
    ['2027-01-01', '2026-12-31T16:00:00.000Z', 5],
    ['2028-02-29', '2028-02-28T16:00:00.000Z', 2],
  ])('starts %s at %s (weekday %i)', (date, midnight, weekday) => {
    expect(beijingMidnightOfDate(date).toISOString()).toBe(midnight);
    const day = dayNumberOfDate(date);
    expect(formatDayNumber(day)).toBe(date);
    expect(new Date(beijingMidnight(day)).toISOString()).toBe(midnight);
    expect(weekdayOfDayNumber(day)).toBe(weekday);
    // the day's first and last instants both fall on it
    expect(toBeijingDayNumber(Date.parse(midnight))).toBe(day);
    expect(toBeijingDayNumber(Date.parse(midnight) - 1)).toBe(day - 1);
  });
});
