import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** City-specific settings (office hours, KPI weights …) as validated JSON values, one row per key. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
