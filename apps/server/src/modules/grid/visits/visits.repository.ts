import { and, desc, eq, like, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.js';
import { orgs } from '../../orgs/orgs.tables.js';
import { gridHouses } from '../registers/registers.tables.js';
import { gridVisits } from './visits.tables.js';

/** A visit row. */
export type VisitRow = typeof gridVisits.$inferSelect;

/** A visit with its house's address and its grid's name. */
export interface VisitListRow extends VisitRow {
  gridName: string;
  houseAddress: string;
  houseBuilding: string | null;
  houseUnit: string | null;
  houseRoom: string | null;
}

function listQuery(db: DbOrTx) {
  return db
    .select({
      visit: gridVisits,
      gridName: orgs.name,
      houseAddress: gridHouses.address,
      houseBuilding: gridHouses.building,
      houseUnit: gridHouses.unit,
      houseRoom: gridHouses.room,
    })
    .from(gridVisits)
    .innerJoin(orgs, eq(orgs.id, gridVisits.gridId))
    .innerJoin(gridHouses, eq(gridHouses.id, gridVisits.houseId));
}

function flatten(row: {
  visit: VisitRow;
  gridName: string;
  houseAddress: string;
  houseBuilding: string | null;
  houseUnit: string | null;
  houseRoom: string | null;
}): VisitListRow {
  const { visit, ...names } = row;
  return { ...visit, ...names };
}

/** The visit a visitor made with this idempotency key, if any. */
export async function findVisitByClientKey(db: DbOrTx, userId: number, key: string) {
  const [row] = await db
    .select({ id: gridVisits.id })
    .from(gridVisits)
    .where(and(eq(gridVisits.visitorUserId, userId), eq(gridVisits.clientKey, key)));
  return row;
}

/** Inserts a visit. */
export async function insertVisit(db: DbOrTx, values: typeof gridVisits.$inferInsert): Promise<VisitRow> {
  const [row] = await db.insert(gridVisits).values(values).returning();
  return row!;
}

/** Moves a house's last visit forward to `at` (never back: an offline visit may arrive after a later one). */
export async function markHouseVisited(db: DbOrTx, houseId: number, at: Date): Promise<void> {
  await db
    .update(gridHouses)
    .set({ lastVisitedAt: sql`greatest(${gridHouses.lastVisitedAt}, ${at.toISOString()}::timestamptz)` })
    .where(eq(gridHouses.id, houseId));
}

/** A visit by id with its names. */
export async function findVisit(db: DbOrTx, id: number): Promise<VisitListRow | undefined> {
  const [row] = await listQuery(db).where(eq(gridVisits.id, id));
  return row && flatten(row);
}

/** Filters of the visit list (within the caller's scope). */
export interface VisitFilter {
  path: string;
  houseId?: number;
  visitorUserId?: number;
  from?: Date;
  to?: Date;
  after?: { visitedAt: Date; id: number };
  limit: number;
}

/** Visits newest first, with one more row than `limit` when more follow. */
export async function listVisits(db: DbOrTx, f: VisitFilter): Promise<VisitListRow[]> {
  const where: SQL[] = [like(gridVisits.gridPath, `${f.path}%`)];
  if (f.houseId) where.push(eq(gridVisits.houseId, f.houseId));
  if (f.visitorUserId) where.push(eq(gridVisits.visitorUserId, f.visitorUserId));
  if (f.from) where.push(sql`${gridVisits.visitedAt} >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) where.push(lt(gridVisits.visitedAt, f.to));
  if (f.after) {
    where.push(
      or(
        lt(gridVisits.visitedAt, f.after.visitedAt),
        and(eq(gridVisits.visitedAt, f.after.visitedAt), lt(gridVisits.id, f.after.id)),
      )!,
    );
  }
  const rows = await listQuery(db)
    .where(and(...where))
    .orderBy(desc(gridVisits.visitedAt), desc(gridVisits.id))
    .limit(f.limit + 1);
  return rows.map(flatten);
}
