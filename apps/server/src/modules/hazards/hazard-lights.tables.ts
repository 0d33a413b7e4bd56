import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { hazards } from './hazards.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * 整改期限预警: the light of a hazard's rectification deadline as the lights' scan last turned it, beside the
 * hazard (each turn is warned once). It is of one deadline: a deadline moved (延期) starts green again.
 */
export const hazardLights = pgTable(
  'hazard_lights',
  {
    id: integer('hazard_id')
      .primaryKey()
      .references(() => hazards.id),
    /** the deadline the light is of */
    deadline: at('deadline').notNull(),
    /** `SlaLight` */
    light: text('light').notNull().default('green'),
    /** when the scan looks at the light next; null once red or when the hazard's clock no longer runs */
    lightNextCheckAt: at('light_next_check_at'),
  },
  (t) => [
    index('hazard_lights_check_idx').on(t.lightNextCheckAt).where(sql`${t.lightNextCheckAt} is not null`),
  ],
);
