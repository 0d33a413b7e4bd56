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

/**
 * The longest limit of each unit: about a year. No matter is handled over a longer time, and the calendar
 * only looks that far ahead, so a longer limit could never be turned into a deadline.
 */
export const MAX_TIME_LIMIT_VALUE: Record<TimeLimitUnit, number> = {
  working_minutes: 250 * 7 * 60,
  working_hours: 250 * 7,
  working_days: 250,
  calendar_minutes: 366 * 24 * 60,
  calendar_hours: 366 * 24,
  calendar_days: 366,
};

/** A time limit (时限): an amount of working or calendar time, e.g. 5 working days. */
export const TimeLimit = z
  .object({
    /** how many units; whole numbers only, at most about a year */
    value: z.number().int().positive(),
    unit: TimeLimitUnit,
  })
  .strict()
  .superRefine((limit, ctx) => {
    const max = MAX_TIME_LIMIT_VALUE[limit.unit];
    if (limit.value > max) ctx.addIssue({ code: 'custom', path: ['value'], message: `时限不能超过 ${max}` });
  });
export type TimeLimit = z.infer<typeof TimeLimit>;

export const TIME_LIMIT_UNIT_LABELS: Record<TimeLimitUnit, string> = {
  working_minutes: '工作分钟',
  working_hours: '工作小时',
  working_days: '工作日',
  calendar_minutes: '自然分钟',
  calendar_hours: '自然小时',
  calendar_days: '自然日',
};
