import type {
  CreateReplyTemplateInput,
  ReplyTemplateListQuery,
  UpdateReplyTemplateInput,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError, fieldError, versionConflict } from '../../platform/errors/app-error.js';
import { offsetOf } from '../../platform/http/lists.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { findCategory } from '../catalog/catalog.repository.js';
import {
  categoryLineage,
  findTemplate,
  insertTemplate,
  listTemplates,
  type ReplyTemplateRow,
  updateTemplateAtVersion,
} from './reply-templates.repository.js';

/** Loads a template or answers 404. */
export async function loadTemplate(db: DbOrTx, id: number): Promise<ReplyTemplateRow> {
  const row = await findTemplate(db, id);
  if (!row) throw new AppError('NOT_FOUND', `回复样板 ${id} 不存在`);
  return row;
}

/**
 * The templates a handler may choose from for a case of `categoryId`: those of the category, then of its
 * parent categories (a template for 城乡建设 fits every matter under it), then the general ones. Without a
 * category, every template. Retired templates (`active=all`) only for those who edit them.
 */
export async function findTemplates(ctx: AppContext, actor: Actor, query: ReplyTemplateListQuery) {
  if (query.active === 'all' && !actor.permissions.has('reply_template.write')) {
    throw new AppError('FORBIDDEN', '查看已停用的样板需要样板维护权限 reply_template.write');
  }
  let categoryIds: number[] | undefined;
  if (query.categoryId !== undefined) {
    categoryIds = await categoryLineage(ctx.db, query.categoryId);
    if (categoryIds.length === 0)
      throw new AppError('CATEGORY_NOT_FOUND', `事项类别 ${query.categoryId} 不存在`);
  }
  return listTemplates(ctx.db, {
    categoryIds,
    activeOnly: query.active === 'true',
    offset: offsetOf(query),
    limit: query.pageSize,
  });
}

async function assertCategoryExists(db: DbOrTx, categoryId: number | null | undefined): Promise<void> {
  if (categoryId === null || categoryId === undefined) return;
  if (!(await findCategory(db, categoryId)))
    throw fieldError('categoryId', 'not_found', `事项类别 ${categoryId} 不存在`);
}

/** Adds a reply template. */
export async function createTemplate(ctx: AppContext, actor: Actor, input: CreateReplyTemplateInput) {
  await assertCategoryExists(ctx.db, input.categoryId);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await insertTemplate(tx, {
      name: input.name,
      categoryId: input.categoryId ?? null,
      body: input.body,
      active: input.active ?? true,
      createdBy: actor.userId,
      updatedBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordActorAudit(tx, actor, now, {
      action: 'reply_template.created',
      targetType: 'reply_template',
      targetId: newId,
    });
    return newId;
  });
  return loadTemplate(ctx.db, id);
}

/** Changes a template read at `input.version` (retire it with `active: false`); 409 on a stale version. */
export async function changeTemplate(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: UpdateReplyTemplateInput,
) {
  const { version, ...changes } = input;
  const current = await loadTemplate(ctx.db, id);
  if (current.version !== version) throw versionConflict('样板', current.version);
  await assertCategoryExists(ctx.db, changes.categoryId);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await updateTemplateAtVersion(tx, id, version, { ...changes, updatedBy: actor.userId }, now))) {
      throw versionConflict('样板', (await loadTemplate(tx, id)).version);
    }
    await recordActorAudit(tx, actor, now, {
      action: 'reply_template.updated',
      targetType: 'reply_template',
      targetId: id,
      detail: { changed: Object.keys(changes) },
    });
  });
  return loadTemplate(ctx.db, id);
}
