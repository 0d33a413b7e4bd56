import { describe, expect, it } from 'vitest';
import { buildShippedCalendar } from './holidays.test-support.js';
import { buildWorkingCalendar, isWorkingDay, toBeijingDate } from './working-calendar.js';

const calendar = buildShippedCalendar();

describe('isWorkingDay', () => {
  it.each([
    // [date, working?, why]
    ['2026-03-02', true, 'an ordinary Monday'],
    ['2026-03-06', true, 'an ordinary Friday'],
    ['2026-03-07', false, 'an ordinary Saturday'],
    ['2026-03-08', false, 'an ordinary Sunday'],
    ['2026-01-01', false, 'New Year 2026 (Thursday)'],
    ['2026-01-02', false, 'New Year 2026 (Friday)'],
    ['2026-01-03', false, 'New Year 2026 (Saturday)'],
    ['2026-01-04', true, 'the New Year 2026 make-up Sunday'],
    ['2026-02-13', true, 'the Friday before the Spring Festival'],
    ['2026-02-14', true, 'the Spring Festival make-up Saturday before the block'],
    ['2026-02-15', false, 'the first day of the 2026 Spring Festival block'],
    ['2026-02-17', false, 'Spring Festival 2026, a Tuesday'],
    ['2026-02-20', false, 'Spring Festival 2026, a Friday'],
    ['2026-02-23', false, 'the last day of the 2026 Spring Festival block, a Monday'],
    ['2026-02-24', true, 'the Tuesday after the Spring Festival'],
    ['2026-02-28', true, 'the Spring Festival make-up Saturday after the block'],
    ['2026-09-30', true, 'the Wednesday before National Day'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'the last day of National Day, a Wednesday'],
    ['2026-10-08', true, 'the Thursday after National Day'],
    ['2026-10-10', true, 'the National Day make-up Saturday'],
    ['2026-10-11', false, 'the Sunday after it'],
    ['2022-12-31', false, 'a New Year day listed in the 2023 file'],
    ['2020-02-03', true, '2020-02-03, listed as not off: an ordinary Monday'],
    ['2020-01-19', true, 'the 2020 Spring Festival make-up Sunday'],
    ['2020-02-02', false, 'the COVID-19 extension of the 2020 Spring Festival'],
    ['2024-02-29', true, 'a leap day on a Thursday'],
    ['2030-10-01', true, 'National Day of a year not loaded: the weekday rule (a Tuesday)'],
    ['2030-10-05', false, 'a Saturday of a year not loaded'],
    ['2019-12-31', true, 'a Tuesday before the loaded years'],
  ])('treats %s as working=%s: %s', (date, working) => {
    expect(isWorkingDay(calendar, date)).toBe(working);
  });

  it('follows the weekday rule on an empty calendar', () => {
    const empty = buildWorkingCalendar({ days: [] });
    expect(isWorkingDay(empty, '2026-10-01')).toBe(true);
    expect(isWorkingDay(empty, '2026-10-10')).toBe(false);
  });

  it.each(['2026-02-30', '2026-10-1', 'tomorrow'])('refuses the non-date %s', (date) => {
    expect(() => isWorkingDay(calendar, date)).toThrow(RangeError);
  });
});

describe('buildWorkingCalendar', () => {
  it('counts 420 office minutes a day with the default office hours', () => {
    expect(calendar.minutesPerWorkingDay).toBe(420);
    expect(calendar.officePeriods).toEqual([
      { startMinute: 510, endMinute: 720 },
      { startMinute: 870, endMinute: 1080 },
    ]);
  });

  it('takes other office hours', () => {
    const custom = buildWorkingCalendar({ days: [], officeHours: [{ start: '09:00', end: '17:30' }] });
    expect(custom.minutesPerWorkingDay).toBe(510);
  });

  it('refuses invalid office hours', () => {
    expect(() => buildWorkingCalendar({ days: [], officeHours: [] })).toThrow('至少需要一个办公时段');
  });

  it('refuses a date listed both off and working', () => {
    const days = [
      { date: '2026-10-10', isOffDay: false },
      { date: '2026-10-10', isOffDay: true },
    ];
    expect(() => buildWorkingCalendar({ days })).toThrow(RangeError);
  });

  it('accepts a date listed twice the same way, as when two imported files overlap', () => {
    const days = [
      { date: '2026-10-10', isOffDay: false },
      { date: '2026-10-10', isOffDay: false },
    ];
    expect(isWorkingDay(buildWorkingCalendar({ days }), '2026-10-10')).toBe(true);
  });

  it('refuses a date that does not exist', () => {
    expect(() => buildWorkingCalendar({ days: [{ date: '2026-02-29', isOffDay: true }] })).toThrow(
      RangeError,
    );
  });

  it('returns a frozen calendar', () => {
    expect(Object.isFrozen(calendar)).toBe(true);
    expect(Object.isFrozen(calendar.officePeriods)).toBe(true);
    expect(Object.isFrozen(calendar.officePeriods[0])).toBe(true);
  });
});

describe('toBeijingDate', () => {
  it.each([
    ['2026-09-30T15:59:59.999Z', '2026-09-30'],
    ['2026-09-30T16:00:00.000Z', '2026-10-01'],
    ['2025-12-31T16:00:00.000Z', '2026-01-01'],
  ])('puts %s on %s in Beijing', (instant, date) => {
    expect(toBeijingDate(new Date(instant))).toBe(date);
  });
});
