import {
  CATALOG_MAX_LEVEL,
  type CreateCatalogCategoryInput,
  type UpdateCatalogCategoryInput,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { findOrgByCode, findOrgIdsByCodes } from '../orgs/orgs.repository.js';
import {
  type CategoryValues,
  categoryIdsByCode,
  childCodes,
  findCategory,
  insertCategory,
  insertMissingCategories,
  isCategoryCodeTaken,
  isSiblingNameTaken,
  updateCategory,
} from './catalog.repository.js';
import type { CatalogNode } from './sources/catalog-node.js';

/** Loads a category or answers 404. */
export async function loadCategory(db: DbOrTx, id: number) {
  const row = await findCategory(db, id);
  if (!row) throw new AppError('CATEGORY_NOT_FOUND', `事项类别 ${id} 不存在`);
  return row;
}

async function unitIdOf(db: DbOrTx, code: string | undefined): Promise<number | undefined> {
  if (code === undefined) return undefined;
  const unit = await findOrgByCode(db, code);
  if (!unit?.active) throw fieldError('defaultUnitCode', 'not_found', `承办单位 ${code} 不存在或已停用`);
  if (unit.kind !== 'unit' && unit.kind !== 'center') {
    throw fieldError('defaultUnitCode', 'not_a_unit', `「${unit.name}」不是职能单位或社会治理中心`);
  }
  return unit.id;
}

type LeafInput = Pick<
  CreateCatalogCategoryInput,
  'priority' | 'acceptLimit' | 'resolveLimit' | 'police' | 'active'
>;

function leafColumns(input: LeafInput): Partial<CategoryValues> {
  return {
    ...(input.priority !== undefined && { priority: input.priority }),
    ...(input.acceptLimit !== undefined && {
      acceptLimitValue: input.acceptLimit.value,
      acceptLimitUnit: input.acceptLimit.unit,
    }),
    ...(input.resolveLimit !== undefined && {
      resolveLimitValue: input.resolveLimit.value,
      resolveLimitUnit: input.resolveLimit.unit,
    }),
    ...(input.police !== undefined && { police: input.police }),
    ...(input.active !== undefined && { active: input.active }),
  };
}

/** The next free code under a parent: `07` for an area, `03.04` for a subcategory, `03.04.012` for a leaf. */
function nextCode(parentCode: string | null, taken: string[]): string {
  const width = parentCode === null || !parentCode.includes('.') ? 2 : 3;
  const numbers = taken.map((c) => Number(c.split('.').at(-1)));
  const next = String(Math.max(0, ...numbers) + 1).padStart(width, '0');
  return parentCode === null ? next : `${parentCode}.${next}`;
}

/** Creates a category under a parent (or a new area). */
export async function createCategory(ctx: AppContext, actor: Actor, input: CreateCatalogCategoryInput) {
  const parent = input.parentId === null ? null : await findCategory(ctx.db, input.parentId);
  if (input.parentId !== null && !parent)
    throw fieldError('parentId', 'not_found', `上级类别 ${input.parentId} 不存在`);
  const level = parent ? parent.level + 1 : 1;
  if (level > CATALOG_MAX_LEVEL) throw fieldError('parentId', 'too_deep', '事项目录最多三级');
  if (level === CATALOG_MAX_LEVEL && input.defaultUnitCode === undefined) {
    throw fieldError('defaultUnitCode', 'required', '末级类别须设置承办单位、优先级和时限');
  }
  if (await isSiblingNameTaken(ctx.db, input.parentId, input.name)) {
    throw new AppError('DUPLICATE_CODE', `同级已有名为「${input.name}」的类别`, [
      { field: 'name', code: 'duplicate', message: '同级类别名称重复' },
    ]);
  }
  const code = input.code ?? nextCode(parent?.code ?? null, await childCodes(ctx.db, input.parentId));
  if (parent && !code.startsWith(`${parent.code}.`))
    throw fieldError('code', 'prefix', `编码须以 ${parent.code}. 开头`);
  if (await isCategoryCodeTaken(ctx.db, code)) {
    throw new AppError('DUPLICATE_CODE', `编码 ${code} 已存在`, [
      { field: 'code', code: 'duplicate', message: '编码已存在' },
    ]);
  }
  const defaultUnitId = await unitIdOf(ctx.db, input.defaultUnitCode);
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await insertCategory(tx, {
      code,
      name: input.name,
      level,
      parentId: input.parentId,
      defaultUnitId,
      ...leafColumns(input),
    });
    await recordActorAudit(tx, actor, ctx.clock.now(), {
      action: 'catalog.category_created',
      targetType: 'category',
      targetId: newId,
      detail: { code },
    });
    return newId;
  });
  return loadCategory(ctx.db, id);
}

/** Changes a category's name, unit, priority, limits, police flag or active flag. */
export async function changeCategory(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: UpdateCatalogCategoryInput,
) {
  const current = await loadCategory(ctx.db, id);
  if (input.name !== undefined && (await isSiblingNameTaken(ctx.db, current.parentId, input.name, id))) {
    throw new AppError('DUPLICATE_CODE', `同级已有名为「${input.name}」的类别`, [
      { field: 'name', code: 'duplicate', message: '同级类别名称重复' },
    ]);
  }
  const isLeafSetting = input.defaultUnitCode ?? input.priority ?? input.acceptLimit ?? input.resolveLimit;
  if (isLeafSetting !== undefined && current.level !== CATALOG_MAX_LEVEL) {
    throw fieldError('defaultUnitCode', 'not_leaf', '只有末级类别可以设置承办单位、优先级和时限');
  }
  const defaultUnitId = await unitIdOf(ctx.db, input.defaultUnitCode);
  await ctx.db.transaction(async (tx) => {
    await updateCategory(
      tx,
      id,
      {
        ...(input.name !== undefined && { name: input.name }),
        ...(defaultUnitId !== undefined && { defaultUnitId }),
        ...leafColumns(input),
      },
      ctx.clock.now(),
    );
    await recordActorAudit(tx, actor, ctx.clock.now(), {
      action: 'catalog.category_updated',
      targetType: 'category',
      targetId: id,
      detail: { changed: Object.keys(input) },
    });
  });
  return loadCategory(ctx.db, id);
}

/**
 * Writes the categories of an assembled catalog that are not in the database yet (by code), level by level.
 * Existing categories are left as the administrators set them.
 */
export async function importCatalogNodes(db: DbOrTx, nodes: readonly CatalogNode[]): Promise<number> {
  let inserted = 0;
  const unitIds = await findOrgIdsByCodes(db, [
    ...new Set(nodes.flatMap((n) => (n.leaf ? [n.leaf.defaultUnitCode] : []))),
  ]);
  for (const level of [1, 2, 3] as const) {
    const ids = await categoryIdsByCode(db);
    const rows: CategoryValues[] = [];
    for (const [i, node] of nodes.entries()) {
      if (node.level !== level) continue;
      const leaf = node.leaf;
      rows.push({
        code: node.code,
        name: node.name,
        level,
        parentId: node.parentCode === null ? null : (ids.get(node.parentCode) ?? null),
        sort: i,
        ...(leaf && {
          defaultUnitId: unitIds.get(leaf.defaultUnitCode) ?? null,
          priority: leaf.priority,
          acceptLimitValue: leaf.acceptLimit.value,
          acceptLimitUnit: leaf.acceptLimit.unit,
          resolveLimitValue: leaf.resolveLimit.value,
          resolveLimitUnit: leaf.resolveLimit.unit,
          police: leaf.police,
        }),
      });
    }
    for (let i = 0; i < rows.length; i += 500)
      inserted += await insertMissingCategories(db, rows.slice(i, i + 500));
  }
  return inserted;
}
