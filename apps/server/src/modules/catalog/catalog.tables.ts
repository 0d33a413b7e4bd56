import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.tables.js';

/** The matter catalog (事项目录): 大类 → 小类 → 细类; leaves carry their handling unit and time limits. */
export const catalogCategories = pgTable(
  'catalog_categories',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    level: smallint('level').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => catalogCategories.id),
    /** 默认承办单位 */
    defaultUnitId: integer('default_unit_id').references(() => orgs.id),
    priority: text('priority'),
    acceptLimitValue: integer('accept_limit_value'),
    acceptLimitUnit: text('accept_limit_unit'),
    resolveLimitValue: integer('resolve_limit_value'),
    resolveLimitUnit: text('resolve_limit_unit'),
    /** a 110 (police) matter */
    police: boolean('police').notNull().default(false),
    active: boolean('active').notNull().default(true),
    /** 发布: a leaf the city offers to outside apps as an Open311 service (`modules/open311`) */
    published: boolean('published').notNull().default(false),
    /** 分组: the Open311 group a published leaf is listed under; null: the name of its area (大类) */
    serviceGroup: text('service_group'),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('catalog_parent_idx').on(t.parentId, t.sort)],
);
