import { z } from 'zod';
import { OfficeHours } from './office-hours.schemas.js';
import { TimeLimitUnit } from './time-limit.js';

/** A loaded year of the working calendar. */
export const CalendarYearSummary = z
  .object({
    year: z.number().int(),
    /** where the year came from: `shipped`, `api`, `cli` … */
    source: z.string(),
    /** URLs of the State Council notices the days come from */
    papers: z.array(z.string()),
    /** when the year was imported, ISO 8601 */
    importedAt: z.string(),
    /** listed days off (holidays) */
    offDays: z.number().int(),
    /** listed make-up working days (调休) */
    workingDays: z.number().int(),
  })
  .meta({ id: 'CalendarYearSummary' });
export type CalendarYearSummary = z.output<typeof CalendarYearSummary>;

/** The loaded years, oldest first. */
export const CalendarYearList = z.object({ items: z.array(CalendarYearSummary) });
export type CalendarYearList = z.output<typeof CalendarYearList>;

/** A listed day: a holiday (休) or a make-up working day (班). */
export const CalendarDay = z.object({ date: z.string(), isOffDay: z.boolean(), name: z.string() });
export type CalendarDay = z.output<typeof CalendarDay>;

/** The listed days of one year; a date not listed follows the weekday rule. */
export const CalendarYearDays = z
  .object({ year: z.number().int(), days: z.array(CalendarDay) })
  .meta({ id: 'CalendarYearDays' });
export type CalendarYearDays = z.output<typeof CalendarYearDays>;

/** The office hours of a working day (also the body that replaces them). */
export const OfficeHoursAnswer = z.object({ periods: OfficeHours });
export type OfficeHoursAnswer = z.output<typeof OfficeHoursAnswer>;

/** When a limit started at `start` runs out, by the server's calendar. */
export const DeadlineAnswer = z.object({
  /** the start instant, as asked */
  start: z.string(),
  limit: z.object({ value: z.number(), unit: TimeLimitUnit }),
  /** the instant the limit runs out, ISO 8601 */
  deadline: z.string(),
});
export type DeadlineAnswer = z.output<typeof DeadlineAnswer>;

/** A year in a path (`/api/v1/calendar/years/:year`). */
export const CalendarYearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict();
export type CalendarYearParams = z.output<typeof CalendarYearParams>;

/** `GET /api/v1/calendar/deadline` query: a limit and the instant it starts. */
export const DeadlineQuery = z
  .object({
    /** start instant, ISO 8601 with offset */
    start: z.iso.datetime({ offset: true }),
    value: z.coerce.number().int().positive().max(10_000),
    unit: TimeLimitUnit,
  })
  .strict();
export type DeadlineQuery = z.output<typeof DeadlineQuery>;
