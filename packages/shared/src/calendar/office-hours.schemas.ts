import { z } from 'zod';

/** A clock time in Beijing time, `HH:MM`, 00:00–23:59. */
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const isClockTime = (value: unknown): value is string => typeof value === 'string' && CLOCK_TIME.test(value);
const ClockTime = z.string().regex(CLOCK_TIME, '时间格式应为 HH:MM（00:00–23:59）');

/** One office period of a working day (办公时段), e.g. 08:30–12:00. */
export const OfficePeriod = z
  .object({
    /** when the period starts, `HH:MM` Beijing time */
    start: ClockTime,
    /** when it ends, `HH:MM`, after `start` */
    end: ClockTime,
  })
  .strict()
  // zero-padded HH:MM strings compare like the times they name; a malformed one already has its own issue
  .refine((p) => !isClockTime(p.start) || !isClockTime(p.end) || p.start < p.end, {
    path: ['end'],
    message: '结束时间应晚于开始时间',
  });
export type OfficePeriod = z.infer<typeof OfficePeriod>;

/**
 * Office hours (办公时间): the periods of a working day in which working time runs, in order and not
 * overlapping. The same periods apply to every working day, make-up days included.
 */
export const OfficeHours = z
  .array(OfficePeriod)
  .min(1, '至少需要一个办公时段')
  .superRefine((periods, ctx) => {
    periods.forEach((period, index) => {
      const previous = periods[index - 1];
      if (isClockTime(previous?.end) && isClockTime(period?.start) && period.start < previous.end) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'start'],
          message: '办公时段应按时间先后排列且互不重叠',
        });
      }
    });
  });
export type OfficeHours = z.infer<typeof OfficeHours>;

/** The default office hours: 08:30–12:00 and 14:30–18:00, seven hours a day. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze([
  Object.freeze({ start: '08:30', end: '12:00' }),
  Object.freeze({ start: '14:30', end: '18:00' }),
]) as OfficeHours;
