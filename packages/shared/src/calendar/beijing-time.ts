/**
 * Beijing time (Asia/Shanghai) as plain arithmetic. China has used a fixed UTC+8 with no daylight saving since
 * 1991, so a fixed offset is exact for every date this platform handles, and nothing here depends on the
 * process time zone.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 60 * MINUTE_MS;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `date` is a `YYYY-MM-DD` string naming a day that exists (2026-02-29 does not). */
export function isRealIsoDate(date: string): boolean {
  const match = ISO_DATE.exec(date);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** The Beijing calendar day an instant falls on, as days since 1970-01-01. */
export function toBeijingDayNumber(epochMs: number): number {
  return Math.floor((epochMs + BEIJING_OFFSET_MS) / DAY_MS);
}

/** The instant Beijing midnight starts the given day (days since 1970-01-01). */
export function beijingMidnight(dayNumber: number): number {
  return dayNumber * DAY_MS - BEIJING_OFFSET_MS;
}

/** The day number (days since 1970-01-01) of a `YYYY-MM-DD` date; the format is checked by the schemas. */
export function dayNumberOfDate(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The instant Beijing midnight starts a `YYYY-MM-DD` day, e.g. `2026-10-01` → 2026-09-30T16:00Z. */
export function beijingMidnightOfDate(date: string): Date {
  return new Date(beijingMidnight(dayNumberOfDate(date)));
}

/** `YYYY-MM-DD` of a day number. */
export function formatDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week of a day number: 0 Sunday … 6 Saturday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCDay();
}

/** The Beijing calendar date (`YYYY-MM-DD`) of an instant, e.g. 2026-09-30T20:00Z → `2026-10-01`. */
export function toBeijingDate(at: Date): string {
  return formatDayNumber(toBeijingDayNumber(at.getTime()));
}

/** The Beijing calendar date without separators (`YYYYMMDD`), as case numbers and file names carry it. */
export function toBeijingCompactDate(at: Date): string {
  return toBeijingDate(at).replaceAll('-', '');
}

/** The Beijing date and wall-clock time (`YYYY-MM-DD HH:MM`) of an instant, as a sheet or a message shows it. */
export function toBeijingDateTime(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The Beijing wall-clock time (`HH:MM`) of an instant, e.g. 2026-09-30T02:05Z → `10:05`. */
export function toBeijingClock(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(11, 16);
}

/** `HH:MM` → minutes after midnight. The format is checked by the schemas, not here. */
export function parseClockMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}
