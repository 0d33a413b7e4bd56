import { and, arrayContains, asc, eq, ilike, inArray, like, ne, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.js';
import { containsPattern } from '../../../platform/db/text-search.js';
import { orgs } from '../../orgs/orgs.tables.js';
import { gridHouses, gridResidents } from './registers.tables.js';

/** A resident row (his numbers sealed). */
export type ResidentRow = typeof gridResidents.$inferSelect;

/** A resident with the names his view shows. */
export interface ResidentListRow extends ResidentRow {
  gridCode: string;
  gridName: string;
  houseAddress: string;
  houseBuilding: string | null;
  houseUnit: string | null;
  houseRoom: string | null;
}

function listQuery(db: DbOrTx) {
  return db
    .select({
      resident: gridResidents,
      gridCode: orgs.code,
      gridName: orgs.name,
      houseAddress: gridHouses.address,
      houseBuilding: gridHouses.building,
      houseUnit: gridHouses.unit,
      houseRoom: gridHouses.room,
    })
    .from(gridResidents)
    .innerJoin(orgs, eq(orgs.id, gridResidents.gridId))
    .innerJoin(gridHouses, eq(gridHouses.id, gridResidents.houseId));
}

function flatten(row: {
  resident: ResidentRow;
  gridCode: string;
  gridName: string;
  houseAddress: string;
  houseBuilding: string | null;
  houseUnit: string | null;
  houseRoom: string | null;
}): ResidentListRow {
  const { resident, ...names } = row;
  return { ...resident, ...names };
}

/** Filters of the resident list (within the caller's scope). */
export interface ResidentFilter {
  path: string;
  houseId?: number;
  /** part of a name */
  name?: string;
  /** the blind index of a whole ID number */
  idNumberIndex?: string;
  /** the blind index of a whole phone */
  phoneIndex?: string;
  flag?: string;
  populationType?: string;
  gender?: string;
  /** born on or after (the oldest age asked for) */
  bornFrom?: string;
  /** born on or before (the youngest age asked for) */
  bornTo?: string;
}

function whereOf(f: ResidentFilter): SQL | undefined {
  const where: SQL[] = [like(gridResidents.gridPath, `${f.path}%`)];
  if (f.houseId) where.push(eq(gridResidents.houseId, f.houseId));
  if (f.name) where.push(ilike(gridResidents.name, containsPattern(f.name)));
  if (f.idNumberIndex) where.push(eq(gridResidents.idNumberIndex, f.idNumberIndex));
  if (f.phoneIndex) where.push(eq(gridResidents.phoneIndex, f.phoneIndex));
  if (f.flag) where.push(arrayContains(gridResidents.flags, [f.flag]));
  if (f.populationType) where.push(eq(gridResidents.populationType, f.populationType));
  if (f.gender) where.push(eq(gridResidents.gender, f.gender));
  if (f.bornFrom) where.push(sql`${gridResidents.birthDate} >= ${f.bornFrom}::date`);
  if (f.bornTo) where.push(sql`${gridResidents.birthDate} <= ${f.bornTo}::date`);
  return and(...where);
}

/** A page of residents (by grid, house, then the head of household first) and how many match. */
export async function listResidents(
  db: DbOrTx,
  f: ResidentFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: ResidentListRow[]; total: number }> {
  const where = whereOf(f);
  const [rows, [counted]] = await Promise.all([
    listQuery(db)
      .where(where)
      .orderBy(
        asc(gridResidents.gridId),
        asc(gridHouses.houseKey),
        sql`${gridResidents.householdRelation} = 'head' desc`,
        asc(gridResidents.id),
      )
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(gridResidents).where(where),
  ]);
  return { rows: rows.map(flatten), total: Number(counted?.n ?? 0) };
}

/** Every resident of a filter, `limit` at a time after `afterId` (the export's batches). */
export async function listResidentsAfter(db: DbOrTx, f: ResidentFilter, afterId: number, limit: number) {
  const rows = await listQuery(db)
    .where(and(whereOf(f), sql`${gridResidents.id} > ${afterId}`))
    .orderBy(asc(gridResidents.id))
    .limit(limit);
  return rows.map(flatten);
}

/** How many residents a filter matches. */
export async function countResidents(db: DbOrTx, f: ResidentFilter): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(gridResidents).where(whereOf(f));
  return Number(row?.n ?? 0);
}

/** A resident by id with his names. */
export async function findResident(db: DbOrTx, id: number): Promise<ResidentListRow | undefined> {
  const [row] = await listQuery(db).where(eq(gridResidents.id, id));
  return row && flatten(row);
}

/** Residents by id (names only), for a visit's people met. */
export async function findResidentNames(db: DbOrTx, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, { name: string; houseId: number }>();
  const rows = await db
    .select({ id: gridResidents.id, name: gridResidents.name, houseId: gridResidents.houseId })
    .from(gridResidents)
    .where(inArray(gridResidents.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, { name: row.name, houseId: row.houseId }]));
}

/** The resident holding an ID number (by its blind index), other than `exceptId`. */
export async function findResidentByIdNumberIndex(db: DbOrTx, index: string, exceptId?: number) {
  const [row] = await db
    .select({ id: gridResidents.id })
    .from(gridResidents)
    .where(
      and(
        eq(gridResidents.idNumberIndex, index),
        exceptId === undefined ? undefined : ne(gridResidents.id, exceptId),
      ),
    );
  return row;
}

/** Which of these blind indexes the register already holds. */
export async function findTakenIdNumberIndexes(db: DbOrTx, indexes: readonly string[]): Promise<Set<string>> {
  if (indexes.length === 0) return new Set();
  const rows = await db
    .select({ index: gridResidents.idNumberIndex })
    .from(gridResidents)
    .where(inArray(gridResidents.idNumberIndex, [...indexes]));
  return new Set(rows.map((row) => row.index));
}

/** Inserts residents, answering their ids. */
export async function insertResidents(db: DbOrTx, values: (typeof gridResidents.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(gridResidents).values(values).returning({ id: gridResidents.id });
}

/** Updates a resident at the version read, bumping it; undefined when the version has moved on. */
export async function updateResidentAtVersion(
  db: DbOrTx,
  id: number,
  version: number,
  patch: Partial<typeof gridResidents.$inferInsert>,
) {
  const [row] = await db
    .update(gridResidents)
    .set({ ...patch, version: sql`${gridResidents.version} + 1` })
    .where(and(eq(gridResidents.id, id), eq(gridResidents.version, version)))
    .returning({ id: gridResidents.id });
  return row;
}
