import { describe, expect, it } from 'vitest';
import { beijing, buildShippedCalendar, formatBeijing } from '../calendar/holidays.test-support.js';
import type { TimeLimitUnit } from '../calendar/time-limit.js';
import { addWorkingTime } from '../calendar/working-time.js';
import { computeLight, nextLightChangeAt } from './case-light.js';

const calendar = buildShippedCalendar();

describe('computeLight', () => {
  // A 5-working-day limit from Monday 2026-03-02 10:00 ends Monday 2026-03-09 10:00: 35 working hours of
  // 7 a day (08:30–12:00, 14:30–18:00); 80 % is 28 working hours, reached on Friday 2026-03-06 at 10:00.
  const start = beijing('2026-03-02 10:00');
  const deadline = addWorkingTime(calendar, start, { value: 5, unit: 'working_days' });

  it.each([
    ['2026-03-01 10:00', 'green', 'before the start'],
    ['2026-03-02 10:00', 'green', 'at the start'],
    ['2026-03-05 16:00', 'green', '70 % used (24.5 of 35 h)'],
    ['2026-03-05 20:00', 'green', 'an evening uses no working time (26.5 of 35 h)'],
    ['2026-03-06 09:59', 'green', 'a minute short of 80 %'],
    ['2026-03-06 10:00', 'yellow', 'at 80 %'],
    ['2026-03-07 12:00', 'yellow', 'on the weekend in between (33.5 of 35 h)'],
    ['2026-03-09 09:59', 'yellow', 'a minute before the deadline'],
    ['2026-03-09 10:00', 'red', 'at the deadline'],
    ['2026-04-01 10:00', 'red', 'long overdue'],
  ] as const)('at %s it is %s (%s)', (now, light, _why) => {
    expect(computeLight(calendar, { start, deadline, now: beijing(now), unit: 'working_days' })).toBe(light);
  });

  it.each([
    ['2026-03-07 10:00', 'green', 'calendar time: 1 h of 2 h'],
    ['2026-03-07 10:36', 'yellow', 'calendar time: 80 % of 2 h'],
    ['2026-03-07 12:00', 'red', 'calendar time: at the deadline'],
  ] as const)('for an emergency limit at %s it is %s (%s)', (now, light, _why) => {
    const s = beijing('2026-03-07 09:00');
    const d = addWorkingTime(calendar, s, { value: 2, unit: 'calendar_hours' });
    expect(computeLight(calendar, { start: s, deadline: d, now: beijing(now), unit: 'calendar_hours' })).toBe(
      light,
    );
  });
});

describe('nextLightChangeAt', () => {
  it.each([
    ['working_days', '2026-03-02 10:00', 5, '2026-03-06 10:00'],
    ['working_hours', '2026-03-02 10:00', 2, '2026-03-02 11:36'],
    ['calendar_hours', '2026-03-07 09:00', 2, '2026-03-07 10:36'],
  ] as const)('turns a %s limit from %s yellow at its 80 %% instant', (unit, from, value, expected) => {
    const start = beijing(from);
    const deadline = addWorkingTime(calendar, start, { value, unit: unit as TimeLimitUnit });
    const clock = { start, deadline, unit: unit as TimeLimitUnit };
    const warnAt = nextLightChangeAt(calendar, clock, 'green')!;
    expect(formatBeijing(warnAt)).toBe(expected);
    expect(computeLight(calendar, { ...clock, now: warnAt })).toBe('yellow');
    expect(computeLight(calendar, { ...clock, now: new Date(warnAt.getTime() - 60_000) })).toBe('green');
    expect(nextLightChangeAt(calendar, clock, 'yellow')).toEqual(deadline);
    expect(nextLightChangeAt(calendar, clock, 'red')).toBeNull();
  });
});
