import {
  type AddMediatorInput,
  type CommitteeInput,
  type CommitteeView,
  committeeLevelOf,
  type MediatorView,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { assertOrgInScope } from '../orgs/orgs.policy.js';
import { findOrg } from '../orgs/orgs.repository.js';
import {
  type CommitteeValues,
  countOpenDisputesOf,
  deactivateMediator,
  findActiveUserName,
  findCommittee,
  findCommitteeClashes,
  findMediatorRecord,
  findMediators,
  insertCommittee,
  lockActiveMediator,
  updateCommittee,
  upsertMediator,
} from './committees.repository.js';
import { presentCommittee, presentMediator } from './committees.service.js';

const committeeNotFound = (id: number) => new AppError('COMMITTEE_NOT_FOUND', `调委会 ${id} 不存在`);

/** A committee in the actor's scope (its org inside it), or 404 / 403. */
async function loadCommitteeInScope(db: DbOrTx, actor: Actor, id: number) {
  const committee = await findCommittee(db, id);
  if (!committee) throw committeeNotFound(id);
  assertOrgInScope(actor, { path: committee.orgPath });
  return committee;
}

/**
 * The committee's columns from the input: its org (400 when there is none such, 403 outside the actor's
 * scope), the level that follows from the org and the fields (400 at an org that holds no committee), and
 * no clash with another (409 COMMITTEE_EXISTS: its name taken, or a territorial one at the org already).
 */
async function committeeValuesOf(
  db: DbOrTx,
  actor: Actor,
  input: CommitteeInput,
  exceptId?: number,
): Promise<CommitteeValues> {
  const org = await findOrg(db, input.orgId);
  if (!org) throw fieldError('orgId', 'not_found', `组织 ${input.orgId} 不存在`);
  assertOrgInScope(actor, org);
  const level = committeeLevelOf(org.kind, input.fields);
  if (!level) {
    throw fieldError('orgId', 'no_committee_here', '调委会须设在市、区、镇/街道或村/社区');
  }
  const values = { name: input.name, level, orgId: org.id, orgPath: org.path, fields: input.fields };
  const [clash] = await findCommitteeClashes(db, values, exceptId);
  if (clash) {
    const sameName = clash.name === values.name;
    throw new AppError(
      'COMMITTEE_EXISTS',
      sameName ? `已有名为「${clash.name}」的调委会` : `该组织已设有调委会「${clash.name}」`,
      [
        sameName
          ? { field: 'name', code: 'taken', message: '名称已被使用' }
          : { field: 'orgId', code: 'taken', message: '该组织已设有调委会' },
      ],
    );
  }
  return values;
}

/** What the committee now is, as the API shows it. */
async function committeeView(ctx: AppContext, id: number): Promise<CommitteeView> {
  return presentCommittee(ctx, (await findCommittee(ctx.db, id))!);
}

/** 新建调解组织: a committee at an org of the actor's scope (audited). */
export async function createCommittee(
  ctx: AppContext,
  actor: Actor,
  input: CommitteeInput,
): Promise<CommitteeView> {
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const values = await committeeValuesOf(tx, actor, input);
    const created = await insertCommittee(tx, values, now);
    await recordActorAudit(tx, actor, now, {
      action: 'mediation.committee_created',
      targetType: 'mediation_committee',
      targetId: created,
      detail: { ...values },
    });
    return created;
  });
  return committeeView(ctx, id);
}

/** 编辑调解组织: its name, org and fields (its level follows; audited with before and after). */
export async function editCommittee(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: CommitteeInput,
): Promise<CommitteeView> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const before = await loadCommitteeInScope(tx, actor, id);
    const values = await committeeValuesOf(tx, actor, input, id);
    await updateCommittee(tx, id, values);
    await recordActorAudit(tx, actor, now, {
      action: 'mediation.committee_changed',
      targetType: 'mediation_committee',
      targetId: id,
      detail: {
        from: { name: before.name, level: before.level, orgId: before.orgId, fields: before.fields },
        to: { name: values.name, level: values.level, orgId: values.orgId, fields: values.fields },
      },
    });
  });
  return committeeView(ctx, id);
}

/**
 * 添加调解员: an active user of the platform becomes a mediator of the committee, with his fields of expertise
 * and the 金牌调解员 flag (400 for no such user, 409 ALREADY_A_MEDIATOR when he is one there already; a removed
 * mediator comes back on his old record). Audited.
 */
export async function addMediator(
  ctx: AppContext,
  actor: Actor,
  committeeId: number,
  input: AddMediatorInput,
): Promise<MediatorView> {
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const committee = await loadCommitteeInScope(tx, actor, committeeId);
    const user = await findActiveUserName(tx, input.userId);
    if (!user) throw fieldError('userId', 'not_found', `用户 ${input.userId} 不存在或已停用`);
    const record = await findMediatorRecord(tx, committee.id, user.id);
    if (record?.active) {
      throw new AppError('ALREADY_A_MEDIATOR', `${user.name} 已是「${committee.name}」的调解员`, [
        { field: 'userId', code: 'taken', message: '已是该调委会的调解员' },
      ]);
    }
    const values = {
      committeeId: committee.id,
      userId: user.id,
      name: user.name,
      fields: input.fields,
      gold: input.gold,
    };
    const added = await upsertMediator(tx, values, record?.id, now);
    await recordActorAudit(tx, actor, now, {
      action: 'mediation.mediator_added',
      targetType: 'mediation_committee',
      targetId: committee.id,
      detail: { mediatorId: added, userId: user.id, fields: input.fields, gold: input.gold },
    });
    return added;
  });
  const [view] = await findMediators(ctx.db, { ids: [id] });
  return presentMediator(view!);
}

/**
 * 移除调解员: he no longer serves on the committee — refused (409 MEDIATOR_HAS_DISPUTES) while disputes in
 * mediation are in his hands, which are reassigned first. His record stays for the disputes he mediated.
 */
export async function removeMediator(
  ctx: AppContext,
  actor: Actor,
  committeeId: number,
  mediatorId: number,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await loadCommitteeInScope(tx, actor, committeeId);
    const mediator = await lockActiveMediator(tx, committeeId, mediatorId);
    if (!mediator) throw new AppError('MEDIATOR_NOT_FOUND', `调委会 ${committeeId} 没有调解员 ${mediatorId}`);
    const open = await countOpenDisputesOf(tx, mediatorId);
    if (open > 0) {
      throw new AppError('MEDIATOR_HAS_DISPUTES', `${mediator.name} 手上还有 ${open} 件纠纷，请先改派`);
    }
    await deactivateMediator(tx, mediatorId);
    await recordActorAudit(tx, actor, now, {
      action: 'mediation.mediator_removed',
      targetType: 'mediation_committee',
      targetId: committeeId,
      detail: { mediatorId },
    });
  });
}
