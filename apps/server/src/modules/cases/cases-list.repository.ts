import { and, asc, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { catalogCategories } from '../catalog/catalog.tables.js';
import type { CaseRow } from './cases.repository.js';
import { cases } from './cases.tables.js';

/** Filters of a case list, already checked by the service. `scopePath` is always set. */
export interface CaseListFilter {
  /** the caller's data scope: the list never leaves it */
  scopePath: string;
  /** `within`: an org subtree inside the scope */
  withinPath?: string;
  states?: string[];
  lights?: string[];
  sources?: string[];
  categoryCode?: string;
  channel?: string;
  createdFrom?: Date;
  createdTo?: Date;
  q?: string;
  citizenPhone?: string;
  /** only cases whose extension request is pending */
  extensionPending?: boolean;
  sort: 'created_desc' | 'deadline_asc';
  /** keyset position: the sort key and id of the last row of the previous page */
  after?: { key: string; id: number };
  limit: number;
}

/**
 * The cases "in" an org subtree: located in it, owned by an org in it, or handled or first received by an
 * org in it — the same rule as `relationOf` in `case-scope.policy.ts`, in SQL.
 */
export function caseInSubtree(path: string): SQL {
  const prefix = `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`(${cases.areaPath} like ${prefix}
    or exists (select 1 from orgs o where o.id = ${cases.currentOrgId} and o.path like ${prefix})
    or exists (select 1 from orgs o where o.id = ${cases.firstReceiverOrgId} and o.path like ${prefix})
    or exists (select 1 from case_handlers h join orgs o on o.id = h.org_id
               where h.case_id = ${cases.id} and o.path like ${prefix}))`;
}

function isWholeTree(path: string): boolean {
  return path.split('/').filter(Boolean).length <= 1;
}

const deadlineKey = sql`coalesce(${cases.resolveDeadline}, 'infinity'::timestamptz)`;

function conditionsOf(f: CaseListFilter): SQL[] {
  const c: (SQL | undefined)[] = [];
  // The root's scope holds every case: no need to ask.
  if (!isWholeTree(f.scopePath)) c.push(caseInSubtree(f.scopePath));
  if (f.withinPath) c.push(caseInSubtree(f.withinPath));
  if (f.states?.length) c.push(inArray(cases.state, f.states));
  if (f.lights?.length) c.push(inArray(cases.light, f.lights));
  if (f.sources?.length) c.push(inArray(cases.source, f.sources));
  if (f.channel) c.push(eq(cases.channel, f.channel));
  if (f.categoryCode !== undefined) {
    const under = `${f.categoryCode}.%`;
    c.push(
      inArray(
        cases.categoryId,
        sql`(select id from ${catalogCategories} where code = ${f.categoryCode} or code like ${under})`,
      ),
    );
  }
  if (f.createdFrom) c.push(gte(cases.createdAt, f.createdFrom));
  if (f.createdTo) c.push(lt(cases.createdAt, f.createdTo));
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    // a case number (一档一号) typed into the search box finds that case
    c.push(
      or(ilike(cases.title, pattern), ilike(cases.description, pattern), eq(cases.number, f.q.toUpperCase())),
    );
  }
  if (f.citizenPhone) c.push(eq(cases.citizenPhone, f.citizenPhone));
  if (f.extensionPending) c.push(eq(cases.extensionStatus, 'pending'));
  if (f.after) {
    c.push(
      f.sort === 'created_desc'
        ? sql`(${cases.createdAt}, ${cases.id}) < (${f.after.key}::timestamptz, ${f.after.id})`
        : sql`(${deadlineKey}, ${cases.id}) > (${f.after.key}::timestamptz, ${f.after.id})`,
    );
  }
  return c.filter((x): x is SQL => x !== undefined);
}

/** One keyset page of cases (`limit` + 1 rows are read to know whether another page follows). */
export async function listCases(db: DbOrTx, f: CaseListFilter): Promise<{ rows: CaseRow[]; more: boolean }> {
  const order =
    f.sort === 'created_desc' ? [desc(cases.createdAt), desc(cases.id)] : [asc(deadlineKey), asc(cases.id)];
  const rows = await db
    .select()
    .from(cases)
    .where(and(...conditionsOf(f)))
    .orderBy(...order)
    .limit(f.limit + 1);
  return { rows: rows.slice(0, f.limit), more: rows.length > f.limit };
}

/** How many cases match a filter (its keyset position and limit aside): an export decides on it first. */
export async function countCases(db: DbOrTx, f: Omit<CaseListFilter, 'after' | 'limit'>): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .where(and(...conditionsOf({ ...f, limit: 0 })));
  return row?.n ?? 0;
}

/** The sort key of a row, for the cursor of the next page. */
export function sortKeyOf(row: CaseRow, sort: CaseListFilter['sort']): string {
  if (sort === 'created_desc') return row.createdAt.toISOString();
  return row.resolveDeadline ? row.resolveDeadline.toISOString() : 'infinity';
}

/** Codes of categories by id (for the category filter's subtree). */
export async function findCategoryNames(db: DbOrTx, ids: readonly number[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<number, string>();
  const rows = await db
    .select({ id: catalogCategories.id, name: catalogCategories.name })
    .from(catalogCategories)
    .where(inArray(catalogCategories.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}
