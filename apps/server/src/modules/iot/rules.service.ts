import { DEFAULT_IOT_RULES, type IotRuleInput, type IotRuleList, type IotRuleView } from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, fieldError, versionConflict } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findCategory } from '../catalog/catalog.repository.js';
import { presentRule } from './iot.presenter.js';
import { findRule, insertMissingRules, listRules, updateRule } from './iot.repository.js';

/** 处置规则: every rule, by device type and alert type. */
export async function listRulesView(ctx: AppContext): Promise<IotRuleList> {
  return { items: (await listRules(ctx.db)).map(presentRule) };
}

/** A case's category must be an active leaf of the catalog (as at intake). */
async function assertCaseCategory(ctx: AppContext, id: number | null): Promise<void> {
  if (id === null) return;
  const category = await findCategory(ctx.db, id);
  if (!category?.active || category.resolveLimitValue === null) {
    throw fieldError('categoryId', 'not_found', `事项 ${id} 不存在、已停用或不是末级事项`);
  }
}

/**
 * Changes a rule at the version the editor saw (409 VERSION_CONFLICT otherwise), audited
 * (`iot.rule_changed`, before and after) in the same transaction.
 */
export async function changeRule(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: IotRuleInput,
): Promise<IotRuleView> {
  const before = await findRule(ctx.db, id);
  if (!before) throw new AppError('IOT_RULE_NOT_FOUND', `规则 ${id} 不存在`);
  await assertCaseCategory(ctx, input.categoryId);
  const now = ctx.clock.now();
  const after = {
    outcome: input.outcome,
    categoryId: input.categoryId,
    priority: input.priority,
    suppressMinutes: input.suppressMinutes,
    escalateMinutes: input.escalateMinutes,
  };
  await ctx.db.transaction(async (tx) => {
    const changed = await updateRule(tx, id, input.version, { ...after, updatedAt: now });
    if (changed === undefined) throw versionConflict('规则', before.version);
    await recordAudit(
      tx,
      {
        action: 'iot.rule_changed',
        actorUserId: actor.userId,
        actorUsername: actor.username,
        targetType: 'iot_rule',
        targetId: id,
        ip: actor.ip,
        detail: {
          deviceType: before.deviceType,
          alertType: before.alertType,
          before: {
            outcome: before.outcome,
            categoryId: before.categoryId,
            priority: before.priority,
            suppressMinutes: before.suppressMinutes,
            escalateMinutes: before.escalateMinutes,
          },
          after,
        },
      },
      now,
    );
  });
  return presentRule((await findRule(ctx.db, id))!);
}

/** Writes the default rule of every device type and alert type that has none; how many were missing. */
export async function ensureDefaultRules(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  return insertMissingRules(
    ctx.db,
    DEFAULT_IOT_RULES.map((r) => ({ ...r, categoryId: null, updatedAt: now })),
  );
}
