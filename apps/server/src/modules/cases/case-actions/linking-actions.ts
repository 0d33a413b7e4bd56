import { type CaseState, isCaseOpen } from '@shanzhi/shared';
import { AppError } from '../../../platform/errors/app-error.js';
import { isCaseInScope } from '../case-access.js';
import { stopClock } from '../case-clock.js';
import { lockCase } from '../cases.repository.js';
import type { ActionHandlers } from './action-handler.js';
import { loadUnits } from './dispatch-actions.js';
import { anyReader, ownerOnly } from './guards.js';

/** 督办, 合并 / 取消合并, 转110 / 110转回, 会商: the case and the others around it. */
export const linkingActions: Pick<
  ActionHandlers,
  'supervise' | 'merge' | 'unmerge' | 'transfer_to_110' | 'transfer_from_110' | 'consult'
> = {
  supervise: {
    guard: anyReader,
    apply: (_tx, scene, input) => ({
      patch: {
        supervisions: scene.row.supervisions + 1,
        // a listed case stays listed when urged again in general
        supervisionLevel: scene.row.supervisionLevel === 'listed' ? 'listed' : input.level,
      },
      note: input.note,
      changes: { level: input.level },
    }),
  },
  merge: {
    guard: ownerOnly,
    async apply(tx, scene, input) {
      if (input.masterCaseId === scene.row.id) {
        throw new AppError('MERGE_NOT_ALLOWED', '工单不能合并到自身');
      }
      // Locking the master too keeps two dispatchers from merging two cases into each other at once.
      const master = await lockCase(tx, input.masterCaseId);
      if (!master) throw new AppError('CASE_NOT_FOUND', `主工单 ${input.masterCaseId} 不存在`);
      if (!(await isCaseInScope(tx, scene.actor, master.id))) {
        throw new AppError('OUT_OF_SCOPE', '主工单不在您的管辖范围内');
      }
      if (!isCaseOpen(master.state as CaseState)) {
        throw new AppError('MERGE_NOT_ALLOWED', `主工单 ${master.number} 已结束或已合并，不能作为主工单`);
      }
      return {
        patch: { masterCaseId: master.id, ...stopClock() },
        changes: { masterCaseId: master.id, masterCaseNumber: master.number },
      };
    },
  },
  unmerge: {
    guard: ownerOnly,
    apply: (_tx, scene, input) => ({
      patch: { masterCaseId: null },
      note: input.reason,
      changes: { formerMasterCaseId: scene.row.masterCaseId },
    }),
  },
  transfer_to_110: {
    guard: ownerOnly,
    apply: (_tx, scene, input) => ({
      patch: {
        threeWayCall: input.threeWayCall,
        externalRef: input.externalRef ?? scene.row.externalRef,
        ...stopClock(),
      },
      note: input.note,
      changes: { threeWayCall: input.threeWayCall, externalRef: input.externalRef ?? null },
    }),
  },
  transfer_from_110: {
    guard: ownerOnly,
    apply: (_tx, _scene, input) => ({
      patch: { externalRef: input.externalRef },
      changes: { externalRef: input.externalRef },
    }),
  },
  consult: {
    // a leader calls a consultation on any case he sees; a dispatcher on the cases his centre holds
    guard: (scene) => (scene.actor.roles.includes('leader') ? null : ownerOnly(scene)),
    async apply(tx, scene, input) {
      await loadUnits(tx, scene, input.unitIds, 'unitIds');
      return { note: input.note, changes: { unitIds: input.unitIds } };
    },
  },
};
