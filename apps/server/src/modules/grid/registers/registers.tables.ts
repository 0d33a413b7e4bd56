import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bytea as sealed } from '../../../platform/db/bytea.js';
import { orgs } from '../../orgs/orgs.tables.js';
import { users } from '../../users/users.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** The columns every register row has: its grid (and the grid's path, for the scope filter) and its clock. */
function registerColumns() {
  return {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    gridId: integer('grid_id')
      .notNull()
      .references(() => orgs.id),
    /** the grid's path: a grid worker sees his grid, a town its towns' (a prefix match) */
    gridPath: text('grid_path').notNull(),
    note: text('note'),
    version: integer('version').notNull().default(0),
    createdByUserId: integer('created_by_user_id').references(() => users.id),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  };
}

/** 房屋: a house (or flat) of a grid, the household a visit goes to. */
export const gridHouses = pgTable(
  'grid_houses',
  {
    ...registerColumns(),
    /** 小区/街路巷及门牌 */
    address: text('address').notNull(),
    building: text('building'),
    unit: text('unit'),
    room: text('room'),
    /** the address folded (`houseKeyOf`): one house per key in a grid */
    houseKey: text('house_key').notNull(),
    use: text('use').notNull(),
    occupancy: text('occupancy').notNull(),
    area: doublePrecision('area'),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    /** its last household visit, kept by the visit's transaction (the coverage and the worker's list read it) */
    lastVisitedAt: at('last_visited_at'),
  },
  (t) => [
    uniqueIndex('grid_houses_key_idx').on(t.gridId, t.houseKey),
    index('grid_houses_path_idx').using('btree', t.gridPath.op('text_pattern_ops')),
    index('grid_houses_visited_idx').on(t.gridId, t.lastVisitedAt),
  ],
);

/**
 * 实有人口: a person living in (or registered at) a house. The ID number and phone are sealed (AES-256-GCM) and
 * found through their blind indexes only; no column holds them in clear.
 */
export const gridResidents = pgTable(
  'grid_residents',
  {
    ...registerColumns(),
    houseId: integer('house_id')
      .notNull()
      .references(() => gridHouses.id),
    name: text('name').notNull(),
    gender: text('gender').notNull(),
    /** from the ID number, kept apart for the age filters (GB/T 31000 has it as its own field) */
    birthDate: date('birth_date').notNull(),
    ethnicity: text('ethnicity'),
    idNumberSealed: sealed('id_number_sealed').notNull(),
    /** HMAC of the canonical ID number: one record per person across the city */
    idNumberIndex: text('id_number_index').notNull(),
    phoneSealed: sealed('phone_sealed'),
    phoneIndex: text('phone_index'),
    householdRelation: text('household_relation'),
    populationType: text('population_type').notNull(),
    residenceStatus: text('residence_status'),
    registeredAddress: text('registered_address'),
    currentAddress: text('current_address'),
    employer: text('employer'),
    /** 关爱/关注类别 (`RESIDENT_FLAGS` codes) */
    flags: text('flags').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    uniqueIndex('grid_residents_id_number_idx').on(t.idNumberIndex),
    index('grid_residents_phone_idx').on(t.phoneIndex),
    index('grid_residents_path_idx').using('btree', t.gridPath.op('text_pattern_ops')),
    index('grid_residents_house_idx').on(t.houseId),
    index('grid_residents_flags_idx').using('gin', t.flags),
    check('grid_residents_gender_check', sql`${t.gender} in ('male', 'female')`),
  ],
);

/** 单位/组织/场所 of a grid. The contact's phone is sealed like a resident's. */
export const gridOrganisations = pgTable(
  'grid_organisations',
  {
    ...registerColumns(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** 统一社会信用代码: one record per organisation across the city */
    creditCode: text('credit_code'),
    address: text('address').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    contactName: text('contact_name'),
    contactPhoneSealed: sealed('contact_phone_sealed'),
    contactPhoneIndex: text('contact_phone_index'),
    employees: integer('employees'),
    /** 重点场所类别 (`ORGANISATION_TAGS` codes) */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    uniqueIndex('grid_organisations_credit_code_idx').on(t.creditCode),
    uniqueIndex('grid_organisations_name_idx').on(t.gridId, t.name),
    index('grid_organisations_path_idx').using('btree', t.gridPath.op('text_pattern_ops')),
  ],
);
