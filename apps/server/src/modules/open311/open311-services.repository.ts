import { and, asc, desc, eq, isNotNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/database.js';
import { catalogCategories } from '../catalog/catalog.tables.js';
import { open311Services } from './open311.tables.js';

const leaf = catalogCategories;
const subcategory = alias(catalogCategories, 'subcategory');
const area = alias(catalogCategories, 'area');

const columns = {
  categoryId: leaf.id,
  code: leaf.code,
  name: leaf.name,
  active: leaf.active,
  published: leaf.published,
  serviceGroup: leaf.serviceGroup,
  priority: leaf.priority,
  resolveLimitValue: leaf.resolveLimitValue,
  resolveLimitUnit: leaf.resolveLimitUnit,
  subcategoryName: subcategory.name,
  areaName: area.name,
  description: open311Services.description,
  keywords: open311Services.keywords,
  attributes: open311Services.attributes,
  updatedAt: open311Services.updatedAt,
};

/** A catalog leaf with where it sits and its Open311 settings. */
export type Open311ServiceRow = Awaited<ReturnType<typeof selectServices>>[number];

// A leaf is a category with a resolution limit (as registration checks), under a subcategory and an area.
function selectServices(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(columns)
    .from(leaf)
    .innerJoin(subcategory, eq(subcategory.id, leaf.parentId))
    .innerJoin(area, eq(area.id, subcategory.parentId))
    .leftJoin(open311Services, eq(open311Services.categoryId, leaf.id))
    .where(and(isNotNull(leaf.resolveLimitValue), where))
    .orderBy(asc(leaf.code));
}

/** The services the city publishes: active, published leaves, in catalog order. */
export async function findPublishedServices(db: DbOrTx): Promise<Open311ServiceRow[]> {
  return selectServices(db, and(eq(leaf.published, true), eq(leaf.active, true)));
}

/** The published service with this `service_code` (the leaf's catalog code), if any. */
export async function findPublishedService(db: DbOrTx, code: string): Promise<Open311ServiceRow | undefined> {
  const [row] = await selectServices(
    db,
    and(eq(leaf.code, code), eq(leaf.published, true), eq(leaf.active, true)),
  );
  return row;
}

/** Every leaf of the catalog with its Open311 settings, for the console. */
export async function findServiceSettings(db: DbOrTx): Promise<Open311ServiceRow[]> {
  return selectServices(db, undefined);
}

/** One leaf with its Open311 settings (undefined when the category is no leaf). */
export async function findServiceSetting(db: DbOrTx, categoryId: number) {
  const [row] = await selectServices(db, eq(leaf.id, categoryId));
  return row;
}

/** Writes a leaf's Open311 description, keywords and attributes. */
export async function upsertServiceDefinition(
  db: DbOrTx,
  values: typeof open311Services.$inferInsert,
): Promise<void> {
  const { categoryId: _key, ...set } = values;
  await db
    .insert(open311Services)
    .values(values)
    .onConflictDoUpdate({ target: open311Services.categoryId, set });
}

/** When the services' settings last changed (the discovery's changeset); null before any was set. */
export async function lastServiceChange(db: DbOrTx): Promise<Date | null> {
  const [row] = await db
    .select({ at: open311Services.updatedAt })
    .from(open311Services)
    .orderBy(desc(open311Services.updatedAt))
    .limit(1);
  return row?.at ?? null;
}
