import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFICE_HOURS, OfficeHours } from './office-hours.schemas.js';

function refusalsOf(input: unknown): { path: string; message: string }[] {
  const result = OfficeHours.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('OfficeHours', () => {
  it('accepts the default 08:30–12:00 and 14:30–18:00', () => {
    expect(DEFAULT_OFFICE_HOURS).toEqual([
      { start: '08:30', end: '12:00' },
      { start: '14:30', end: '18:00' },
    ]);
    expect(refusalsOf(DEFAULT_OFFICE_HOURS)).toEqual([]);
  });

  it.each([
    ['one period', [{ start: '09:00', end: '17:00' }]],
    [
      'periods that touch',
      [
        { start: '08:00', end: '12:00' },
        { start: '12:00', end: '13:00' },
      ],
    ],
    ['a whole day', [{ start: '00:00', end: '23:59' }]],
  ])('accepts %s', (_, periods) => {
    expect(refusalsOf(periods)).toEqual([]);
  });

  it.each([
    ['no period', [], '', '至少需要一个办公时段'],
    ['an end before the start', [{ start: '12:00', end: '08:30' }], '0.end', '结束时间应晚于开始时间'],
    ['an empty period', [{ start: '08:30', end: '08:30' }], '0.end', '结束时间应晚于开始时间'],
    [
      'an hour without its zero',
      [{ start: '8:30', end: '12:00' }],
      '0.start',
      '时间格式应为 HH:MM（00:00–23:59）',
    ],
    ['24:00', [{ start: '14:30', end: '24:00' }], '0.end', '时间格式应为 HH:MM（00:00–23:59）'],
    [
      'periods out of order',
      [
        { start: '14:30', end: '18:00' },
        { start: '08:30', end: '12:00' },
      ],
      '1.start',
      '办公时段应按时间先后排列且互不重叠',
    ],
    [
      'overlapping periods',
      [
        { start: '08:30', end: '12:00' },
        { start: '11:30', end: '18:00' },
      ],
      '1.start',
      '办公时段应按时间先后排列且互不重叠',
    ],
  ])('refuses %s and names the field', (_, periods, path, message) => {
    expect(refusalsOf(periods)).toEqual([{ path, message }]);
  });

  it('refuses an unknown key in a period', () => {
    expect(refusalsOf([{ start: '08:30', end: '12:00', lunch: true }]).map((r) => r.path)).toEqual(['0']);
  });
});
