import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { amount, percent, periodOf, periodPresets } from './period-presets.js';

const periods = (today: string) =>
  Object.fromEntries(periodPresets(dayjs(today)).map((p) => [p.key, periodOf(p.range)]));

describe('the measures’ periods and figures', () => {
  it('runs 本月, 上月, 本季度 and 本年 up to today', () => {
    expect(periods('2026-08-15')).toEqual({
      thisMonth: { from: '2026-08-01', to: '2026-08-15' },
      lastMonth: { from: '2026-07-01', to: '2026-07-31' },
      thisQuarter: { from: '2026-07-01', to: '2026-08-15' },
      thisYear: { from: '2026-01-01', to: '2026-08-15' },
    });
  });

  it('takes 上月 of January from the year before', () => {
    expect(periods('2026-01-10').lastMonth).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('writes a rate as a per cent, and nothing to divide by as a dash', () => {
    expect(percent(0.9434)).toBe('94.3%');
    expect(percent(null)).toBe('—');
    expect(amount(12)).toBe('12');
    expect(amount(11.7)).toBe('11.7');
  });
});
