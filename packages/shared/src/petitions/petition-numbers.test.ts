import { describe, expect, it } from 'vitest';
import { petitionMatterKey, petitionStatsOf } from './petition-numbers.js';

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
