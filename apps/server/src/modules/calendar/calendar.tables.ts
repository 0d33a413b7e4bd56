import { boolean, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Listed days of the working-day calendar: public holidays (off) and make-up working days (调休). */
export const calendarDays = pgTable(
  'calendar_days',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    year: integer('year').notNull(),
    isOffDay: boolean('is_off_day').notNull(),
    name: text('name').notNull(),
  },
  (t) => [index('calendar_days_year_idx').on(t.year)],
);

/** The years loaded into the calendar and where each came from. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  papers: jsonb('papers').$type<string[]>().notNull().default([]),
  source: text('source').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});
