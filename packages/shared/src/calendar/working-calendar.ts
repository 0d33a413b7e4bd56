import { DAY_MS, isRealIsoDate, parseClockMinutes } from './beijing-time.js';
import type { HolidayCnDay } from './holiday-cn.schemas.js';
import { DEFAULT_OFFICE_HOURS, OfficeHours } from './office-hours.schemas.js';
import { isWorkingDayNumber } from './office-segments.js';

export { toBeijingClock, toBeijingDate } from './beijing-time.js';
export { MAX_SCAN_DAYS } from './office-segments.js';

/** Whether a listed date is a day off (statutory holiday) or a working day (调休 make-up day). */
export type DayKind = 'off' | 'working';

/** An office period as minutes after Beijing midnight, `startMinute < endMinute`. */
export interface OfficeMinutes {
  readonly startMinute: number;
  readonly endMinute: number;
}

/** The working-day calendar (工作日历): listed days plus office hours. Built once, read many times. */
export interface WorkingCalendar {
  /** the listed dates (`YYYY-MM-DD`); a date not listed follows the weekday rule */
  readonly listedDays: ReadonlyMap<string, DayKind>;
  /** office periods of every working day, in order */
  readonly officePeriods: readonly OfficeMinutes[];
  /** office minutes of one working day, which is also the length of one working day of a time limit (420) */
  readonly minutesPerWorkingDay: number;
}

/** Input of {@link buildWorkingCalendar}. */
export interface WorkingCalendarInput {
  /** listed days of any number of years, e.g. the `days` of every imported holiday-cn file */
  days: readonly Pick<HolidayCnDay, 'date' | 'isOffDay'>[];
  /** office hours (办公时间); `DEFAULT_OFFICE_HOURS` when left out */
  officeHours?: OfficeHours;
}

/**
 * Builds an immutable working calendar. Throws a ZodError for invalid office hours and a RangeError for an
 * invalid date or a date listed twice with different flags (the schemas catch both earlier).
 */
export function buildWorkingCalendar({
  days,
  officeHours = DEFAULT_OFFICE_HOURS,
}: WorkingCalendarInput): WorkingCalendar {
  const listedDays = new Map<string, DayKind>();
  for (const { date, isOffDay } of days) {
    if (!isRealIsoDate(date)) throw new RangeError(`not a date: ${date}`);
    const kind: DayKind = isOffDay ? 'off' : 'working';
    const previous = listedDays.get(date);
    if (previous && previous !== kind) throw new RangeError(`${date} is listed as both off and working`);
    listedDays.set(date, kind);
  }
  const officePeriods = OfficeHours.parse(officeHours).map((p) =>
    Object.freeze({ startMinute: parseClockMinutes(p.start), endMinute: parseClockMinutes(p.end) }),
  );
  return Object.freeze({
    listedDays,
    officePeriods: Object.freeze(officePeriods),
    minutesPerWorkingDay: officePeriods.reduce((sum, p) => sum + p.endMinute - p.startMinute, 0),
  });
}

/**
 * Whether a date (`YYYY-MM-DD`) is a working day: a listed date follows its flag (`isOffDay: true` rest,
 * `false` 调休 make-up working day); any other date, including every date of a year not loaded, works Monday
 * to Friday and rests on Saturday and Sunday.
 */
export function isWorkingDay(calendar: WorkingCalendar, date: string): boolean {
  if (!isRealIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  return isWorkingDayNumber(calendar, Date.parse(date) / DAY_MS);
}
