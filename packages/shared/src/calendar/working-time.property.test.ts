import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beijing, buildShippedCalendar } from './holidays.test-support.js';
import type { TimeLimit } from './time-limit.js';
import { isWorkingDay, toBeijingDate } from './working-calendar.js';
import {
  addWorkingTime,
  elapsedFraction,
  measureTimeLimit,
  nextWorkingInstant,
  workingTimeBetween,
} from './working-time.js';

const calendar = buildShippedCalendar();

/** Any instant from 2024-01-01 to 2026-12-31 in Beijing, to the millisecond. */
const anyStart = fc
  .integer({ min: beijing('2024-01-01 00:00').getTime(), max: beijing('2027-01-01 00:00').getTime() - 1 })
  .map((ms) => new Date(ms));

const workingLimit: fc.Arbitrary<TimeLimit> = fc.oneof(
  fc.record({ value: fc.integer({ min: 1, max: 3000 }), unit: fc.constant('working_minutes' as const) }),
  fc.record({ value: fc.integer({ min: 1, max: 200 }), unit: fc.constant('working_hours' as const) }),
  fc.record({ value: fc.integer({ min: 1, max: 30 }), unit: fc.constant('working_days' as const) }),
);

const calendarLimit: fc.Arbitrary<TimeLimit> = fc.record({
  value: fc.integer({ min: 1, max: 3000 }),
  unit: fc.constantFrom('calendar_minutes' as const, 'calendar_hours' as const, 'calendar_days' as const),
});

const RUNS = { numRuns: 500 };

describe('working time properties (2024–2026, random starts and limits)', () => {
  it('workingTimeBetween gives back the limit addWorkingTime used up', () => {
    fc.assert(
      fc.property(anyStart, workingLimit, (start, limit) => {
        const deadline = addWorkingTime(calendar, start, limit);
        expect(workingTimeBetween(calendar, start, deadline)).toBe(measureTimeLimit(calendar, limit));
      }),
      RUNS,
    );
  });

  it('ends a working limit on a working day, with the clock running just before it', () => {
    fc.assert(
      fc.property(anyStart, workingLimit, (start, limit) => {
        const deadline = addWorkingTime(calendar, start, limit);
        const justBefore = new Date(deadline.getTime() - 1);
        expect(isWorkingDay(calendar, toBeijingDate(justBefore))).toBe(true);
        expect(workingTimeBetween(calendar, justBefore, deadline)).toBe(1 / 60_000);
      }),
      RUNS,
    );
  });

  it('adds two working-minute limits one after the other as one', () => {
    const minutes = fc.integer({ min: 1, max: 2000 });
    fc.assert(
      fc.property(anyStart, minutes, minutes, (start, a, b) => {
        const first = addWorkingTime(calendar, start, { value: a, unit: 'working_minutes' });
        const both = addWorkingTime(calendar, first, { value: b, unit: 'working_minutes' });
        expect(both).toEqual(addWorkingTime(calendar, start, { value: a + b, unit: 'working_minutes' }));
      }),
      RUNS,
    );
  });

  it('adds a calendar limit as plain elapsed time', () => {
    fc.assert(
      fc.property(anyStart, calendarLimit, (start, limit) => {
        const deadline = addWorkingTime(calendar, start, limit);
        expect(deadline.getTime() - start.getTime()).toBe(measureTimeLimit(calendar, limit) * 60_000);
      }),
      RUNS,
    );
  });

  it('reaches exactly 1 at the deadline of any limit', () => {
    fc.assert(
      fc.property(anyStart, fc.oneof(workingLimit, calendarLimit), (start, limit) => {
        const deadline = addWorkingTime(calendar, start, limit);
        const input = { start, deadline, now: deadline, unit: limit.unit };
        expect(elapsedFraction(calendar, input)).toBe(1);
      }),
      RUNS,
    );
  });

  it('is antisymmetric: swapping the instants negates the working time', () => {
    fc.assert(
      fc.property(anyStart, anyStart, (a, b) => {
        expect(workingTimeBetween(calendar, b, a)).toBe(-workingTimeBetween(calendar, a, b) || 0);
      }),
      { numRuns: 200 },
    );
  });

  it('counts no working time up to the next working instant', () => {
    fc.assert(
      fc.property(anyStart, (at) => {
        const next = nextWorkingInstant(calendar, at);
        expect(next.getTime()).toBeGreaterThanOrEqual(at.getTime());
        expect(workingTimeBetween(calendar, at, next)).toBe(0);
        expect(isWorkingDay(calendar, toBeijingDate(next))).toBe(true);
      }),
      RUNS,
    );
  });
});
