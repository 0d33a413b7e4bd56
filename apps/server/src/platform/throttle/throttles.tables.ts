import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Attempts counted per fixed window, shared by every server process: one row per scope (`login.address`,
 * `portal.track.number` …) and key (the client's address, the username tried, the case number asked for).
 */
export const throttles = pgTable(
  'throttles',
  {
    /** what is counted, named by the rule that counts it (`login.account`, `portal.track.number` …) */
    scope: text('scope').notNull(),
    /** what the attempts are counted for: an address, a (lower-case) username, a case number */
    key: text('key').notNull(),
    /** when the current window began */
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
    /** attempts counted in the current window (failed or still being checked) */
    attempts: integer('attempts').notNull().default(0),
    /** set once an attempt went past the rule's maximum: every attempt is refused until then */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('throttles_window_idx').on(t.windowStartedAt)],
);
