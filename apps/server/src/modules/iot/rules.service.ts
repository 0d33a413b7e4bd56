import {
  DEFAULT_IOT_RULES,
  type IotRuleCreateInput,
  type IotRuleInput,
  type IotRuleList,
  type IotRuleScope,
  type IotRuleView,
  rulesOverlap,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx, Tx } from '../../platform/db/database.js';
import { AppError, fieldError, versionConflict } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findCategory } from '../catalog/catalog.repository.js';
import { presentRule } from './iot.presenter.js';
import {
  deleteRule,
  findEstate,
  findRule,
  findRulesOfTypes,
  insertMissingRules,
  insertRule,
  listRules,
  type RuleRow,
  updateRule,
} from './iot.repository.js';

/** 处置规则: every rule, by device type and alert type, the general one first. */
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
 * Refuses (IOT_RULE_LOOP) settings under which an alert could never go quiet. Nothing a rule does comes back
 * as an alert (a case it opens is never turned into one), so a rule cannot loop through cases; what can go
 * round without end is a suppression window as long as the escalation window or longer — every repeat keeps
 * the unacknowledged alert alive and it keeps going up, while staff never see a new one.
 */
export function assertRuleEnds(settings: Pick<IotRuleInput, 'suppressMinutes' | 'escalateMinutes'>): void {
  if (settings.escalateMinutes !== null && settings.suppressMinutes >= settings.escalateMinutes) {
    throw new AppError(
      'IOT_RULE_LOOP',
      `抑制窗口（${settings.suppressMinutes} 分钟）须短于升级时限（${settings.escalateMinutes} 分钟），否则重复告警将不断并入同一条告警并反复升级`,
    );
  }
}

/** Refuses (409 IOT_RULE_SCOPE_TAKEN) a scope another rule of the same specificity already claims. */
async function assertScopeFree(db: DbOrTx, scope: IotRuleScope): Promise<void> {
  const taken = (await findRulesOfTypes(db, scope.deviceType, scope.alertType)).find((r) =>
    rulesOverlap(r, scope),
  );
  if (taken) {
    throw new AppError(
      'IOT_RULE_SCOPE_TAKEN',
      `该设备类型与告警类型在此小区与时段已有规则（规则 ${taken.id}）`,
    );
  }
}

/** What an audit entry records of a rule. */
function auditedRule(r: Omit<RuleRow, 'id' | 'version' | 'updatedAt'>) {
  return {
    estateId: r.estateId,
    activeFrom: r.activeFrom,
    activeTo: r.activeTo,
    outcome: r.outcome,
    categoryId: r.categoryId,
    priority: r.priority,
    suppressMinutes: r.suppressMinutes,
    escalateMinutes: r.escalateMinutes,
  };
}

/** Records a rule's change (`iot.rule_changed`) with the rule before and after (null: created, deleted). */
async function auditRule(
  tx: Tx,
  actor: Actor,
  id: number,
  types: Pick<RuleRow, 'deviceType' | 'alertType'>,
  change: { before: object | null; after: object | null },
  now: Date,
) {
  await recordAudit(
    tx,
    {
      action: 'iot.rule_changed',
      actorUserId: actor.userId,
      actorUsername: actor.username,
      targetType: 'iot_rule',
      targetId: id,
      ip: actor.ip,
      detail: { deviceType: types.deviceType, alertType: types.alertType, ...change },
    },
    now,
  );
}

/**
 * Changes a rule's settings at the version the editor saw (409 VERSION_CONFLICT otherwise; its scope stays),
 * audited (`iot.rule_changed`, before and after) in the same transaction.
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
  assertRuleEnds(input);
  const now = ctx.clock.now();
  const settings = {
    outcome: input.outcome,
    categoryId: input.categoryId,
    priority: input.priority,
    suppressMinutes: input.suppressMinutes,
    escalateMinutes: input.escalateMinutes,
  };
  await ctx.db.transaction(async (tx) => {
    const changed = await updateRule(tx, id, input.version, { ...settings, updatedAt: now });
    if (changed === undefined) throw versionConflict('规则', before.version);
    const after = auditedRule({ ...before, ...settings });
    await auditRule(tx, actor, id, before, { before: auditedRule(before), after }, now);
  });
  return presentRule((await findRule(ctx.db, id))!);
}

/**
 * 新增规则: a rule for a scope no rule of its specificity claims yet (409 IOT_RULE_SCOPE_TAKEN), of an
 * existing estate, audited (`iot.rule_changed` with no `before`).
 */
export async function createRule(
  ctx: AppContext,
  actor: Actor,
  input: IotRuleCreateInput,
): Promise<IotRuleView> {
  if (input.estateId !== null && !(await findEstate(ctx.db, input.estateId))) {
    throw fieldError('estateId', 'not_found', `小区 ${input.estateId} 不存在`);
  }
  await assertCaseCategory(ctx, input.categoryId);
  assertRuleEnds(input);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    await assertScopeFree(tx, input);
    const created = await insertRule(tx, { ...input, updatedAt: now });
    if (created === undefined)
      throw new AppError('IOT_RULE_SCOPE_TAKEN', '该设备类型与告警类型在此小区与时段已有规则');
    await auditRule(tx, actor, created, input, { before: null, after: auditedRule(input) }, now);
    return created;
  });
  return presentRule((await findRule(ctx.db, id))!);
}

/**
 * 删除规则: a rule for an estate or a time of day, at the version seen; the general rule of its types is
 * edited, never deleted (409 IOT_RULE_GENERAL). Audited (`iot.rule_changed` with no `after`).
 */
export async function removeRule(ctx: AppContext, actor: Actor, id: number, version: number): Promise<void> {
  const before = await findRule(ctx.db, id);
  if (!before) throw new AppError('IOT_RULE_NOT_FOUND', `规则 ${id} 不存在`);
  if (before.estateId === null && before.activeFrom === null) {
    throw new AppError('IOT_RULE_GENERAL', '通用规则（不限小区与时段）只能修改，不能删除');
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if ((await deleteRule(tx, id, version)) === undefined) throw versionConflict('规则', before.version);
    await auditRule(tx, actor, id, before, { before: auditedRule(before), after: null }, now);
  });
}

/** Writes the default rule of every device type and alert type that has none; how many were missing. */
export async function ensureDefaultRules(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  return insertMissingRules(
    ctx.db,
    DEFAULT_IOT_RULES.map((r) => ({ ...r, categoryId: null, updatedAt: now })),
  );
}
