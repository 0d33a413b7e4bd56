import { and, asc, count, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/database.js';
import { orgs } from '../orgs/orgs.tables.js';
import { enterprises, hazardEvents, hazardPhotos, hazards } from './hazards.tables.js';
import { safetyScopeWhere } from './safety-scope.policy.js';

/** A hazard row. */
export type HazardRow = typeof hazards.$inferSelect;
/** A hazard's timeline event. */
export type HazardEventRow = typeof hazardEvents.$inferSelect;
/** A hazard photo row. */
export type HazardPhotoRow = typeof hazardPhotos.$inferSelect;

/** A hazard with what its view shows of its enterprise. */
export interface HazardListRow extends HazardRow {
  enterpriseName: string;
  industry: string;
  orgName: string;
  supervisingOrgId: number;
  supervisingOrgName: string;
}

const supervising = alias(orgs, 'supervising_org');

function listQuery(db: DbOrTx) {
  return db
    .select({
      hazard: hazards,
      enterpriseName: enterprises.name,
      industry: enterprises.industry,
      orgName: orgs.name,
      supervisingOrgId: enterprises.supervisingOrgId,
      supervisingOrgName: supervising.name,
    })
    .from(hazards)
    .innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
    .innerJoin(orgs, eq(orgs.id, enterprises.orgId))
    .innerJoin(supervising, eq(supervising.id, enterprises.supervisingOrgId));
}

function flatten({ hazard, ...names }: { hazard: HazardRow } & Omit<HazardListRow, keyof HazardRow>) {
  return { ...hazard, ...names };
}

/** A hazard by id, locked for the transaction (the first step of every action). */
export async function lockHazard(db: DbOrTx, id: number): Promise<HazardRow | undefined> {
  const [row] = await db.select().from(hazards).where(eq(hazards.id, id)).for('update');
  return row;
}

/** A hazard by id with its enterprise's names. */
export async function findHazard(db: DbOrTx, id: number): Promise<HazardListRow | undefined> {
  const [row] = await listQuery(db).where(eq(hazards.id, id));
  return row && flatten(row);
}

/** Inserts a hazard. */
export async function insertHazard(db: DbOrTx, values: typeof hazards.$inferInsert): Promise<HazardRow> {
  const [row] = await db.insert(hazards).values(values).returning();
  return row!;
}

/** Filters of the hazard list (within the caller's scope). */
export interface HazardFilter {
  scopePath: string;
  state?: string;
  level?: string;
  enterpriseId?: number;
  /** past their deadline while it runs, at this instant */
  overdueAt?: Date;
  listed?: boolean;
  open?: boolean;
  page: number;
  pageSize: number;
}

/** The states in which the deadline runs (see `HAZARD_RUNNING_STATES`). */
const RUNNING = ['assigned', 'rectifying', 'extension_requested'];

function filterWhere(f: HazardFilter): SQL[] {
  const where: SQL[] = [safetyScopeWhere(f.scopePath, hazards)];
  if (f.state) where.push(eq(hazards.state, f.state));
  if (f.level) where.push(eq(hazards.level, f.level));
  if (f.enterpriseId) where.push(eq(hazards.enterpriseId, f.enterpriseId));
  if (f.overdueAt) where.push(inArray(hazards.state, RUNNING), lt(hazards.deadline, f.overdueAt));
  if (f.listed !== undefined) where.push(eq(hazards.listedForSupervision, f.listed));
  if (f.open === true)
    where.push(inArray(hazards.state, ['found', 'reported', ...RUNNING, 'rectified', 'accepted']));
  if (f.open === false) where.push(eq(hazards.state, 'closed'));
  return where;
}

/** A page of hazards, newest first, with the total. */
export async function listHazards(db: DbOrTx, f: HazardFilter) {
  const where = and(...filterWhere(f));
  const [rows, [total]] = await Promise.all([
    listQuery(db)
      .where(where)
      .orderBy(desc(hazards.createdAt), desc(hazards.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(hazards).where(where),
  ]);
  return { rows: rows.map(flatten), total: total?.n ?? 0 };
}

/** A hazard's timeline, oldest first. */
export async function findHazardEvents(db: DbOrTx, hazardId: number): Promise<HazardEventRow[]> {
  return db
    .select()
    .from(hazardEvents)
    .where(eq(hazardEvents.hazardId, hazardId))
    .orderBy(asc(hazardEvents.seq));
}

/** A hazard's photos, in upload order. */
export async function findHazardPhotos(db: DbOrTx, hazardId: number): Promise<HazardPhotoRow[]> {
  return db
    .select()
    .from(hazardPhotos)
    .where(eq(hazardPhotos.hazardId, hazardId))
    .orderBy(asc(hazardPhotos.id));
}

/** One hazard photo. */
export async function findHazardPhoto(db: DbOrTx, id: number): Promise<HazardPhotoRow | undefined> {
  const [row] = await db.select().from(hazardPhotos).where(eq(hazardPhotos.id, id));
  return row;
}

/** Records stored photos of a hazard (none when the list is empty). */
export async function insertHazardPhotos(
  db: DbOrTx,
  values: (typeof hazardPhotos.$inferInsert)[],
): Promise<void> {
  if (values.length > 0) await db.insert(hazardPhotos).values(values);
}
