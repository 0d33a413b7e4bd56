import { and, asc, count, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../platform/db/database.js';
import { catalogCategories } from '../catalog/catalog.tables.js';
import { replyTemplates } from './knowledge.tables.js';

const columns = {
  id: replyTemplates.id,
  name: replyTemplates.name,
  categoryId: replyTemplates.categoryId,
  categoryName: catalogCategories.name,
  body: replyTemplates.body,
  active: replyTemplates.active,
  version: replyTemplates.version,
  updatedAt: replyTemplates.updatedAt,
};

/** A reply template with its category's name. */
export type ReplyTemplateRow = Awaited<ReturnType<typeof selectTemplates>>[number];

function selectTemplates(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(columns)
    .from(replyTemplates)
    .leftJoin(catalogCategories, eq(catalogCategories.id, replyTemplates.categoryId))
    .where(where);
}

/** One template. */
export async function findTemplate(db: DbOrTx, id: number): Promise<ReplyTemplateRow | undefined> {
  const [row] = await selectTemplates(db, eq(replyTemplates.id, id));
  return row;
}

/** A category and its ancestors, nearest first (the category itself first). */
export async function categoryLineage(db: DbOrTx, categoryId: number): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`with recursive up(id, parent_id, depth) as (
        select id, parent_id, 0 from catalog_categories where id = ${categoryId}
        union all
        select c.id, c.parent_id, up.depth + 1 from catalog_categories c join up on c.id = up.parent_id
      ) select id from up order by depth`,
  );
  return rows.map((r) => Number(r.id));
}

/**
 * A page of templates, general ones included: active ones first, then of the given categories (all when left
 * out) in the given order of categories, then the general ones; by name within each. With the count of all
 * that match.
 */
export async function listTemplates(
  db: DbOrTx,
  filter: { categoryIds?: readonly number[]; activeOnly: boolean; offset: number; limit: number },
): Promise<{ rows: ReplyTemplateRow[]; total: number }> {
  const conditions: (SQL | undefined)[] = [];
  if (filter.activeOnly) conditions.push(eq(replyTemplates.active, true));
  if (filter.categoryIds !== undefined) {
    conditions.push(
      filter.categoryIds.length > 0
        ? or(isNull(replyTemplates.categoryId), inArray(replyTemplates.categoryId, [...filter.categoryIds]))
        : isNull(replyTemplates.categoryId),
    );
  }
  const where = and(...conditions);
  // the categories' own templates in the order given (nearest category first), the general ones last
  const listed = filter.categoryIds ?? [];
  const ids = sql.raw(`array[${listed.map(Number).join(',')}]::int[]`);
  const rank = sql`case when ${replyTemplates.categoryId} is null then ${listed.length + 1}
    else coalesce(array_position(${ids}, ${replyTemplates.categoryId}) - 1, ${listed.length}) end`;
  const [rows, [counted]] = await Promise.all([
    selectTemplates(db, where)
      // a list with retired templates (the editors') shows the active ones first
      .orderBy(desc(replyTemplates.active), asc(rank), asc(replyTemplates.name), asc(replyTemplates.id))
      .offset(filter.offset)
      .limit(filter.limit),
    db.select({ n: count() }).from(replyTemplates).where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

/** Values to write for a template. */
export type ReplyTemplateValues = typeof replyTemplates.$inferInsert;

/** Inserts a template, returning its id. */
export async function insertTemplate(db: DbOrTx, values: ReplyTemplateValues): Promise<number> {
  const [row] = await db.insert(replyTemplates).values(values).returning({ id: replyTemplates.id });
  return row!.id;
}

/** Inserts templates whose seed key is not there yet; returns how many were new. */
export async function insertMissingSeededTemplates(
  db: DbOrTx,
  values: ReplyTemplateValues[],
): Promise<number> {
  if (values.length === 0) return 0;
  const rows = await db
    .insert(replyTemplates)
    .values(values)
    .onConflictDoNothing({ target: replyTemplates.seedKey })
    .returning({ id: replyTemplates.id });
  return rows.length;
}

/** Updates a template if still at `version`; false when someone changed it meanwhile (or it is gone). */
export async function updateTemplateAtVersion(
  db: DbOrTx,
  id: number,
  version: number,
  patch: Partial<ReplyTemplateValues>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(replyTemplates)
    .set({ ...patch, version: version + 1, updatedAt: now })
    .where(and(eq(replyTemplates.id, id), eq(replyTemplates.version, version)))
    .returning({ id: replyTemplates.id });
  return rows.length === 1;
}
