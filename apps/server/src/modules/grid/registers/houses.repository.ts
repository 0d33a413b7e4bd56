import { and, asc, eq, ilike, inArray, like, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../platform/db/database.js';
import { containsPattern } from '../../../platform/db/text-search.js';
import { orgs } from '../../orgs/orgs.tables.js';
import { gridHouses, gridResidents } from './registers.tables.js';

/** A house row. */
export type HouseRow = typeof gridHouses.$inferSelect;

/** A house with the names and counts its view shows. */
export interface HouseListRow extends HouseRow {
  gridCode: string;
  gridName: string;
  communityName: string | null;
  residentCount: number;
}

const community = alias(orgs, 'community');

const residentCount = sql<number>`(select count(*)::int from ${gridResidents} where ${gridResidents.houseId} = ${gridHouses.id})`;

function listQuery(db: DbOrTx) {
  return db
    .select({
      house: gridHouses,
      gridCode: orgs.code,
      gridName: orgs.name,
      communityName: community.name,
      residentCount,
    })
    .from(gridHouses)
    .innerJoin(orgs, eq(orgs.id, gridHouses.gridId))
    .leftJoin(community, eq(community.id, orgs.parentId));
}

function flatten(row: {
  house: HouseRow;
  gridCode: string;
  gridName: string;
  communityName: string | null;
  residentCount: number;
}): HouseListRow {
  const { house, ...names } = row;
  return { ...house, ...names, residentCount: Number(names.residentCount) };
}

/** Filters of the house list (within the caller's scope). */
export interface HouseFilter {
  /** the scope's path, or the `within` org's inside it */
  path: string;
  q?: string;
  use?: string;
  occupancy?: string;
  /** not visited since this instant (never visited included) */
  notVisitedSince?: Date;
}

function whereOf(f: HouseFilter): SQL | undefined {
  const where: SQL[] = [like(gridHouses.gridPath, `${f.path}%`)];
  if (f.q) {
    const pattern = containsPattern(f.q);
    where.push(
      or(
        ilike(gridHouses.address, pattern),
        ilike(gridHouses.building, pattern),
        ilike(gridHouses.unit, pattern),
        ilike(gridHouses.room, pattern),
      )!,
    );
  }
  if (f.use) where.push(eq(gridHouses.use, f.use));
  if (f.occupancy) where.push(eq(gridHouses.occupancy, f.occupancy));
  if (f.notVisitedSince) {
    where.push(
      sql`(${gridHouses.lastVisitedAt} is null or ${gridHouses.lastVisitedAt} < ${f.notVisitedSince.toISOString()}::timestamptz)`,
    );
  }
  return and(...where);
}

/**
 * A page of houses and how many match. In register order (grid, then address), or — for the list of households
 * not visited for a while — the longest-unvisited first.
 */
export async function listHouses(
  db: DbOrTx,
  f: HouseFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: HouseListRow[]; total: number }> {
  const where = whereOf(f);
  const order = f.notVisitedSince
    ? [sql`${gridHouses.lastVisitedAt} asc nulls first`, asc(gridHouses.id)]
    : [asc(gridHouses.gridId), asc(gridHouses.houseKey), asc(gridHouses.id)];
  const [rows, [counted]] = await Promise.all([
    listQuery(db)
      .where(where)
      .orderBy(...order)
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(gridHouses).where(where),
  ]);
  return { rows: rows.map(flatten), total: Number(counted?.n ?? 0) };
}

/** Every house of a filter in register order, `limit` at a time after `afterId` (the export's batches). */
export async function listHousesAfter(db: DbOrTx, f: HouseFilter, afterId: number, limit: number) {
  const rows = await listQuery(db)
    .where(and(whereOf(f), sql`${gridHouses.id} > ${afterId}`))
    .orderBy(asc(gridHouses.id))
    .limit(limit);
  return rows.map(flatten);
}

/** How many houses a filter matches. */
export async function countHouses(db: DbOrTx, f: HouseFilter): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(gridHouses).where(whereOf(f));
  return Number(row?.n ?? 0);
}

/** A house by id with its names. */
export async function findHouse(db: DbOrTx, id: number): Promise<HouseListRow | undefined> {
  const [row] = await listQuery(db).where(eq(gridHouses.id, id));
  return row && flatten(row);
}

/** Houses by id with their names. */
export async function findHousesByIds(
  db: DbOrTx,
  ids: readonly number[],
): Promise<Map<number, HouseListRow>> {
  if (ids.length === 0) return new Map();
  const rows = await listQuery(db).where(inArray(gridHouses.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.house.id, flatten(row)]));
}

/** The house of a grid with this key (another one than `exceptId`), if any. */
export async function findHouseByKey(db: DbOrTx, gridId: number, houseKey: string, exceptId?: number) {
  const [row] = await db
    .select({ id: gridHouses.id })
    .from(gridHouses)
    .where(
      and(
        eq(gridHouses.gridId, gridId),
        eq(gridHouses.houseKey, houseKey),
        exceptId === undefined ? undefined : ne(gridHouses.id, exceptId),
      ),
    );
  return row;
}

/** Inserts houses, answering them in order. */
export async function insertHouses(
  db: DbOrTx,
  values: (typeof gridHouses.$inferInsert)[],
): Promise<{ id: number; gridId: number; houseKey: string }[]> {
  if (values.length === 0) return [];
  return db
    .insert(gridHouses)
    .values(values)
    .returning({ id: gridHouses.id, gridId: gridHouses.gridId, houseKey: gridHouses.houseKey });
}

/** Updates a house at the version read, bumping it; undefined when the version has moved on. */
export async function updateHouseAtVersion(
  db: DbOrTx,
  id: number,
  version: number,
  patch: Partial<typeof gridHouses.$inferInsert>,
) {
  const [row] = await db
    .update(gridHouses)
    .set({ ...patch, version: sql`${gridHouses.version} + 1` })
    .where(and(eq(gridHouses.id, id), eq(gridHouses.version, version)))
    .returning({ id: gridHouses.id });
  return row;
}

/** The houses of a set of grids with these keys (an import's lookup): `gridId|key` → id. */
export async function findHouseIdsByKeys(
  db: DbOrTx,
  keys: readonly { gridId: number; houseKey: string }[],
): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const found = new Map<string, number>();
  const gridIds = [...new Set(keys.map((k) => k.gridId))];
  const houseKeys = [...new Set(keys.map((k) => k.houseKey))];
  const rows = await db
    .select({ id: gridHouses.id, gridId: gridHouses.gridId, houseKey: gridHouses.houseKey })
    .from(gridHouses)
    .where(and(inArray(gridHouses.gridId, gridIds), inArray(gridHouses.houseKey, houseKeys)));
  for (const row of rows) found.set(`${row.gridId}|${row.houseKey}`, row.id);
  return found;
}
