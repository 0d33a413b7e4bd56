import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * Every organisation, territorial or functional, in one tree. `path` is the materialised chain of ids from
 * the root (`/1/4/27/`), kept by a trigger, so "this org and everything below it" is one indexed prefix query.
 */
export const orgs = pgTable(
  'orgs',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    parentId: integer('parent_id').references((): AnyPgColumn => orgs.id),
    /** official code (行政区划代码 / grid code) or the platform's code for a functional unit */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    active: boolean('active').notNull().default(true),
    /** `/root-id/…/own-id/`, maintained by the `orgs_set_path` trigger */
    path: text('path').notNull().default(''),
    depth: smallint('depth').notNull().default(0),
    /** GeoJSON Polygon or MultiPolygon (GCJ-02) for territorial orgs */
    boundary: jsonb('boundary'),
    minLng: doublePrecision('min_lng'),
    minLat: doublePrecision('min_lat'),
    maxLng: doublePrecision('max_lng'),
    maxLat: doublePrecision('max_lat'),
    centerLng: doublePrecision('center_lng'),
    centerLat: doublePrecision('center_lat'),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('orgs_path_idx').using('btree', t.path.op('text_pattern_ops')),
    index('orgs_parent_idx').on(t.parentId, t.sort),
    index('orgs_kind_bbox_idx').on(t.kind, t.minLng, t.maxLng),
    check(
      'orgs_kind_check',
      sql`${t.kind} in ('city', 'district', 'town', 'community', 'grid', 'unit', 'center')`,
    ),
  ],
);

/** The staff of a grid under 一格一长一警一专多兼: leader, police officer, full-time and part-time workers. */
export const gridStaff = pgTable(
  'grid_staff',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    gridId: integer('grid_id')
      .notNull()
      .references(() => orgs.id),
    role: text('role').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
  },
  (t) => [
    index('grid_staff_grid_idx').on(t.gridId),
    check('grid_staff_role_check', sql`${t.role} in ('leader', 'police', 'full_time', 'part_time')`),
  ],
);
