import { and, asc, desc, eq, ilike, inArray, like, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { containsPattern } from '../../platform/db/text-search.js';
import { cases } from '../cases/cases.tables.js';
import { catalogCategories } from '../catalog/catalog.tables.js';
import { hazards } from '../hazards/hazards.tables.js';
import { orgs } from '../orgs/orgs.tables.js';
import { gridFindingEvents, gridFindings, gridPhotos } from './grid.tables.js';

/** A finding row. */
export type FindingRow = typeof gridFindings.$inferSelect;
/** A finding's timeline event. */
export type FindingEventRow = typeof gridFindingEvents.$inferSelect;
/** A photo row. */
export type PhotoRow = typeof gridPhotos.$inferSelect;

/** A finding with the names, and the case or hazard state its view shows. */
export interface FindingListRow extends FindingRow {
  gridName: string;
  categoryName: string | null;
  caseNumber: string | null;
  caseState: string | null;
  hazardId: number | null;
  hazardState: string | null;
}

const listColumns = {
  finding: gridFindings,
  gridName: orgs.name,
  categoryName: catalogCategories.name,
  caseNumber: cases.number,
  caseState: cases.state,
  hazardId: hazards.id,
  hazardState: hazards.state,
};

function flatten(row: { finding: FindingRow } & Omit<FindingListRow, keyof FindingRow>): FindingListRow {
  const { finding, ...names } = row;
  return { ...finding, ...names };
}

function listQuery(db: DbOrTx) {
  return db
    .select(listColumns)
    .from(gridFindings)
    .innerJoin(orgs, eq(orgs.id, gridFindings.gridId))
    .leftJoin(catalogCategories, eq(catalogCategories.id, gridFindings.categoryId))
    .leftJoin(cases, eq(cases.id, gridFindings.caseId))
    .leftJoin(hazards, eq(hazards.gridFindingId, gridFindings.id));
}

/** A finding by id, locked for the transaction (the first step of every action). */
export async function lockFinding(db: DbOrTx, id: number): Promise<FindingRow | undefined> {
  const [row] = await db.select().from(gridFindings).where(eq(gridFindings.id, id)).for('update');
  return row;
}

/** A finding by id with its names. */
export async function findFinding(db: DbOrTx, id: number): Promise<FindingListRow | undefined> {
  const [row] = await listQuery(db).where(eq(gridFindings.id, id));
  return row && flatten(row);
}

/** The finding a reporter made with this idempotency key, if any. */
export async function findFindingByClientKey(db: DbOrTx, userId: number, key: string) {
  const [row] = await db
    .select({ id: gridFindings.id })
    .from(gridFindings)
    .where(and(eq(gridFindings.reporterUserId, userId), eq(gridFindings.clientKey, key)));
  return row;
}

/** Inserts a finding. */
export async function insertFinding(
  db: DbOrTx,
  values: typeof gridFindings.$inferInsert,
): Promise<FindingRow> {
  const [row] = await db.insert(gridFindings).values(values).returning();
  return row!;
}

/** Filters of the finding list (within the caller's scope). */
export interface FindingFilter {
  scopePath: string;
  withinPath?: string;
  state?: string;
  reporterUserId?: number;
  from?: Date;
  to?: Date;
  q?: string;
  after?: { createdAt: Date; id: number };
  limit: number;
}

/** A page of findings, newest first, with one more row than `limit` when more follow. */
export async function listFindings(db: DbOrTx, f: FindingFilter): Promise<FindingListRow[]> {
  const where: SQL[] = [like(gridFindings.gridPath, `${f.scopePath}%`)];
  if (f.withinPath) where.push(like(gridFindings.gridPath, `${f.withinPath}%`));
  if (f.state) where.push(eq(gridFindings.state, f.state));
  if (f.reporterUserId) where.push(eq(gridFindings.reporterUserId, f.reporterUserId));
  if (f.from) where.push(sql`${gridFindings.createdAt} >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) where.push(lt(gridFindings.createdAt, f.to));
  if (f.q) where.push(ilike(gridFindings.description, containsPattern(f.q)));
  if (f.after) {
    where.push(
      or(
        lt(gridFindings.createdAt, f.after.createdAt),
        and(eq(gridFindings.createdAt, f.after.createdAt), lt(gridFindings.id, f.after.id)),
      )!,
    );
  }
  const rows = await listQuery(db)
    .where(and(...where))
    .orderBy(desc(gridFindings.createdAt), desc(gridFindings.id))
    .limit(f.limit + 1);
  return rows.map(flatten);
}

/** The photos of findings (or visits), by owner id, in upload order. */
export async function findPhotosOf(db: DbOrTx, ownerType: 'finding' | 'visit', ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, PhotoRow[]>();
  const rows = await db
    .select()
    .from(gridPhotos)
    .where(and(eq(gridPhotos.ownerType, ownerType), inArray(gridPhotos.ownerId, [...ids])))
    .orderBy(asc(gridPhotos.id));
  const byOwner = new Map<number, PhotoRow[]>();
  for (const row of rows) byOwner.set(row.ownerId, [...(byOwner.get(row.ownerId) ?? []), row]);
  return byOwner;
}

/** One photo. */
export async function findPhoto(db: DbOrTx, id: number): Promise<PhotoRow | undefined> {
  const [row] = await db.select().from(gridPhotos).where(eq(gridPhotos.id, id));
  return row;
}

/** A finding's timeline, oldest first. */
export async function findFindingEvents(db: DbOrTx, findingId: number): Promise<FindingEventRow[]> {
  return db
    .select()
    .from(gridFindingEvents)
    .where(eq(gridFindingEvents.findingId, findingId))
    .orderBy(asc(gridFindingEvents.seq));
}

/** The findings reported up as these cases and still following them (state `escalated`). */
export async function findFindingsFollowing(db: DbOrTx, caseIds: readonly number[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({ id: gridFindings.id, version: gridFindings.version })
    .from(gridFindings)
    .where(and(inArray(gridFindings.caseId, [...caseIds]), eq(gridFindings.state, 'escalated')));
}

/** The findings referred as these hazards (转安全隐患) and still following them. */
export async function findFindingsReferredAs(db: DbOrTx, hazardIds: readonly number[]) {
  if (hazardIds.length === 0) return [];
  return db
    .select({ id: gridFindings.id, version: gridFindings.version })
    .from(gridFindings)
    .innerJoin(hazards, eq(hazards.gridFindingId, gridFindings.id))
    .where(and(inArray(hazards.id, [...hazardIds]), eq(gridFindings.state, 'referred')));
}
