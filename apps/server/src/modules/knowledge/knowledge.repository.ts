import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type DbOrTx, queryRows } from '../../platform/db/database.js';
import { catalogCategories } from '../catalog/catalog.tables.js';
import { users } from '../users/users.tables.js';
import { knowledgeEntries } from './knowledge.tables.js';

const creator = alias(users, 'creator');
const updater = alias(users, 'updater');

const columns = {
  id: knowledgeEntries.id,
  question: knowledgeEntries.question,
  answer: knowledgeEntries.answer,
  categoryId: knowledgeEntries.categoryId,
  categoryName: catalogCategories.name,
  tags: knowledgeEntries.tags,
  validFrom: knowledgeEntries.validFrom,
  validTo: knowledgeEntries.validTo,
  active: knowledgeEntries.active,
  version: knowledgeEntries.version,
  createdAt: knowledgeEntries.createdAt,
  updatedAt: knowledgeEntries.updatedAt,
  createdByName: creator.displayName,
  updatedByName: updater.displayName,
};

/** A knowledge entry with the names of its category and of the people who wrote it. */
export type KnowledgeEntryRow = Awaited<ReturnType<typeof selectEntries>>[number];

function selectEntries(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(columns)
    .from(knowledgeEntries)
    .leftJoin(catalogCategories, eq(catalogCategories.id, knowledgeEntries.categoryId))
    .leftJoin(creator, eq(creator.id, knowledgeEntries.createdBy))
    .leftJoin(updater, eq(updater.id, knowledgeEntries.updatedBy))
    .where(where);
}

/** Filters shared by the list and the search. */
export interface KnowledgeFilter {
  /** only entries offered on this Beijing day (`YYYY-MM-DD`): active and inside their validity window */
  validOn?: string;
  /** entries of this category or of any category below it */
  categoryId?: number;
  tag?: string;
}

function conditionsOf(filter: KnowledgeFilter): SQL[] {
  const e = knowledgeEntries;
  const conditions: SQL[] = [];
  if (filter.validOn !== undefined) {
    conditions.push(
      sql`${e.active} and (${e.validFrom} is null or ${e.validFrom} <= ${filter.validOn}::date)
        and (${e.validTo} is null or ${e.validTo} >= ${filter.validOn}::date)`,
    );
  }
  if (filter.categoryId !== undefined) {
    conditions.push(sql`${e.categoryId} in (
      with recursive sub(id) as (
        select id from catalog_categories where id = ${filter.categoryId}
        union all
        select c.id from catalog_categories c join sub on c.parent_id = sub.id
      ) select id from sub)`);
  }
  if (filter.tag !== undefined) conditions.push(sql`${e.tags} @> array[${filter.tag}]::text[]`);
  return conditions;
}

/** One entry. */
export async function findEntry(db: DbOrTx, id: number): Promise<KnowledgeEntryRow | undefined> {
  const [row] = await selectEntries(db, eq(knowledgeEntries.id, id));
  return row;
}

/** A page of entries, newest first, and how many match. */
export async function listEntries(
  db: DbOrTx,
  filter: KnowledgeFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: KnowledgeEntryRow[]; total: number }> {
  const where = and(...conditionsOf(filter));
  const [rows, [counted]] = await Promise.all([
    selectEntries(db, where)
      .orderBy(desc(knowledgeEntries.createdAt), desc(knowledgeEntries.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(knowledgeEntries).where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

// ts_rank weights, in PostgreSQL's order {D, C, B, A}: answer 0.2, tags 0.6, question 1. A word found in
// the question counts five times one found only in the answer.
const RANK_WEIGHTS = '{0, 0.2, 0.6, 1}';

/**
 * A page of the entries matching any of `words`, best first, and how many match. Each word scores its
 * weight times its BM25-style rarity (idf over the whole knowledge base, so 办理 weighs little and 公积金
 * much) times its
 * `ts_rank` in the entry, which is about the weight of the best field it occurs in and grows only slowly with
 * repetition; an entry's score is the sum over the words.
 */
export async function searchEntries(
  db: DbOrTx,
  words: readonly { word: string; weight: number }[],
  filter: KnowledgeFilter,
  page: { limit: number; offset: number },
): Promise<{ hits: { id: number; score: number }[]; total: number }> {
  if (words.length === 0) return { hits: [], total: 0 };
  const terms = sql.join(
    words.map((w) => sql`(${w.weight}::float8, plainto_tsquery('simple', ${w.word}::text))`),
    sql`, `,
  );
  const anyWord = sql.join(
    words.map((w) => sql`plainto_tsquery('simple', ${w.word}::text)`),
    sql` || `,
  );
  const filters = conditionsOf(filter);
  const where = filters.length > 0 ? sql` and ${sql.join(filters, sql` and `)}` : sql``;
  const rows = await queryRows<{ id: number; score: number; total: number }>(
    db,
    sql`with terms(weight, q) as (values ${terms}),
      population as (select count(*)::float8 as n from knowledge_entries),
      weighted as (
        select t.q, t.weight * ln(1 + (p.n - d.df + 0.5) / (d.df + 0.5)) as idf
        from terms t
        cross join population p
        cross join lateral (
          select count(*)::float8 as df from knowledge_entries k where k.search_vector @@ t.q
        ) d
      ),
      hits as (
        select ${knowledgeEntries.id} as id, ${knowledgeEntries.createdAt} as created_at,
          sum(w.idf * ts_rank(${RANK_WEIGHTS}::float4[], ${knowledgeEntries.searchVector}, w.q)) as score
        from ${knowledgeEntries}
        join weighted w on ${knowledgeEntries.searchVector} @@ w.q
        where ${knowledgeEntries.searchVector} @@ (${anyWord})${where}
        group by ${knowledgeEntries.id}
      )
      select id, score::float8 as score, (count(*) over ())::int as total
      from hits
      order by score desc, created_at desc, id desc
      limit ${page.limit} offset ${page.offset}`,
  );
  return {
    hits: rows.map((r) => ({ id: Number(r.id), score: Number(r.score) })),
    total: Number(rows[0]?.total ?? 0),
  };
}

/** Entries by id, in the order of `ids`. */
export async function findEntriesInOrder(db: DbOrTx, ids: readonly number[]): Promise<KnowledgeEntryRow[]> {
  if (ids.length === 0) return [];
  const rows = await selectEntries(db, inArray(knowledgeEntries.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Values to write for an entry. */
export type KnowledgeEntryValues = typeof knowledgeEntries.$inferInsert;

/** Inserts an entry, returning its id. */
export async function insertEntry(db: DbOrTx, values: KnowledgeEntryValues): Promise<number> {
  const [row] = await db.insert(knowledgeEntries).values(values).returning({ id: knowledgeEntries.id });
  return row!.id;
}

/** Inserts entries whose seed key is not there yet; returns how many were new. */
export async function insertMissingSeededEntries(
  db: DbOrTx,
  values: KnowledgeEntryValues[],
): Promise<number> {
  if (values.length === 0) return 0;
  const rows = await db
    .insert(knowledgeEntries)
    .values(values)
    .onConflictDoNothing({ target: knowledgeEntries.seedKey })
    .returning({ id: knowledgeEntries.id });
  return rows.length;
}

/** Updates an entry if still at `version`; false when someone changed it meanwhile (or it is gone). */
export async function updateEntryAtVersion(
  db: DbOrTx,
  id: number,
  version: number,
  patch: Partial<KnowledgeEntryValues>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(knowledgeEntries)
    .set({ ...patch, version: version + 1, updatedAt: now })
    .where(and(eq(knowledgeEntries.id, id), eq(knowledgeEntries.version, version)))
    .returning({ id: knowledgeEntries.id });
  return rows.length === 1;
}
