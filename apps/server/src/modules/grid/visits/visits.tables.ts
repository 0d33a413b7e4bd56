import { sql } from 'drizzle-orm';
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { orgs } from '../../orgs/orgs.tables.js';
import { users } from '../../users/users.tables.js';
import { gridHouses } from '../registers/registers.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** A need noted on a visit, and the finding it became when reported. */
export interface StoredVisitNeed {
  description: string;
  findingId: number | null;
}

/** 入户走访: a grid worker's visit to a household (a house of the register). Its photo is a `grid_photos` row. */
export const gridVisits = pgTable(
  'grid_visits',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    houseId: integer('house_id')
      .notNull()
      .references(() => gridHouses.id),
    gridId: integer('grid_id')
      .notNull()
      .references(() => orgs.id),
    gridPath: text('grid_path').notNull(),
    /** null for the demo history's visits by grid staff without an account */
    visitorUserId: integer('visitor_user_id').references(() => users.id),
    visitorName: text('visitor_name').notNull(),
    visitedAt: at('visited_at').notNull(),
    purpose: text('purpose').notNull(),
    met: text('met'),
    metResidentIds: integer('met_resident_ids').array().notNull().default(sql`'{}'::integer[]`),
    note: text('note').notNull(),
    needs: jsonb('needs').$type<StoredVisitNeed[]>().notNull().default(sql`'[]'::jsonb`),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    /** the phone's `Idempotency-Key`: a retried upload finds this visit */
    clientKey: text('client_key'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    index('grid_visits_house_idx').on(t.houseId, t.visitedAt.desc()),
    index('grid_visits_path_idx').using('btree', t.gridPath.op('text_pattern_ops')),
    index('grid_visits_visited_idx').on(t.visitedAt.desc(), t.id.desc()),
    uniqueIndex('grid_visits_client_key_idx').on(t.visitorUserId, t.clientKey),
  ],
);
