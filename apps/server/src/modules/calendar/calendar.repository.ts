import type { HolidayCnYear } from '@shanzhi/shared';
import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { calendarDays, calendarYears } from './calendar.tables.js';

/** Replaces one year of listed days (a re-import of a corrected notice replaces the old one). */
export async function replaceCalendarYear(db: DbOrTx, file: HolidayCnYear, source: string, now: Date) {
  await db.delete(calendarDays).where(eq(calendarDays.year, file.year));
  if (file.days.length > 0) {
    await db
      .insert(calendarDays)
      .values(file.days.map((d) => ({ date: d.date, year: file.year, isOffDay: d.isOffDay, name: d.name })))
      .onConflictDoUpdate({
        target: calendarDays.date,
        set: { year: file.year, isOffDay: sql`excluded.is_off_day`, name: sql`excluded.name` },
      });
  }
  const papers = file.papers ?? [];
  await db
    .insert(calendarYears)
    .values({ year: file.year, papers, source, importedAt: now })
    .onConflictDoUpdate({ target: calendarYears.year, set: { papers, source, importedAt: now } });
}

/** The loaded years with their day counts. */
export async function listCalendarYears(db: DbOrTx) {
  return db
    .select({
      year: calendarYears.year,
      source: calendarYears.source,
      papers: calendarYears.papers,
      importedAt: calendarYears.importedAt,
      // The outer year is named in full: Drizzle writes `${calendarYears.year}` as a bare "year" here, which
      // inside the subquery would mean d.year and count the days of every year.
      offDays: sql<number>`(select count(*)::int from calendar_days d where d.year = calendar_years.year and d.is_off_day)`,
      workingDays: sql<number>`(select count(*)::int from calendar_days d where d.year = calendar_years.year and not d.is_off_day)`,
    })
    .from(calendarYears)
    .orderBy(asc(calendarYears.year));
}

/** The listed days of one year (or of every year). */
export async function listCalendarDays(db: DbOrTx, year?: number) {
  const query = db.select().from(calendarDays);
  return (year === undefined ? query : query.where(eq(calendarDays.year, year))).orderBy(
    asc(calendarDays.date),
  );
}
