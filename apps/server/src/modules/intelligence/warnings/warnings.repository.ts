import { and, arrayOverlaps, count, desc, eq, gte, like, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.js';
import { prefixPattern } from '../../../platform/db/text-search.js';
import type { WarningDraft } from './warning-draft.js';
import { warnings } from './warnings.tables.js';

/** A stored warning. */
export type WarningRow = typeof warnings.$inferSelect;

function valuesOf(draft: WarningDraft, now: Date) {
  return {
    kind: draft.kind,
    dedupKey: draft.dedupKey,
    title: draft.title,
    orgId: draft.orgId,
    orgPath: draft.orgPath,
    categoryId: draft.categoryId,
    day: draft.day,
    caseIds: draft.caseIds,
    observed: draft.observed,
    baseline: draft.baseline,
    pValue: draft.pValue,
    score: draft.score,
    terms: draft.terms,
    details: draft.details,
    firstSeenAt: draft.firstSeenAt,
    lastSeenAt: draft.lastSeenAt,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Stores a warning, or updates the one it continues: the same `dedup_key` (the same surge on the same day), or,
 * for a topic, a topic warning seen since `topicSince` that shares cases with it. Its status (acknowledged or
 * not) is kept. Answers the row and whether it is new.
 */
export async function saveWarning(
  db: DbOrTx,
  draft: WarningDraft,
  now: Date,
  topicSince: Date,
): Promise<{ row: WarningRow; created: boolean }> {
  let dedupKey = draft.dedupKey;
  if (draft.kind === 'emerging_topic') {
    const [earlier] = await db
      .select({ dedupKey: warnings.dedupKey })
      .from(warnings)
      .where(
        and(
          eq(warnings.kind, 'emerging_topic'),
          gte(warnings.lastSeenAt, topicSince),
          arrayOverlaps(warnings.caseIds, draft.caseIds),
        ),
      )
      .orderBy(desc(warnings.lastSeenAt))
      .limit(1);
    if (earlier) dedupKey = earlier.dedupKey;
  }
  const values = { ...valuesOf(draft, now), dedupKey };
  const [saved] = await db
    .insert(warnings)
    .values(values)
    .onConflictDoUpdate({
      target: warnings.dedupKey,
      set: {
        title: values.title,
        orgId: values.orgId,
        orgPath: values.orgPath,
        caseIds: sql`(select array_agg(distinct x order by x) from unnest(${warnings.caseIds} || excluded.case_ids) as x)`,
        observed: values.observed,
        baseline: values.baseline,
        pValue: values.pValue,
        score: values.score,
        terms: values.terms,
        details: values.details,
        firstSeenAt: sql`least(${warnings.firstSeenAt}, excluded.first_seen_at)`,
        lastSeenAt: sql`greatest(${warnings.lastSeenAt}, excluded.last_seen_at)`,
        updatedAt: now,
      },
    })
    .returning({ id: warnings.id, created: sql<boolean>`(xmax = 0)` });
  const [row] = await db.select().from(warnings).where(eq(warnings.id, saved!.id));
  return { row: row!, created: saved!.created };
}

/** Filters of the warning list, checked by the service; `path` is always inside the caller's scope. */
export interface WarningFilter {
  /** org subtree: the caller's scope, or the org he asked for */
  path: string;
  status?: 'open' | 'acknowledged';
  kind?: 'surge' | 'emerging_topic';
  /** warnings seen at or after / before */
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/** A page of warnings in a subtree, the most recently seen first. */
export async function listWarnings(
  db: DbOrTx,
  f: WarningFilter,
): Promise<{ rows: WarningRow[]; total: number }> {
  const prefix = prefixPattern(f.path);
  const conditions: (SQL | undefined)[] = [
    like(warnings.orgPath, prefix),
    f.status ? eq(warnings.status, f.status) : undefined,
    f.kind ? eq(warnings.kind, f.kind) : undefined,
    f.from ? gte(warnings.lastSeenAt, f.from) : undefined,
    f.to ? lt(warnings.firstSeenAt, f.to) : undefined,
  ];
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(warnings)
      .where(where)
      .orderBy(desc(warnings.lastSeenAt), desc(warnings.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(warnings).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** One warning by id. */
export async function findWarning(db: DbOrTx, id: number): Promise<WarningRow | undefined> {
  const [row] = await db.select().from(warnings).where(eq(warnings.id, id));
  return row;
}

/** Marks a warning acknowledged (已知悉) by a user, unless it already is; answers the row as it stands. */
export async function acknowledgeWarning(
  db: DbOrTx,
  id: number,
  userId: number,
  now: Date,
): Promise<WarningRow | undefined> {
  await db
    .update(warnings)
    .set({ status: 'acknowledged', acknowledgedByUserId: userId, acknowledgedAt: now, updatedAt: now })
    .where(and(eq(warnings.id, id), eq(warnings.status, 'open')));
  return findWarning(db, id);
}
