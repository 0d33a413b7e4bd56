import { and, asc, count, eq, ilike, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { containsPattern } from '../../platform/db/text-search.js';
import { gridStaff, orgs } from './orgs.tables.js';

/** An org row as stored. */
export type OrgRow = typeof orgs.$inferSelect;
/** Values to insert an org. */
export type NewOrgRow = typeof orgs.$inferInsert;

/** Filters of an org list; `withinPath` is always set — the caller's scope or a subtree inside it. */
export interface OrgFilter {
  withinPath: string;
  /** exactly this org */
  id?: number;
  parentId?: number;
  kind?: string;
  q?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

function conditionsOf(filter: OrgFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [like(orgs.path, `${filter.withinPath}%`)];
  if (filter.id !== undefined) conditions.push(eq(orgs.id, filter.id));
  if (filter.parentId !== undefined) conditions.push(eq(orgs.parentId, filter.parentId));
  if (filter.kind) conditions.push(eq(orgs.kind, filter.kind));
  if (filter.active !== undefined) conditions.push(eq(orgs.active, filter.active));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(or(ilike(orgs.name, pattern), ilike(orgs.code, pattern)));
  }
  return and(...conditions);
}

const listColumns = {
  id: orgs.id,
  parentId: orgs.parentId,
  code: orgs.code,
  name: orgs.name,
  kind: orgs.kind,
  active: orgs.active,
  path: orgs.path,
  depth: orgs.depth,
  centerLng: orgs.centerLng,
  centerLat: orgs.centerLat,
  sort: orgs.sort,
  version: orgs.version,
  hasBoundary: sql<boolean>`${orgs.boundary} is not null`,
  // The outer row is named in full: Drizzle writes `${orgs.id}` as a bare "id" in a one-table select, which
  // inside the subquery would mean c.id and count nothing.
  childCount: sql<number>`(select count(*)::int from orgs c where c.parent_id = orgs.id and c.active)`,
};

/** An org as lists show it: no boundary, with its count of active children. */
export type OrgListRow = Awaited<ReturnType<typeof listOrgs>>['rows'][number];

/** A page of orgs matching `filter`, in tree order, with the total count. */
export async function listOrgs(db: DbOrTx, filter: OrgFilter) {
  const where = conditionsOf(filter);
  const [rows, totals] = await Promise.all([
    db
      .select(listColumns)
      .from(orgs)
      .where(where)
      .orderBy(asc(orgs.depth), asc(orgs.sort), asc(orgs.code))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(orgs).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

/** One org by id. */
export async function findOrg(db: DbOrTx, id: number): Promise<OrgRow | undefined> {
  const [row] = await db.select().from(orgs).where(eq(orgs.id, id));
  return row;
}

/** One org by code. */
export async function findOrgByCode(db: DbOrTx, code: string): Promise<OrgRow | undefined> {
  const [row] = await db.select().from(orgs).where(eq(orgs.code, code));
  return row;
}

/** An org on a path, in brief: what a located point or a case shows of it. */
export interface OrgOnPath {
  id: number;
  code: string;
  name: string;
  kind: string;
  path: string;
  depth: number;
  active: boolean;
  parentId: number | null;
}

const orgOnPathColumns = {
  id: orgs.id,
  code: orgs.code,
  name: orgs.name,
  kind: orgs.kind,
  path: orgs.path,
  depth: orgs.depth,
  active: orgs.active,
  parentId: orgs.parentId,
};

/** The orgs on a path (`/1/4/27/` → orgs 1, 4, 27), root first. */
export async function findOrgsOnPath(db: DbOrTx, path: string): Promise<OrgOnPath[]> {
  const ids = path.split('/').filter(Boolean).map(Number);
  if (ids.length === 0) return [];
  return db.select(orgOnPathColumns).from(orgs).where(inArray(orgs.id, ids)).orderBy(asc(orgs.depth));
}

/** Inserts an org; the database fills in its path and depth. */
export async function insertOrg(db: DbOrTx, values: NewOrgRow): Promise<OrgRow> {
  const [row] = await db.insert(orgs).values(values).returning();
  return row!;
}

/** Updates an org if it is still at `version`; undefined when someone changed it meanwhile. */
export async function updateOrgAtVersion(
  db: DbOrTx,
  id: number,
  version: number,
  patch: Partial<NewOrgRow>,
  now: Date,
): Promise<OrgRow | undefined> {
  const [row] = await db
    .update(orgs)
    .set({ ...patch, version: version + 1, updatedAt: now })
    .where(and(eq(orgs.id, id), eq(orgs.version, version)))
    .returning();
  return row;
}

/** How many active orgs sit directly under `id`. */
export async function countActiveChildren(db: DbOrTx, id: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(orgs)
    .where(and(eq(orgs.parentId, id), eq(orgs.active, true)));
  return row?.n ?? 0;
}

/** An org as the grid index holds it: in brief, with the bounding box and boundary of an active grid. */
export interface OrgForLocating extends OrgOnPath {
  box: { minLng: number; maxLng: number; minLat: number; maxLat: number } | null;
  boundary: unknown;
}

/** Every org in brief, with the boundary and bounding box of each active grid: what the grid index is built from. */
export async function findOrgsForLocating(db: DbOrTx): Promise<OrgForLocating[]> {
  const rows = await db
    .select({
      ...orgOnPathColumns,
      minLng: orgs.minLng,
      maxLng: orgs.maxLng,
      minLat: orgs.minLat,
      maxLat: orgs.maxLat,
      boundary: sql<unknown>`case when ${orgs.kind} = 'grid' and ${orgs.active} then ${orgs.boundary} end`,
    })
    .from(orgs);
  return rows.map(({ minLng, maxLng, minLat, maxLat, ...org }) => ({
    ...org,
    box:
      org.boundary && minLng !== null && maxLng !== null && minLat !== null && maxLat !== null
        ? { minLng, maxLng, minLat, maxLat }
        : null,
  }));
}

/** The staff of a grid. */
export async function findGridStaff(db: DbOrTx, gridId: number) {
  return db.select().from(gridStaff).where(eq(gridStaff.gridId, gridId)).orderBy(asc(gridStaff.id));
}

/** Replaces the staff of a grid. */
export async function replaceGridStaff(
  db: DbOrTx,
  gridId: number,
  staff: { role: string; name: string; phone: string | null }[],
): Promise<void> {
  await db.delete(gridStaff).where(eq(gridStaff.gridId, gridId));
  if (staff.length > 0) await db.insert(gridStaff).values(staff.map((s) => ({ ...s, gridId })));
}

/** Ids of the orgs with these codes (codes not found are absent from the map). */
export async function findOrgIdsByCodes(db: DbOrTx, codes: readonly string[]): Promise<Map<string, number>> {
  const map = new Map<string, number>();
  for (let i = 0; i < codes.length; i += 1_000) {
    const part = codes.slice(i, i + 1_000);
    const rows = await db.select({ id: orgs.id, code: orgs.code }).from(orgs).where(inArray(orgs.code, part));
    for (const row of rows) map.set(row.code, row.id);
  }
  return map;
}
