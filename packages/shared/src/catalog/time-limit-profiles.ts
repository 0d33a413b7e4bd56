import { z } from 'zod';
import type { TimeLimit } from '../calendar/time-limit.js';
import type { Priority } from './priority.js';

/**
 * Time-limit profiles (时限档次): the default pairs of acceptance and resolution limits a catalog leaf starts
 * from (DOMAIN.md §4). They are defaults: a city changes them per category in the catalog admin.
 */
export const TIME_LIMIT_PROFILE_IDS = [
  'emergency',
  'utility_outage',
  'normal',
  'complex',
  'consultation',
] as const;
export const TimeLimitProfileId = z.enum(TIME_LIMIT_PROFILE_IDS);
export type TimeLimitProfileId = z.infer<typeof TimeLimitProfileId>;

/** One profile: the pair of limits and the priority a matter of this kind is given. */
export interface TimeLimitProfile {
  /** 签收时限: time the handling unit has to accept (sign for) the case */
  acceptLimit: TimeLimit;
  /** 办理时限: time the handling unit has to resolve the case, counted from dispatch */
  resolveLimit: TimeLimit;
  /** priority a matter of this profile is given by default */
  priority: Priority;
}

export const TIME_LIMIT_PROFILES: Readonly<Record<TimeLimitProfileId, Readonly<TimeLimitProfile>>> = {
  emergency: {
    acceptLimit: { value: 30, unit: 'calendar_minutes' },
    resolveLimit: { value: 2, unit: 'calendar_hours' },
    priority: 'emergency',
  },
  utility_outage: {
    acceptLimit: { value: 30, unit: 'calendar_minutes' },
    resolveLimit: { value: 24, unit: 'calendar_hours' },
    priority: 'urgent',
  },
  normal: {
    acceptLimit: { value: 2, unit: 'working_hours' },
    resolveLimit: { value: 5, unit: 'working_days' },
    priority: 'normal',
  },
  complex: {
    acceptLimit: { value: 2, unit: 'working_hours' },
    resolveLimit: { value: 15, unit: 'working_days' },
    priority: 'normal',
  },
  consultation: {
    acceptLimit: { value: 2, unit: 'working_hours' },
    resolveLimit: { value: 1, unit: 'working_days' },
    priority: 'normal',
  },
};

export const TIME_LIMIT_PROFILE_LABELS: Record<TimeLimitProfileId, string> = {
  emergency: '紧急',
  utility_outage: '水电气暖',
  normal: '一般',
  complex: '疑难',
  consultation: '咨询',
};

/** 延期: a case may be extended at most once, by at most 10 working days (DOMAIN.md §4). */
export const MAX_EXTENSION: Readonly<{ limit: TimeLimit; times: number }> = {
  limit: { value: 10, unit: 'working_days' },
  times: 1,
};

/** The profile whose limits are exactly this pair, or null when the pair was set by hand. */
export function findTimeLimitProfile(
  acceptLimit: TimeLimit,
  resolveLimit: TimeLimit,
): TimeLimitProfileId | null {
  const same = (a: TimeLimit, b: TimeLimit) => a.value === b.value && a.unit === b.unit;
  for (const id of TIME_LIMIT_PROFILE_IDS) {
    const profile = TIME_LIMIT_PROFILES[id];
    if (same(profile.acceptLimit, acceptLimit) && same(profile.resolveLimit, resolveLimit)) return id;
  }
  return null;
}
