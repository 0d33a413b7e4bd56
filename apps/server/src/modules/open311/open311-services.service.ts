import {
  type Open311Attribute,
  type Open311ServiceInput,
  type Open311ServiceView,
  TIME_LIMIT_UNIT_LABELS,
  type TimeLimitUnit,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { updateCategory } from '../catalog/catalog.repository.js';
import {
  findPublishedService,
  findServiceSetting,
  findServiceSettings,
  type Open311ServiceRow,
  upsertServiceDefinition,
} from './open311-services.repository.js';

/** The attributes a row stores (written through `Open311Attribute`, so read back as such). */
export function attributesOf(row: Pick<Open311ServiceRow, 'attributes'>): Open311Attribute[] {
  return (row.attributes ?? []) as Open311Attribute[];
}

/** 办理时限 for people: `5 工作日`, `24 自然小时`. */
export function resolveLimitText(
  row: Pick<Open311ServiceRow, 'resolveLimitValue' | 'resolveLimitUnit'>,
): string {
  const unit = TIME_LIMIT_UNIT_LABELS[row.resolveLimitUnit as TimeLimitUnit] ?? row.resolveLimitUnit;
  return `${row.resolveLimitValue} ${unit}`;
}

/** The group a service is listed under: the one set, or its area's name. */
export function groupOf(row: Open311ServiceRow): string {
  return row.serviceGroup ?? row.areaName;
}

/** The description a service shows: the city's own words, or its place in the catalog and its time limit. */
export function descriptionOf(row: Open311ServiceRow): string {
  return (
    row.description ??
    `${row.areaName} / ${row.subcategoryName} / ${row.name}（办理时限 ${resolveLimitText(row)}）`
  );
}

/** The keywords of a service: the city's own, or the names above it in the catalog. */
export function keywordsOf(row: Open311ServiceRow): string {
  return row.keywords ?? [row.subcategoryName, row.areaName].join(', ');
}

/** The published service of a `service_code`, or 404 in the standard's words. */
export async function loadPublishedService(ctx: AppContext, code: string): Promise<Open311ServiceRow> {
  const row = await findPublishedService(ctx.db, code);
  if (!row)
    throw new AppError(
      'SERVICE_NOT_FOUND',
      `service_code ${code} was not found / 服务代码 ${code} 不存在或未发布`,
    );
  return row;
}

/** A leaf with its Open311 settings, as the console shows it. */
function presentServiceSetting(row: Open311ServiceRow): Open311ServiceView {
  return {
    categoryId: row.categoryId,
    code: row.code,
    name: row.name,
    areaName: row.areaName,
    subcategoryName: row.subcategoryName,
    active: row.active,
    published: row.published,
    group: row.serviceGroup,
    description: row.description,
    keywords: row.keywords,
    attributes: attributesOf(row),
  };
}

/** Every leaf of the catalog with how it is offered through Open311. */
export async function listServiceSettings(ctx: AppContext): Promise<Open311ServiceView[]> {
  return (await findServiceSettings(ctx.db)).map(presentServiceSetting);
}

/**
 * 发布设置: whether a leaf is offered as an Open311 service, under which group, with which description,
 * keywords and attributes — in one transaction with its audit entry. Only a leaf is a service.
 */
export async function saveServiceSetting(
  ctx: AppContext,
  actor: Actor,
  categoryId: number,
  input: Open311ServiceInput,
): Promise<Open311ServiceView> {
  const before = await findServiceSetting(ctx.db, categoryId);
  if (!before) throw new AppError('CATEGORY_NOT_FOUND', `事项 ${categoryId} 不存在或不是末级事项`);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await updateCategory(
      tx,
      categoryId,
      { published: input.published, serviceGroup: input.group || null },
      now,
    );
    await upsertServiceDefinition(tx, {
      categoryId,
      description: input.description || null,
      keywords: input.keywords || null,
      attributes: input.attributes,
      updatedAt: now,
    });
    await recordActorAudit(tx, actor, now, {
      action: 'open311.service_changed',
      targetType: 'category',
      targetId: categoryId,
      detail: { code: before.code, published: input.published, attributes: input.attributes.length },
    });
  });
  return presentServiceSetting((await findServiceSetting(ctx.db, categoryId))!);
}
