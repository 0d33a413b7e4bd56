import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { monthsOf, rangePeriod } from './petition-stats-periods.js';

describe('the periods of the petition numbers', () => {
  it('cuts a range into its calendar months, the first and last cut to the range (Beijing time)', () => {
    const months = monthsOf([dayjs('2026-01-15'), dayjs('2026-03-10')]);
    expect(months).toEqual([
      { key: '2026-01', from: '2026-01-14T16:00:00.000Z', to: '2026-01-31T16:00:00.000Z' },
      { key: '2026-02', from: '2026-01-31T16:00:00.000Z', to: '2026-02-28T16:00:00.000Z' },
      { key: '2026-03', from: '2026-02-28T16:00:00.000Z', to: '2026-03-10T16:00:00.000Z' },
    ]);
  });

  it('takes the whole range up to the end of its last day', () => {
    expect(rangePeriod([dayjs('2026-01-15'), dayjs('2026-03-10')])).toEqual({
      key: 'all',
      from: '2026-01-14T16:00:00.000Z',
      to: '2026-03-10T16:00:00.000Z',
    });
  });
});
