import { and, asc, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { containsPattern } from '../../platform/db/text-search.js';
import { catalogCategories } from '../catalog/catalog.tables.js';
import { caseInSubtree } from './case-access.js';
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
  /**
   * the caller may not read personal data: `q` is matched against the search copies of title and content,
   * where every personal number is starred, so that it finds no case by a phone or ID typed into its text
   */
  qMasked?: boolean;
  citizenPhone?: string;
  /** only cases whose extension request is pending */
  extensionPending?: boolean;
  sort: 'created_desc' | 'deadline_asc';
  /** keyset position: the sort key and id of the last row of the previous page */
  after?: { key: string; id: number };
  limit: number;
}

const deadlineKey = sql`coalesce(${cases.resolveDeadline}, 'infinity'::timestamptz)`;

function conditionsOf(f: CaseListFilter): SQL[] {
  const c: (SQL | undefined)[] = [];
  c.push(caseInSubtree(f.scopePath));
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
    const pattern = containsPattern(f.q);
    const [title, description] = f.qMasked
      ? [
          sql`coalesce(${cases.titleMasked}, ${cases.title})`,
          sql`coalesce(${cases.descriptionMasked}, ${cases.description})`,
        ]
      : [cases.title, cases.description];
    // a case number (一档一号) typed into the search box finds that case
    c.push(or(ilike(title, pattern), ilike(description, pattern), eq(cases.number, f.q.toUpperCase())));
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

/**
 * The rows of one keyset page of cases and one more: the one beyond `limit`, when there is one, tells that
 * another page follows (`keysetPage` of `platform/http/lists.ts`).
 */
export async function listCases(db: DbOrTx, f: CaseListFilter): Promise<CaseRow[]> {
  const order =
    f.sort === 'created_desc' ? [desc(cases.createdAt), desc(cases.id)] : [asc(deadlineKey), asc(cases.id)];
  const rows = await db
    .select()
    .from(cases)
    .where(and(...conditionsOf(f)))
    .orderBy(...order)
    .limit(f.limit + 1);
  return rows;
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

/** Whether a decoded cursor is a case list position: a sort key (an instant or `infinity`) and an id. */
export function isCasePosition(value: unknown[]): value is [string, number] {
  const [key, id] = value;
  const isKey = typeof key === 'string' && (key === 'infinity' || !Number.isNaN(Date.parse(key)));
  return value.length === 2 && isKey && Number.isInteger(id);
}
