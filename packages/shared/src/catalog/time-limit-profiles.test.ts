import { describe, expect, it } from 'vitest';
import { TimeLimit } from '../calendar/time-limit.js';
import {
  findTimeLimitProfile,
  MAX_EXTENSION,
  TIME_LIMIT_PROFILE_IDS,
  TIME_LIMIT_PROFILES,
  type TimeLimitProfileId,
} from './time-limit-profiles.js';

describe('TIME_LIMIT_PROFILES', () => {
  const expected: [TimeLimitProfileId, string, string, string][] = [
    ['emergency', '30 calendar_minutes', '2 calendar_hours', 'emergency'],
    ['utility_outage', '30 calendar_minutes', '24 calendar_hours', 'urgent'],
    ['normal', '2 working_hours', '5 working_days', 'normal'],
    ['complex', '2 working_hours', '15 working_days', 'normal'],
    ['consultation', '2 working_hours', '1 working_days', 'normal'],
  ];

  it.each(expected)('gives %s the defaults of DOMAIN.md §4', (id, accept, resolve, priority) => {
    const profile = TIME_LIMIT_PROFILES[id];
    expect(`${profile.acceptLimit.value} ${profile.acceptLimit.unit}`).toBe(accept);
    expect(`${profile.resolveLimit.value} ${profile.resolveLimit.unit}`).toBe(resolve);
    expect(profile.priority).toBe(priority);
  });

  it('holds only limits the shared TimeLimit schema accepts', () => {
    for (const id of TIME_LIMIT_PROFILE_IDS) {
      expect(TimeLimit.safeParse(TIME_LIMIT_PROFILES[id].acceptLimit).success).toBe(true);
      expect(TimeLimit.safeParse(TIME_LIMIT_PROFILES[id].resolveLimit).success).toBe(true);
    }
  });

  it('allows one extension of at most 10 working days', () => {
    expect(MAX_EXTENSION).toEqual({ limit: { value: 10, unit: 'working_days' }, times: 1 });
  });

  it('finds the profile of a pair and none for a hand-set pair', () => {
    for (const id of TIME_LIMIT_PROFILE_IDS) {
      const { acceptLimit, resolveLimit } = TIME_LIMIT_PROFILES[id];
      expect(findTimeLimitProfile(acceptLimit, resolveLimit)).toBe(id);
    }
    expect(
      findTimeLimitProfile({ value: 2, unit: 'working_hours' }, { value: 7, unit: 'working_days' }),
    ).toBeNull();
  });
});
