import { describe, expect, it } from 'vitest';
import { HolidayCnYear } from './holiday-cn.schemas.js';
import { readShippedHolidayFile, SHIPPED_YEARS } from './holidays.test-support.js';

/** Entries per shipped year, from PROVENANCE.md: total, days off, make-up working days. */
const SHIPPED_COUNTS: Record<(typeof SHIPPED_YEARS)[number], [number, number, number]> = {
  2020: [37, 30, 7],
  2021: [38, 31, 7],
  2022: [38, 31, 7],
  2023: [34, 27, 7],
  2024: [36, 28, 8],
  2025: [33, 28, 5],
  2026: [39, 33, 6],
};

/** The paths and messages of the issues a refused file gets. */
function refusalsOf(input: unknown): { path: string; message: string }[] {
  const result = HolidayCnYear.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

const day = (date: string, isOffDay = true) => ({ name: '国庆节', date, isOffDay });

describe('HolidayCnYear on the vendored files', () => {
  it.each(SHIPPED_YEARS)('parses %i with the counts of PROVENANCE.md', (year) => {
    const file = HolidayCnYear.parse(readShippedHolidayFile(year));
    const [total, off, makeUp] = SHIPPED_COUNTS[year];
    expect(file.year).toBe(year);
    expect(file.days).toHaveLength(total);
    expect(file.days.filter((d) => d.isOffDay)).toHaveLength(off);
    expect(file.days.filter((d) => !d.isOffDay)).toHaveLength(makeUp);
  });

  it('keeps the 2026 make-up working days', () => {
    const file = HolidayCnYear.parse(readShippedHolidayFile(2026));
    expect(file.days.filter((d) => !d.isOffDay).map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });
});

describe('HolidayCnYear on hand-made files', () => {
  it('accepts a file without papers or $schema', () => {
    expect(refusalsOf({ year: 2027, days: [day('2027-10-01')] })).toEqual([]);
  });

  it.each([
    ['an off day', '2022-12-31', true],
    ['a make-up working day', '2018-12-29', false],
  ])('accepts %s of the New Year block in the December before the year', (_, date, isOffDay) => {
    const year = Number(date.slice(0, 4)) + 1;
    expect(refusalsOf({ year, days: [day(date, isOffDay), day(`${year}-01-01`)] })).toEqual([]);
  });

  it('accepts a year with no listed days', () => {
    expect(refusalsOf({ year: 2027, papers: [], days: [] })).toEqual([]);
  });

  it.each([
    ['a date that does not exist', [day('2026-02-29')], 'days.0.date', '不存在的日期'],
    ['a date in another format', [day('2026/10/01')], 'days.0.date', '日期格式应为 YYYY-MM-DD'],
    ['a month 13', [day('2026-13-01')], 'days.0.date', '不存在的日期'],
    [
      'a date in the next year',
      [day('2026-10-01'), day('2027-01-01')],
      'days.1.date',
      '日期 2027-01-01 不在 2026 年内',
    ],
    [
      'a date before December of the last year',
      [day('2025-11-30')],
      'days.0.date',
      '日期 2025-11-30 不在 2026 年内',
    ],
    [
      'a date listed twice',
      [day('2026-10-01'), day('2026-10-02'), day('2026-10-01', false)],
      'days.2.date',
      '日期 2026-10-01 重复',
    ],
    [
      'a missing isOffDay',
      [{ name: '国庆节', date: '2026-10-01' }],
      'days.0.isOffDay',
      'isOffDay 应为 true 或 false',
    ],
    ['an empty name', [{ name: '', date: '2026-10-01', isOffDay: true }], 'days.0.name', '请填写节日名称'],
  ])('refuses %s and names the field', (_, days, path, message) => {
    expect(refusalsOf({ year: 2026, days })).toEqual([{ path, message }]);
  });

  it('refuses a misspelt key instead of ignoring it', () => {
    const refusals = refusalsOf({ year: 2026, days: [{ ...day('2026-10-01'), isOffday: true }] });
    expect(refusals.map((r) => r.path)).toEqual(['days.0']);
  });

  it.each([
    ['a year that is not a number', '2026', '年份应为数字'],
    ['a year that is not whole', 2026.5, '年份应为整数'],
    ['a year out of range', 1999, '年份超出范围'],
  ])('refuses %s', (_, year, message) => {
    expect(refusalsOf({ year, days: [] })).toEqual([{ path: 'year', message }]);
  });

  it('refuses a file without days', () => {
    expect(refusalsOf({ year: 2026 }).map((r) => r.path)).toEqual(['days']);
  });
});
