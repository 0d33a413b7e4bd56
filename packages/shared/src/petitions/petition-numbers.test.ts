import { describe, expect, it } from 'vitest';
import {
  petitionMatterKey,
  petitionStatsOf,
  repeatsLastYearOf,
  sameTimeLastYear,
} from './petition-numbers.js';

describe('the matter key', () => {
  it('finds the same matter however it is spaced, punctuated or typed', () => {
    expect(petitionMatterKey('燃气改造费 2600 元，是否合理？')).toBe(
      petitionMatterKey('燃气改造费2600元是否合理'),
    );
    expect(petitionMatterKey('ＡＢＣ小区 物业')).toBe(petitionMatterKey('abc小区物业'));
    expect(petitionMatterKey('燃气改造费')).not.toBe(petitionMatterKey('供暖费'));
  });
});

describe('the petition numbers', () => {
  it('rate resolution over the closed, satisfaction over the visited and repeats over all', () => {
    const stats = petitionStatsOf({
      total: 165,
      accepted: 160,
      closed: 160,
      resolved: 158,
      visited: 100,
      satisfied: 95,
      repeats: 10,
      overdue: 1,
    });
    expect(stats).toMatchObject({ resolutionRate: 0.9875, satisfactionRate: 0.95, repeatRate: 0.0606 });
  });

  it('has no rate where nothing was counted', () => {
    const none = {
      total: 0,
      accepted: 0,
      closed: 0,
      resolved: 0,
      visited: 0,
      satisfied: 0,
      repeats: 0,
      overdue: 0,
    };
    expect(petitionStatsOf(none)).toMatchObject({
      resolutionRate: null,
      satisfactionRate: null,
      repeatRate: null,
    });
  });
});

describe('the same period last year', () => {
  it('is the same Beijing wall-clock time a year earlier, 29 February on the 28th', () => {
    // 2032-03-01 00:00 Beijing
    expect(sameTimeLastYear(new Date('2032-02-29T16:00:00.000Z')).toISOString()).toBe(
      '2031-02-28T16:00:00.000Z',
    );
    // 2032-02-29 12:00 Beijing
    expect(sameTimeLastYear(new Date('2032-02-29T04:00:00.000Z')).toISOString()).toBe(
      '2031-02-28T04:00:00.000Z',
    );
    // 2027-01-01 00:00 Beijing is still 2026 in UTC
    expect(sameTimeLastYear(new Date('2026-12-31T16:00:00.000Z')).toISOString()).toBe(
      '2025-12-31T16:00:00.000Z',
    );
  });

  it('compares the repeat rate with last year’s relative to it (同比)', () => {
    expect(repeatsLastYearOf(0.071, { total: 40, repeats: 4 })).toEqual({
      total: 40,
      repeats: 4,
      repeatRate: 0.1,
      repeatRateChange: -0.29,
    });
    expect(repeatsLastYearOf(0.2, { total: 10, repeats: 1 }).repeatRateChange).toBe(1);
    expect(repeatsLastYearOf(0.1, { total: 10, repeats: 0 }).repeatRateChange).toBeNull();
    expect(repeatsLastYearOf(0.1, { total: 0, repeats: 0 })).toMatchObject({
      repeatRate: null,
      repeatRateChange: null,
    });
    expect(repeatsLastYearOf(null, { total: 10, repeats: 1 }).repeatRateChange).toBeNull();
  });
});
