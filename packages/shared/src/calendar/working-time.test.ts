import { describe, expect, it } from 'vitest';
import { beijing, buildShippedCalendar, formatBeijing } from './holidays.test-support.js';
import type { TimeLimitUnit } from './time-limit.js';
import { buildWorkingCalendar } from './working-calendar.js';
import {
  addWorkingTime,
  elapsedFraction,
  isWorkingTimeUnit,
  measureTimeLimit,
  nextWorkingInstant,
  workingTimeBetween,
} from './working-time.js';

const calendar = buildShippedCalendar();

describe('addWorkingTime with working days', () => {
  it('ends 5 working days from 2026-09-30 10:00 on 2026-10-13 10:00 (National Day off, 10-10 made up)', () => {
    const deadline = addWorkingTime(calendar, beijing('2026-09-30 10:00'), {
      value: 5,
      unit: 'working_days',
    });
    expect(formatBeijing(deadline)).toBe('2026-10-13 10:00');
  });

  it('ends 1 working day from 2026-02-13 16:00 on the make-up Saturday 2026-02-14 16:00', () => {
    const deadline = addWorkingTime(calendar, beijing('2026-02-13 16:00'), {
      value: 1,
      unit: 'working_days',
    });
    expect(formatBeijing(deadline)).toBe('2026-02-14 16:00');
  });

  it.each([
    // [start (Beijing), working days, deadline (Beijing), why]
    ['2026-03-02 08:30', 1, '2026-03-02 18:00', 'a whole office day ends at its close, not the next morning'],
    ['2026-03-02 10:00', 1, '2026-03-03 10:00', 'the same clock time on the next working day'],
    ['2026-03-02 10:00', 5, '2026-03-09 10:00', 'a week of working days'],
    [
      '2026-03-06 20:00',
      1,
      '2026-03-09 18:00',
      'registered on a Friday evening: the clock starts on Monday 08:30',
    ],
    ['2026-03-07 10:00', 1, '2026-03-09 18:00', 'registered on a Saturday'],
    ['2026-03-02 12:30', 1, '2026-03-03 12:00', 'registered at lunch: the clock starts at 14:30'],
    ['2026-03-02 18:30', 1, '2026-03-03 18:00', 'registered after the close: the clock starts next morning'],
    ['2026-03-02 07:00', 1, '2026-03-02 18:00', 'registered before the office opens'],
    ['2026-10-01 10:00', 1, '2026-10-08 18:00', 'registered on National Day'],
    ['2026-10-03 09:00', 2, '2026-10-09 18:00', 'registered on a holiday Saturday'],
    ['2026-10-09 08:30', 2, '2026-10-10 18:00', 'the make-up Saturday counts'],
    ['2026-02-13 16:00', 2, '2026-02-24 16:00', 'the Spring Festival block 02-15…02-23 does not count'],
    ['2026-02-14 17:00', 1, '2026-02-24 17:00', 'from the make-up Saturday over the Spring Festival'],
    ['2026-02-26 10:00', 2, '2026-02-28 10:00', 'the make-up Saturday after the Spring Festival counts'],
    ['2025-12-31 16:00', 1, '2026-01-04 16:00', 'over New Year 2026 onto the make-up Sunday 01-04'],
    ['2025-12-31 16:00', 2, '2026-01-05 16:00', 'and on to the Monday after it'],
    ['2026-01-01 09:00', 1, '2026-01-04 18:00', 'registered on New Year 2026'],
    ['2026-03-02 10:00', 15, '2026-03-23 10:00', 'a complex case: 15 working days'],
    ['2030-09-30 10:00', 5, '2030-10-07 10:00', 'a year not loaded follows the weekday rule'],
  ])('from %s, %i working days end on %s: %s', (start, value, end) => {
    const deadline = addWorkingTime(calendar, beijing(start), { value, unit: 'working_days' });
    expect(formatBeijing(deadline)).toBe(end);
  });
});

describe('addWorkingTime with working hours and minutes', () => {
  it.each([
    // [start (Beijing), value, unit, deadline (Beijing), why]
    ['2026-03-02 09:00', 2, 'working_hours', '2026-03-02 11:00', 'inside the morning period'],
    ['2026-03-02 11:00', 2, 'working_hours', '2026-03-02 15:30', 'across the lunch break'],
    ['2026-03-02 11:45', 30, 'working_minutes', '2026-03-02 14:45', 'working minutes across the lunch break'],
    [
      '2026-03-02 08:30',
      210,
      'working_minutes',
      '2026-03-02 12:00',
      'used up at noon: ends at 12:00, not 14:30',
    ],
    ['2026-03-02 12:30', 2, 'working_hours', '2026-03-02 16:30', 'registered at 12:30, in the lunch break'],
    ['2026-03-02 12:00', 1, 'working_minutes', '2026-03-02 14:31', 'registered at the stroke of noon'],
    ['2026-03-02 18:30', 2, 'working_hours', '2026-03-03 10:30', 'registered at 18:30'],
    ['2026-03-06 17:00', 2, 'working_hours', '2026-03-09 09:30', 'over a weekend'],
    ['2026-03-06 20:00', 2, 'working_hours', '2026-03-09 10:30', 'registered at 20:00 on a Friday'],
    ['2026-03-08 10:00', 15, 'working_minutes', '2026-03-09 08:45', 'registered on a Sunday'],
    ['2026-10-03 09:00', 2, 'working_hours', '2026-10-08 10:30', 'registered on a holiday'],
    ['2026-02-14 11:00', 2, 'working_hours', '2026-02-14 15:30', 'on the make-up Saturday'],
    [
      '2026-02-14 17:00',
      8,
      'working_hours',
      '2026-02-24 18:00',
      'from the make-up Saturday over the Spring Festival',
    ],
    [
      '2026-01-01 09:00',
      2,
      'working_hours',
      '2026-01-04 10:30',
      'from New Year 2026 onto the make-up Sunday',
    ],
    ['2026-03-02 10:00:30', 1, 'working_minutes', '2026-03-02 10:01:30', 'keeps the seconds of the start'],
  ] as const)('from %s, %i %s end on %s: %s', (start, value, unit, end, _why) => {
    expect(formatBeijing(addWorkingTime(calendar, beijing(start), { value, unit }))).toBe(end);
  });
});

describe('addWorkingTime with calendar units', () => {
  it.each([
    ['2026-10-03 23:00', 2, 'calendar_hours', '2026-10-04 01:00', 'ignores a holiday night'],
    ['2026-03-07 10:00', 24, 'calendar_hours', '2026-03-08 10:00', 'ignores a weekend'],
    ['2026-02-14 11:50', 30, 'calendar_minutes', '2026-02-14 12:20', 'ignores the lunch break'],
    ['2026-02-13 16:00', 3, 'calendar_days', '2026-02-16 16:00', 'ignores the Spring Festival'],
    ['2026-09-30 10:00', 5, 'calendar_days', '2026-10-05 10:00', 'ignores National Day'],
    ['2026-03-02 20:00', 30, 'calendar_minutes', '2026-03-02 20:30', 'ignores office hours'],
  ] as const)('from %s, %i %s end on %s: %s', (start, value, unit, end, _why) => {
    expect(formatBeijing(addWorkingTime(calendar, beijing(start), { value, unit }))).toBe(end);
  });
});

describe('addWorkingTime limits', () => {
  it('refuses a working limit that would look more than five years ahead', () => {
    expect(() =>
      addWorkingTime(calendar, beijing('2026-03-02 10:00'), { value: 2000, unit: 'working_days' }),
    ).toThrow(RangeError);
  });

  it('still adds a long calendar limit', () => {
    const deadline = addWorkingTime(calendar, beijing('2026-03-02 10:00'), {
      value: 10_000,
      unit: 'calendar_days',
    });
    expect(formatBeijing(deadline)).toBe('2053-07-18 10:00');
  });

  it('refuses an invalid start', () => {
    expect(() => addWorkingTime(calendar, new Date(Number.NaN), { value: 1, unit: 'working_days' })).toThrow(
      RangeError,
    );
  });

  it('starts the clock at the next office period for a zero limit', () => {
    const deadline = addWorkingTime(calendar, beijing('2026-03-02 12:30'), {
      value: 0,
      unit: 'working_minutes',
    });
    expect(formatBeijing(deadline)).toBe('2026-03-02 14:30');
  });

  it('refuses a negative limit', () => {
    expect(() =>
      addWorkingTime(calendar, beijing('2026-03-02 10:00'), { value: -1, unit: 'working_hours' }),
    ).toThrow(RangeError);
  });

  it('follows other office hours', () => {
    const custom = buildWorkingCalendar({ days: [], officeHours: [{ start: '09:00', end: '17:00' }] });
    const deadline = addWorkingTime(custom, beijing('2026-03-02 16:00'), { value: 1, unit: 'working_days' });
    expect(formatBeijing(deadline)).toBe('2026-03-03 16:00');
  });
});

describe('measureTimeLimit and isWorkingTimeUnit', () => {
  it.each([
    ['working_minutes', 1, true],
    ['working_hours', 60, true],
    ['working_days', 420, true],
    ['calendar_minutes', 1, false],
    ['calendar_hours', 60, false],
    ['calendar_days', 1440, false],
  ] as const)('counts one %s as %i minutes (working time: %s)', (unit, minutes, working) => {
    expect(measureTimeLimit(calendar, { value: 1, unit })).toBe(minutes);
    expect(isWorkingTimeUnit(unit)).toBe(working);
  });
});

describe('workingTimeBetween', () => {
  it.each([
    // [from, to, working minutes, why]
    ['2026-03-02 10:00', '2026-03-02 10:00', 0, 'the same instant'],
    ['2026-03-02 09:00', '2026-03-02 10:00', 60, 'inside a period'],
    ['2026-03-02 11:00', '2026-03-02 15:00', 90, 'across the lunch break'],
    ['2026-03-02 12:10', '2026-03-02 14:20', 0, 'inside the lunch break'],
    ['2026-03-02 07:00', '2026-03-02 20:00', 420, 'a whole working day'],
    ['2026-03-02 00:00', '2026-03-09 00:00', 2100, 'a whole ordinary week'],
    ['2026-03-06 17:00', '2026-03-09 09:00', 90, 'over a weekend'],
    ['2026-10-01 00:00', '2026-10-08 00:00', 0, 'National Day'],
    ['2026-09-30 10:00', '2026-10-13 10:00', 2100, 'the National Day deadline: 5 working days'],
    ['2026-02-13 16:00', '2026-02-14 16:00', 420, 'onto the make-up Saturday: 1 working day'],
    ['2026-02-14 18:00', '2026-02-24 08:30', 0, 'the Spring Festival block'],
    ['2026-03-02 10:00', '2026-03-02 10:00:30', 0.5, 'a fraction of a minute'],
    ['2026-03-02 15:00', '2026-03-02 11:00', -90, 'backwards: negative'],
    ['2026-03-02 14:20', '2026-03-02 12:10', 0, 'backwards in the lunch break: zero, not minus zero'],
  ])('from %s to %s is %d working minutes: %s', (from, to, minutes) => {
    expect(workingTimeBetween(calendar, beijing(from), beijing(to))).toBe(minutes);
  });

  it('measures a span longer than five years without giving up', () => {
    expect(
      workingTimeBetween(calendar, beijing('2020-01-01 00:00'), beijing('2026-01-01 00:00')),
    ).toBeGreaterThan(6 * 240 * 420);
  });

  it('refuses an invalid date', () => {
    expect(() => workingTimeBetween(calendar, beijing('2026-03-02 10:00'), new Date('nope'))).toThrow(
      RangeError,
    );
  });
});

describe('nextWorkingInstant', () => {
  it.each([
    ['2026-03-02 10:00', '2026-03-02 10:00', 'inside office hours: the instant itself'],
    ['2026-03-02 08:30', '2026-03-02 08:30', 'at the opening'],
    ['2026-03-02 07:00', '2026-03-02 08:30', 'before the opening'],
    ['2026-03-02 12:00', '2026-03-02 14:30', 'at noon'],
    ['2026-03-02 12:30', '2026-03-02 14:30', 'in the lunch break'],
    ['2026-03-02 18:30', '2026-03-03 08:30', 'after the close'],
    ['2026-03-06 18:00', '2026-03-09 08:30', 'at the close on a Friday'],
    ['2026-10-01 10:00', '2026-10-08 08:30', 'on National Day'],
    ['2026-02-13 18:30', '2026-02-14 08:30', 'before the make-up Saturday'],
  ])('from %s is %s: %s', (at, next) => {
    expect(formatBeijing(nextWorkingInstant(calendar, beijing(at)))).toBe(next);
  });
});

describe('elapsedFraction', () => {
  // 5 working days from Monday 2026-03-02 08:30 end on Friday 2026-03-06 18:00.
  const start = beijing('2026-03-02 08:30');
  const deadline = beijing('2026-03-06 18:00');

  it.each([
    ['2026-03-01 10:00', 0, 'before the start'],
    ['2026-03-02 08:30', 0, 'at the start'],
    ['2026-03-03 18:00', 0.4, 'after two of five working days'],
    ['2026-03-06 10:30', 1800 / 2100, 'Friday morning: past the 80 % warning'],
    ['2026-03-06 18:00', 1, 'at the deadline'],
    ['2026-03-07 12:00', 1, 'on the weekend after the deadline: still exactly used up'],
    ['2026-03-09 10:00', 2190 / 2100, 'overdue on Monday'],
  ])('at %s is %d: %s', (now, fraction) => {
    expect(
      elapsedFraction(calendar, { start, deadline, now: beijing(now), unit: 'working_days' }),
    ).toBeCloseTo(fraction, 12);
  });

  it('does not use up a working limit over a weekend', () => {
    const from = beijing('2026-03-06 17:00');
    const due = addWorkingTime(calendar, from, { value: 2, unit: 'working_hours' });
    const input = {
      start: from,
      deadline: due,
      now: beijing('2026-03-08 12:00'),
      unit: 'working_hours' as const,
    };
    expect(elapsedFraction(calendar, input)).toBe(0.5);
  });

  it.each([
    ['2026-10-03 11:36', 0.8],
    ['2026-10-03 12:00', 1],
    ['2026-10-03 13:00', 1.5],
  ])('measures a calendar limit in elapsed time: at %s it is %d', (now, fraction) => {
    const input = {
      start: beijing('2026-10-03 10:00'),
      deadline: beijing('2026-10-03 12:00'),
      now: beijing(now),
      unit: 'calendar_hours' as TimeLimitUnit,
    };
    expect(elapsedFraction(calendar, input)).toBeCloseTo(fraction, 12);
  });

  it.each([
    ['2026-03-02 12:29', 0],
    ['2026-03-02 12:30', 1],
  ])('treats a limit of zero length as used up from its deadline: at %s it is %d', (now, fraction) => {
    const at = beijing('2026-03-02 12:30');
    const input = { start: at, deadline: at, now: beijing(now), unit: 'working_minutes' as const };
    expect(elapsedFraction(calendar, input)).toBe(fraction);
  });
});
