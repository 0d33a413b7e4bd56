import { describe, expect, it } from 'vitest';
import {
  hasReportPeriodEnded,
  lastFinishedReportPeriod,
  previousReportPeriod,
  reportDaysOf,
  reportPeriodLabel,
  reportPeriodOfDay,
} from './report-periods.js';
import { dueReportPeriod } from './report-schedule.js';
import { CreateReportInput } from './reports.schemas.js';

describe('the days of a report period', () => {
  it.each([
    ['daily', '2026-11-02', { from: '2026-11-02', to: '2026-11-02' }],
    ['weekly', '2026-W45', { from: '2026-11-02', to: '2026-11-08' }],
    ['weekly', '2026-W01', { from: '2025-12-29', to: '2026-01-04' }],
    ['weekly', '2026-W53', { from: '2026-12-28', to: '2027-01-03' }],
    ['weekly', '2020-W53', { from: '2020-12-28', to: '2021-01-03' }],
    ['monthly', '2026-02', { from: '2026-02-01', to: '2026-02-28' }],
    ['monthly', '2028-02', { from: '2028-02-01', to: '2028-02-29' }],
    ['monthly', '2026-12', { from: '2026-12-01', to: '2026-12-31' }],
  ] as const)('%s %s', (kind, period, days) => {
    expect(reportDaysOf(kind, period)).toEqual(days);
  });

  it.each([
    ['daily', '2026-02-29'],
    ['weekly', '2025-W53'],
    ['weekly', '2026-W00'],
    ['monthly', '2026-13'],
    ['monthly', '2026-11-01'],
  ] as const)('refuses %s %s', (kind, period) => {
    expect(reportDaysOf(kind, period)).toBeNull();
  });
});

describe('moving between periods', () => {
  it.each([
    ['weekly', '2026-01-01', '2026-W01'],
    ['weekly', '2027-01-03', '2026-W53'],
    ['weekly', '2026-11-08', '2026-W45'],
    ['weekly', '2026-11-09', '2026-W46'],
    ['monthly', '2026-11-30', '2026-11'],
  ] as const)('%s period of %s is %s', (kind, day, period) => {
    expect(reportPeriodOfDay(kind, day)).toBe(period);
  });

  it('steps back over year ends', () => {
    expect(previousReportPeriod('daily', '2026-01-01')).toBe('2025-12-31');
    expect(previousReportPeriod('weekly', '2026-W01')).toBe('2025-W52');
    expect(previousReportPeriod('monthly', '2026-01')).toBe('2025-12');
  });

  it('finds the last finished period in Beijing time', () => {
    // 2026-12-07 00:30 in Beijing is still 12-06 in UTC
    const now = new Date('2026-12-06T16:30:00Z');
    expect(lastFinishedReportPeriod('daily', now)).toBe('2026-12-06');
    expect(lastFinishedReportPeriod('weekly', now)).toBe('2026-W49');
    expect(lastFinishedReportPeriod('monthly', now)).toBe('2026-11');
    expect(hasReportPeriodEnded({ from: '2026-12-06', to: '2026-12-06' }, now)).toBe(true);
    expect(hasReportPeriodEnded({ from: '2026-12-07', to: '2026-12-07' }, now)).toBe(false);
  });

  it('names a period in Chinese', () => {
    expect(reportPeriodLabel('monthly', '2026-11')).toBe('2026年11月');
    expect(reportPeriodLabel('weekly', '2026-W45')).toBe('2026年第45周（11月2日—11月8日）');
    expect(reportPeriodLabel('daily', '2026-11-02')).toBe('2026年11月2日');
  });
});

describe('CreateReportInput', () => {
  it('checks the period against the kind and names the field', () => {
    const wrong = CreateReportInput.safeParse({ kind: 'weekly', org: 1, period: '2026-11' });
    expect(wrong.error?.issues.map((i) => i.path.join('.'))).toEqual(['period']);
    expect(CreateReportInput.safeParse({ kind: 'weekly', org: 1, period: '2026-W45' }).success).toBe(true);
    expect(CreateReportInput.safeParse({ kind: 'weekly', org: 1, period: '2026-W45', x: 1 }).success).toBe(
      false,
    );
  });
});

describe('the period a schedule entry owes', () => {
  it('is the one just ended once the first day of the current period reaches the time', () => {
    // Monday 2026-12-07, 08:15 in Beijing
    const now = new Date('2026-12-07T00:15:00Z');
    expect(dueReportPeriod('daily', '08:00', now)).toBe('2026-12-06');
    expect(dueReportPeriod('daily', '08:30', now)).toBeNull();
    expect(dueReportPeriod('weekly', '08:00', now)).toBe('2026-W49');
    expect(dueReportPeriod('weekly', '09:00', now)).toBeNull();
    // 12-01 is long past: November stays owed the whole month (produced once, by the unique key)
    expect(dueReportPeriod('monthly', '23:00', now)).toBe('2026-11');
  });
});
