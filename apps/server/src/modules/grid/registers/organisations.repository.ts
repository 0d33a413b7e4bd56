import { and, arrayContains, asc, eq, ilike, inArray, like, ne, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.js';
import { containsPattern } from '../../../platform/db/text-search.js';
import { orgs } from '../../orgs/orgs.tables.js';
import { gridOrganisations } from './registers.tables.js';

/** An organisation row (its contact's phone sealed). */
export type OrganisationRow = typeof gridOrganisations.$inferSelect;

/** An organisation with its grid's name. */
export interface OrganisationListRow extends OrganisationRow {
  gridCode: string;
  gridName: string;
}

function listQuery(db: DbOrTx) {
  return db
    .select({ organisation: gridOrganisations, gridCode: orgs.code, gridName: orgs.name })
    .from(gridOrganisations)
    .innerJoin(orgs, eq(orgs.id, gridOrganisations.gridId));
}

const flatten = (row: {
  organisation: OrganisationRow;
  gridCode: string;
  gridName: string;
}): OrganisationListRow => ({ ...row.organisation, gridCode: row.gridCode, gridName: row.gridName });

/** Filters of the organisation list (within the caller's scope). */
export interface OrganisationFilter {
  path: string;
  q?: string;
  kind?: string;
  tag?: string;
}

function whereOf(f: OrganisationFilter): SQL | undefined {
  const where: SQL[] = [like(gridOrganisations.gridPath, `${f.path}%`)];
  if (f.q) {
    const pattern = containsPattern(f.q);
    where.push(
      or(
        ilike(gridOrganisations.name, pattern),
        ilike(gridOrganisations.address, pattern),
        eq(gridOrganisations.creditCode, f.q.toUpperCase()),
      )!,
    );
  }
  if (f.kind) where.push(eq(gridOrganisations.kind, f.kind));
  if (f.tag) where.push(arrayContains(gridOrganisations.tags, [f.tag]));
  return and(...where);
}

/** A page of organisations (by grid, then name) and how many match. */
export async function listOrganisations(
  db: DbOrTx,
  f: OrganisationFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: OrganisationListRow[]; total: number }> {
  const where = whereOf(f);
  const [rows, [counted]] = await Promise.all([
    listQuery(db)
      .where(where)
      .orderBy(asc(gridOrganisations.gridId), asc(gridOrganisations.name), asc(gridOrganisations.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(gridOrganisations).where(where),
  ]);
  return { rows: rows.map(flatten), total: Number(counted?.n ?? 0) };
}

/** Every organisation of a filter, `limit` at a time after `afterId` (the export's batches). */
export async function listOrganisationsAfter(
  db: DbOrTx,
  f: OrganisationFilter,
  afterId: number,
  limit: number,
) {
  const rows = await listQuery(db)
    .where(and(whereOf(f), sql`${gridOrganisations.id} > ${afterId}`))
    .orderBy(asc(gridOrganisations.id))
    .limit(limit);
  return rows.map(flatten);
}

/** How many organisations a filter matches. */
export async function countOrganisations(db: DbOrTx, f: OrganisationFilter): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(gridOrganisations).where(whereOf(f));
  return Number(row?.n ?? 0);
}

/** An organisation by id with its grid's name. */
export async function findOrganisation(db: DbOrTx, id: number): Promise<OrganisationListRow | undefined> {
  const [row] = await listQuery(db).where(eq(gridOrganisations.id, id));
  return row && flatten(row);
}

/** Which field of a new organisation the register already holds: its credit code, or its name in its grid. */
export async function findOrganisationClash(
  db: DbOrTx,
  values: { gridId: number; name: string; creditCode: string | null },
  exceptId?: number,
): Promise<'creditCode' | 'name' | undefined> {
  const rows = await db
    .select({ creditCode: gridOrganisations.creditCode, name: gridOrganisations.name })
    .from(gridOrganisations)
    .where(
      and(
        or(
          and(eq(gridOrganisations.gridId, values.gridId), eq(gridOrganisations.name, values.name)),
          values.creditCode ? eq(gridOrganisations.creditCode, values.creditCode) : undefined,
        ),
        exceptId === undefined ? undefined : ne(gridOrganisations.id, exceptId),
      ),
    );
  if (values.creditCode && rows.some((r) => r.creditCode === values.creditCode)) return 'creditCode';
  return rows.length > 0 ? 'name' : undefined;
}

/** Which of these credit codes, and which `gridId|name` pairs, the register already holds (an import's check). */
export async function findTakenOrganisations(
  db: DbOrTx,
  creditCodes: readonly string[],
  gridIds: readonly number[],
): Promise<{ creditCodes: Set<string>; names: Set<string> }> {
  const [byCode, byGrid] = await Promise.all([
    creditCodes.length === 0
      ? []
      : db
          .select({ creditCode: gridOrganisations.creditCode })
          .from(gridOrganisations)
          .where(inArray(gridOrganisations.creditCode, [...creditCodes])),
    gridIds.length === 0
      ? []
      : db
          .select({ gridId: gridOrganisations.gridId, name: gridOrganisations.name })
          .from(gridOrganisations)
          .where(inArray(gridOrganisations.gridId, [...new Set(gridIds)])),
  ]);
  return {
    creditCodes: new Set(byCode.map((r) => r.creditCode!)),
    names: new Set(byGrid.map((r) => `${r.gridId}|${r.name}`)),
  };
}

/** Inserts organisations, answering their ids. */
export async function insertOrganisations(db: DbOrTx, values: (typeof gridOrganisations.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(gridOrganisations).values(values).returning({ id: gridOrganisations.id });
}

/** Updates an organisation at the version read, bumping it; undefined when the version has moved on. */
export async function updateOrganisationAtVersion(
  db: DbOrTx,
  id: number,
  version: number,
  patch: Partial<typeof gridOrganisations.$inferInsert>,
) {
  const [row] = await db
    .update(gridOrganisations)
    .set({ ...patch, version: sql`${gridOrganisations.version} + 1` })
    .where(and(eq(gridOrganisations.id, id), eq(gridOrganisations.version, version)))
    .returning({ id: gridOrganisations.id });
  return row;
}
