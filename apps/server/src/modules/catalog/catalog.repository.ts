import { and, asc, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/database.js';
import { containsPattern } from '../../platform/db/text-search.js';
import { orgs } from '../orgs/orgs.tables.js';
import { catalogCategories } from './catalog.tables.js';

const unit = alias(orgs, 'unit');

/** Filters of the category list. */
export interface CategoryFilter {
  active?: boolean;
  level?: number;
  parentId?: number;
  q?: string;
}

const columns = {
  id: catalogCategories.id,
  code: catalogCategories.code,
  name: catalogCategories.name,
  level: catalogCategories.level,
  parentId: catalogCategories.parentId,
  defaultUnitCode: unit.code,
  defaultUnitName: unit.name,
  priority: catalogCategories.priority,
  acceptLimitValue: catalogCategories.acceptLimitValue,
  acceptLimitUnit: catalogCategories.acceptLimitUnit,
  resolveLimitValue: catalogCategories.resolveLimitValue,
  resolveLimitUnit: catalogCategories.resolveLimitUnit,
  police: catalogCategories.police,
  active: catalogCategories.active,
};

/** A category row with its default unit's code and name. */
export type CategoryRow = Awaited<ReturnType<typeof listCategories>>[number];

/** Categories in code order (the tree's order). */
export async function listCategories(db: DbOrTx, filter: CategoryFilter = {}) {
  const conditions: SQL[] = [];
  if (filter.active !== undefined) conditions.push(eq(catalogCategories.active, filter.active));
  if (filter.level !== undefined) conditions.push(eq(catalogCategories.level, filter.level));
  if (filter.parentId !== undefined) conditions.push(eq(catalogCategories.parentId, filter.parentId));
  if (filter.q) conditions.push(ilike(catalogCategories.name, containsPattern(filter.q)));
  return db
    .select(columns)
    .from(catalogCategories)
    .leftJoin(unit, eq(unit.id, catalogCategories.defaultUnitId))
    .where(and(...conditions))
    .orderBy(asc(catalogCategories.code));
}

/** One category. */
export async function findCategory(db: DbOrTx, id: number): Promise<CategoryRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(catalogCategories)
    .leftJoin(unit, eq(unit.id, catalogCategories.defaultUnitId))
    .where(eq(catalogCategories.id, id));
  return row;
}

/** Whether a code is taken. */
export async function isCategoryCodeTaken(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db
    .select({ id: catalogCategories.id })
    .from(catalogCategories)
    .where(eq(catalogCategories.code, code));
  return row !== undefined;
}

/** Whether a sibling already has this name. */
export async function isSiblingNameTaken(
  db: DbOrTx,
  parentId: number | null,
  name: string,
  exceptId?: number,
) {
  const rows = await db
    .select({ id: catalogCategories.id })
    .from(catalogCategories)
    .where(
      and(
        parentId === null
          ? sql`${catalogCategories.parentId} is null`
          : eq(catalogCategories.parentId, parentId),
        eq(catalogCategories.name, name),
      ),
    );
  return rows.some((r) => r.id !== exceptId);
}

/** The codes of a category's children (or of the areas when `parentId` is null). */
export async function childCodes(db: DbOrTx, parentId: number | null): Promise<string[]> {
  const rows = await db
    .select({ code: catalogCategories.code })
    .from(catalogCategories)
    .where(
      parentId === null
        ? sql`${catalogCategories.parentId} is null`
        : eq(catalogCategories.parentId, parentId),
    );
  return rows.map((r) => r.code);
}

/** Values to write for a category. */
export type CategoryValues = typeof catalogCategories.$inferInsert;

/** Inserts a category, returning its id. */
export async function insertCategory(db: DbOrTx, values: CategoryValues): Promise<number> {
  const [row] = await db.insert(catalogCategories).values(values).returning({ id: catalogCategories.id });
  return row!.id;
}

/** Inserts categories whose code is not there yet; returns how many were new. */
export async function insertMissingCategories(db: DbOrTx, values: CategoryValues[]): Promise<number> {
  if (values.length === 0) return 0;
  const rows = await db
    .insert(catalogCategories)
    .values(values)
    .onConflictDoNothing({ target: catalogCategories.code })
    .returning({ id: catalogCategories.id });
  return rows.length;
}

/** Updates a category. */
export async function updateCategory(db: DbOrTx, id: number, patch: Partial<CategoryValues>, now: Date) {
  await db
    .update(catalogCategories)
    .set({ ...patch, updatedAt: now, version: sql`${catalogCategories.version} + 1` })
    .where(eq(catalogCategories.id, id));
}

/** Ids of categories by code. */
export async function categoryIdsByCode(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: catalogCategories.id, code: catalogCategories.code })
    .from(catalogCategories);
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** The names of categories, by id (ids that name no category are left out). */
export async function findCategoryNames(db: DbOrTx, ids: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: catalogCategories.id, name: catalogCategories.name })
    .from(catalogCategories)
    .where(inArray(catalogCategories.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}
