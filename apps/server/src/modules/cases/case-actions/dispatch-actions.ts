import { isInScope } from '../../../platform/auth/actor.js';
import type { DbOrTx } from '../../../platform/db/database.js';
import { AppError, fieldError } from '../../../platform/errors/app-error.js';
import { findCentreUnder, findOrgBriefs, type OrgBrief } from '../../orgs/org-briefs.repository.js';
import { resolveLimitOf, startAcceptClock, startResolveClock, stopClock } from '../case-clock.js';
import type { ActionHandlers, ActionScene } from './action-handler.js';
import { allOf, leadOnly, ownerOnly } from './guards.js';

/** Kinds of org a case may be dispatched to: units, and territorial levels for 直派. */
const DISPATCHABLE_KINDS = new Set(['unit', 'district', 'town', 'community', 'grid']);

/** Loads the units of a dispatch or a consultation: they must exist, be active, and lie in the actor's scope. */
export async function loadUnits(
  tx: DbOrTx,
  scene: ActionScene,
  ids: readonly number[],
  field: string,
): Promise<OrgBrief[]> {
  const briefs = await findOrgBriefs(tx, ids);
  return ids.map((id) => {
    const org = briefs.get(id);
    if (!org?.active || !DISPATCHABLE_KINDS.has(org.kind)) {
      throw fieldError(field, 'not_dispatchable', `单位 ${id} 不存在、已停用或不能承办工单`);
    }
    if (!isInScope(scene.actor, org.path)) {
      throw new AppError('OUT_OF_SCOPE', `「${org.name}」不在您的派单范围内`);
    }
    return org;
  });
}

function returnWindowOpen(scene: ActionScene): AppError | null {
  const deadline = scene.row.acceptDeadline;
  if (!deadline || scene.now.getTime() <= deadline.getTime()) return null;
  return new AppError('RETURN_WINDOW_CLOSED', '已超过签收时限，不能退单；请签收后办理或申请改派');
}

/** Refuses an escalation from the top of the tree (the city's own centre, or the city). */
function belowTheTop(scene: ActionScene): AppError | null {
  const current = scene.orgs.current;
  const depth = current ? current.path.split('/').filter(Boolean).length : 0;
  const atTop = !current || depth <= (current.kind === 'center' ? 2 : 1);
  return atTop ? new AppError('ESCALATION_NOT_POSSIBLE', '工单已在最高一级，不能再上报') : null;
}

/** The org one level up from the case's owner, as the centre of that level when it has one. */
async function escalationTarget(tx: DbOrTx, scene: ActionScene): Promise<OrgBrief> {
  const current = scene.orgs.current;
  const notPossible = new AppError('ESCALATION_NOT_POSSIBLE', '工单已在最高一级，不能再上报');
  if (!current) throw notPossible;
  const briefs = await findOrgBriefs(tx, current.parentId === null ? [] : [current.parentId]);
  // A centre stands for the territorial level it serves (its parent); a territorial org for itself.
  const level = current.kind === 'center' ? briefs.get(current.parentId ?? -1) : current;
  if (!level || level.parentId === null) throw notPossible;
  const up = (await findOrgBriefs(tx, [level.parentId])).get(level.parentId);
  if (!up) throw notPossible;
  return (await findCentreUnder(tx, up.id)) ?? up;
}

/** 派单, 签收, 退单, 重办, 上报: who holds the case. */
export const dispatchActions: Pick<ActionHandlers, 'dispatch' | 'accept' | 'return' | 'reopen' | 'escalate'> =
  {
    dispatch: {
      guard: ownerOnly,
      async apply(tx, scene, input) {
        const coHandlerIds = input.coHandlerIds ?? [];
        await loadUnits(tx, scene, [input.leadUnitId], 'leadUnitId');
        await loadUnits(tx, scene, coHandlerIds, 'coHandlerIds');
        const clock = startAcceptClock(scene.calendar, scene.row, scene.now);
        return {
          patch: { leadUnitId: input.leadUnitId, dispatchedAt: scene.now, acceptedAt: null, ...clock },
          handlers: { leadUnitId: input.leadUnitId, coHandlerIds },
          note: input.note ?? null,
          changes: { leadUnitId: input.leadUnitId, coHandlerIds, acceptDeadline: clock.acceptDeadline },
        };
      },
    },
    accept: {
      guard: leadOnly,
      apply(_tx, scene, input) {
        const { row, now } = scene;
        const clock = startResolveClock(scene.calendar, now, resolveLimitOf(row));
        const onTime = row.acceptDeadline === null || now.getTime() <= row.acceptDeadline.getTime();
        return {
          // 首接首办: the first unit to sign stays answerable to the end, whoever signs later
          patch: { acceptedAt: now, firstReceiverOrgId: row.firstReceiverOrgId ?? row.leadUnitId, ...clock },
          note: input.note ?? null,
          changes: { acceptedOnTime: onTime, resolveDeadline: clock.resolveDeadline },
        };
      },
    },
    return: {
      guard: allOf(leadOnly, returnWindowOpen),
      apply(_tx, scene, input) {
        return {
          patch: { returns: scene.row.returns + 1, leadUnitId: null, ...stopClock() },
          handlers: null,
          note: input.reason,
          changes: { returnedByOrgId: scene.row.leadUnitId },
        };
      },
    },
    reopen: {
      guard: allOf(ownerOnly, (scene) =>
        scene.row.leadUnitId === null
          ? new AppError('TRANSITION_NOT_ALLOWED', '工单没有主办单位，请重新派单')
          : null,
      ),
      apply(_tx, scene, input) {
        const clock = startAcceptClock(scene.calendar, scene.row, scene.now);
        return {
          patch: {
            reopens: scene.row.reopens + 1,
            closedAt: null,
            acceptedAt: null,
            dispatchedAt: scene.now,
            ...clock,
          },
          note: input.reason,
          changes: { leadUnitId: scene.row.leadUnitId, acceptDeadline: clock.acceptDeadline },
        };
      },
    },
    escalate: {
      guard: allOf(ownerOnly, belowTheTop),
      async apply(tx, scene, input) {
        const target = await escalationTarget(tx, scene);
        return {
          patch: { currentOrgId: target.id },
          note: input.reason,
          changes: { fromOrgId: scene.row.currentOrgId, toOrgId: target.id },
        };
      },
    },
  };
