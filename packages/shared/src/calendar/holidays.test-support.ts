/** Test support (Node only, never imported by the package index): the vendored holiday files and Beijing times. */
import { readFileSync } from 'node:fs';
import { HolidayCnYear } from './holiday-cn.schemas.js';
import type { OfficeHours } from './office-hours.schemas.js';
import { buildWorkingCalendar, type WorkingCalendar } from './working-calendar.js';

/** The years vendored in `packages/shared/data/holidays/`. */
export const SHIPPED_YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026] as const;

/** The raw JSON of a vendored holiday-cn file. */
export function readShippedHolidayFile(year: number): unknown {
  return JSON.parse(readFileSync(new URL(`../../data/holidays/${year}.json`, import.meta.url), 'utf8'));
}

/** A calendar of every vendored year. */
export function buildShippedCalendar(officeHours?: OfficeHours): WorkingCalendar {
  const days = SHIPPED_YEARS.flatMap((year) => HolidayCnYear.parse(readShippedHolidayFile(year)).days);
  return buildWorkingCalendar(officeHours ? { days, officeHours } : { days });
}

/** A Beijing wall-clock time, `'2026-09-30 10:00'` (or with `:ss`), as an instant. */
export function beijing(local: string): Date {
  const [date, time] = local.split(' ');
  const withSeconds = time!.length === 5 ? `${time}:00` : time;
  return new Date(`${date}T${withSeconds}+08:00`);
}

/** An instant as Beijing wall-clock time, `'2026-09-30 10:00'` (seconds only when not zero). */
export function formatBeijing(at: Date): string {
  const iso = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  const seconds = iso.slice(17, 23) === '00.000' ? '' : `:${iso.slice(17, 19)}`;
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds}`;
}
