import { z } from 'zod';

/**
 * Units a time limit is counted in. Working units follow the working-day calendar and office hours;
 * calendar units ignore both (emergencies, utility outages).
 */
export const TIME_LIMIT_UNITS = [
  'working_minutes',
  'working_hours',
  'working_days',
  'calendar_minutes',
  'calendar_hours',
  'calendar_days',
] as const;
export const TimeLimitUnit = z.enum(TIME_LIMIT_UNITS);
export type TimeLimitUnit = z.infer<typeof TimeLimitUnit>;

/** A time limit (时限): an amount of working or calendar time, e.g. 5 working days. */
export const TimeLimit = z
  .object({
    /** how many units; whole numbers only */
    value: z.number().int().positive().max(10_000),
    unit: TimeLimitUnit,
  })
  .strict();
export type TimeLimit = z.infer<typeof TimeLimit>;

export const TIME_LIMIT_UNIT_LABELS: Record<TimeLimitUnit, string> = {
  working_minutes: '工作分钟',
  working_hours: '工作小时',
  working_days: '工作日',
  calendar_minutes: '自然分钟',
  calendar_hours: '自然小时',
  calendar_days: '自然日',
};
