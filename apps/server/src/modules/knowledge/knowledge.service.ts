import {
  type CreateKnowledgeEntryInput,
  isValidityOrdered,
  type KnowledgeListQuery,
  type PublicFaqQuery,
  toBeijingDate,
  type UpdateKnowledgeEntryInput,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError, fieldError, versionConflict } from '../../platform/errors/app-error.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { findCategory } from '../catalog/catalog.repository.js';
import {
  findEntriesInOrder,
  findEntry,
  insertEntry,
  type KnowledgeEntryRow,
  type KnowledgeEntryValues,
  type KnowledgeFilter,
  listEntries,
  searchEntries,
  updateEntryAtVersion,
} from './knowledge.repository.js';
import { entryTokensOf, queryWordsOf } from './knowledge-text.js';

/** Today in Beijing, the day validity windows are read against. */
export function todayOf(ctx: AppContext): string {
  return toBeijingDate(ctx.clock.now());
}

/** Loads an entry or answers 404. */
export async function loadEntry(db: DbOrTx, id: number): Promise<KnowledgeEntryRow> {
  const row = await findEntry(db, id);
  if (!row) throw new AppError('NOT_FOUND', `知识库条目 ${id} 不存在`);
  return row;
}

/** A knowledge entry with its relevance when it was found by a search. */
export type ScoredEntry = KnowledgeEntryRow & { score: number | null };

/**
 * The knowledge base as intake sees it: entries valid today by default, searched by `q` (best first) or
 * listed newest first. Expired and inactive entries (`valid=all`) are shown only to those who edit the base.
 */
export async function findEntries(ctx: AppContext, actor: Actor, query: KnowledgeListQuery) {
  if (query.valid === 'all' && !actor.permissions.has('knowledge.write')) {
    throw new AppError('FORBIDDEN', '查看已失效或已停用的条目需要知识库维护权限 knowledge.write');
  }
  const filter: KnowledgeFilter = {
    validOn: query.valid === 'all' ? undefined : todayOf(ctx),
    categoryId: query.categoryId,
    tag: query.tag,
  };
  const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  return query.q ? searchScored(ctx.db, query.q, filter, page) : listUnscored(ctx.db, filter, page);
}

async function listUnscored(db: DbOrTx, filter: KnowledgeFilter, page: { limit: number; offset: number }) {
  const { rows, total } = await listEntries(db, filter, page);
  return { rows: rows.map((row): ScoredEntry => ({ ...row, score: null })), total };
}

async function searchScored(
  db: DbOrTx,
  q: string,
  filter: KnowledgeFilter,
  page: { limit: number; offset: number },
) {
  const { hits, total } = await searchEntries(db, queryWordsOf(q), filter, page);
  const rows = await findEntriesInOrder(
    db,
    hits.map((h) => h.id),
  );
  const scores = new Map(hits.map((h) => [h.id, h.score]));
  return { rows: rows.map((row): ScoredEntry => ({ ...row, score: scores.get(row.id) ?? null })), total };
}

/**
 * The citizen portal's FAQ: entries valid today, best matches of `q` first (or the newest without it), at
 * most `limit` of them.
 */
export async function findPublicFaq(ctx: AppContext, query: PublicFaqQuery) {
  const filter: KnowledgeFilter = { validOn: todayOf(ctx) };
  const page = { limit: query.limit, offset: 0 };
  const { rows } = query.q
    ? await searchScored(ctx.db, query.q, filter, page)
    : await listUnscored(ctx.db, filter, page);
  return rows;
}

async function assertCategoryExists(db: DbOrTx, categoryId: number | null | undefined): Promise<void> {
  if (categoryId === null || categoryId === undefined) return;
  if (!(await findCategory(db, categoryId)))
    throw fieldError('categoryId', 'not_found', `事项类别 ${categoryId} 不存在`);
}

/** Adds an entry to the knowledge base. */
export async function createEntry(ctx: AppContext, actor: Actor, input: CreateKnowledgeEntryInput) {
  await assertCategoryExists(ctx.db, input.categoryId);
  const tags = input.tags ?? [];
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await insertEntry(tx, {
      question: input.question,
      answer: input.answer,
      categoryId: input.categoryId ?? null,
      tags,
      validFrom: input.validFrom ?? null,
      validTo: input.validTo ?? null,
      active: input.active ?? true,
      ...entryTokensOf({ question: input.question, answer: input.answer, tags }),
      createdBy: actor.userId,
      updatedBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordActorAudit(tx, actor, now, {
      action: 'knowledge.entry_created',
      targetType: 'knowledge_entry',
      targetId: newId,
    });
    return newId;
  });
  return loadEntry(ctx.db, id);
}

/** Changes an entry read at `input.version`; 409 when someone changed it meanwhile. */
export async function changeEntry(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: UpdateKnowledgeEntryInput,
) {
  const { version, ...changes } = input;
  const current = await loadEntry(ctx.db, id);
  if (current.version !== version) throw versionConflict('条目', current.version);
  const validFrom = changes.validFrom === undefined ? current.validFrom : changes.validFrom;
  const validTo = changes.validTo === undefined ? current.validTo : changes.validTo;
  if (!isValidityOrdered(validFrom, validTo)) {
    throw fieldError('validTo', 'before_valid_from', `失效日期不能早于生效日期 ${validFrom}`);
  }
  await assertCategoryExists(ctx.db, changes.categoryId);
  const text = {
    question: changes.question ?? current.question,
    answer: changes.answer ?? current.answer,
    tags: changes.tags ?? current.tags,
  };
  const textChanged =
    changes.question !== undefined || changes.answer !== undefined || changes.tags !== undefined;
  const patch: Partial<KnowledgeEntryValues> = {
    ...changes,
    ...(textChanged && entryTokensOf(text)),
    updatedBy: actor.userId,
  };
  await writeAtVersion(ctx, actor, id, version, patch, {
    action: 'knowledge.entry_updated',
    detail: { changed: Object.keys(changes) },
  });
  return loadEntry(ctx.db, id);
}

/** Withdraws an entry from intake (it stays readable for editors and on the cases it answered). */
export async function deactivateEntry(ctx: AppContext, actor: Actor, id: number, version: number) {
  const current = await loadEntry(ctx.db, id);
  if (current.version !== version) throw versionConflict('条目', current.version);
  if (!current.active) return current;
  await writeAtVersion(
    ctx,
    actor,
    id,
    version,
    { active: false, updatedBy: actor.userId },
    {
      action: 'knowledge.entry_deactivated',
    },
  );
  return loadEntry(ctx.db, id);
}

async function writeAtVersion(
  ctx: AppContext,
  actor: Actor,
  id: number,
  version: number,
  patch: Partial<KnowledgeEntryValues>,
  audit: { action: string; detail?: Record<string, unknown> },
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await updateEntryAtVersion(tx, id, version, patch, now))) {
      // Someone wrote between our read and this update.
      const latest = await loadEntry(tx, id);
      throw versionConflict('条目', latest.version);
    }
    await recordActorAudit(tx, actor, now, { ...audit, targetType: 'knowledge_entry', targetId: id });
  });
}
