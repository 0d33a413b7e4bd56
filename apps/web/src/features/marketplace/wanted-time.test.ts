import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { isBookableDay, isBookableTime, wantedAtOf, wantedTimeText } from './wanted-time.js';

const now = dayjs('2026-10-13T09:00:00+08:00');

describe('期望时间 on the order form', () => {
  it('sends no time for 立即 and the chosen instant for 预约', () => {
    const at = now.add(1, 'day');
    expect(wantedAtOf('now', at)).toBeUndefined();
    expect(wantedAtOf('booked', null)).toBeUndefined();
    expect(wantedAtOf('booked', at)).toBe('2026-10-14T01:00:00.000Z');
  });

  it.each([
    [-1, false],
    [0, true],
    [7, true],
    [8, false],
  ])('offers the day %i days ahead: %s', (days, offered) => {
    expect(isBookableDay(now.add(days, 'day'), now)).toBe(offered);
  });

  it('refuses a time already past or more than 7 days ahead, as the server does', () => {
    expect(isBookableTime(now.subtract(1, 'hour'), now)).toBe(false);
    expect(isBookableTime(now.add(2, 'hour'), now)).toBe(true);
    expect(isBookableTime(now.add(7, 'day'), now)).toBe(true);
    expect(isBookableTime(now.add(7, 'day').add(1, 'minute'), now)).toBe(false);
  });

  it('reads a booked time, or 立即 without one', () => {
    expect(wantedTimeText(null, '立即')).toBe('立即');
    expect(wantedTimeText('2026-10-14T01:00:00.000Z', '立即')).toBe(
      dayjs('2026-10-14T01:00:00.000Z').format('MM-DD HH:mm'),
    );
  });
});
