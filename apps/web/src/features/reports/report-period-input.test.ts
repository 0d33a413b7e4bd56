import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { isUnfinishedPick, periodOfPick } from './report-period-input.js';

describe('the period a picked day stands for', () => {
  it('is the day, its ISO week or its month', () => {
    const picked = dayjs('2026-11-04');
    expect(periodOfPick('daily', picked)).toBe('2026-11-04');
    expect(periodOfPick('weekly', picked)).toBe('2026-W45');
    expect(periodOfPick('monthly', picked)).toBe('2026-11');
  });

  it('may not be a period still running in Beijing time', () => {
    const now = new Date('2026-12-07T02:00:00Z');
    expect(isUnfinishedPick('monthly', dayjs('2026-12-01'), now)).toBe(true);
    expect(isUnfinishedPick('monthly', dayjs('2026-11-30'), now)).toBe(false);
    expect(isUnfinishedPick('weekly', dayjs('2026-12-06'), now)).toBe(false);
    expect(isUnfinishedPick('daily', dayjs('2026-12-07'), now)).toBe(true);
  });
});
