import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { rangePeriod } from './petition-stats-periods.js';

describe('the period of the petition numbers', () => {
  it('takes the whole range up to the end of its last day (Beijing time)', () => {
    expect(rangePeriod([dayjs('2026-01-15'), dayjs('2026-03-10')])).toEqual({
      from: '2026-01-14T16:00:00.000Z',
      to: '2026-03-10T16:00:00.000Z',
    });
  });
});
