import { addWorkingTime, MAX_EXTENSION } from '@shanzhi/shared';
import { AppError, fieldError } from '../../../platform/errors/app-error.js';
import { assertAttachmentsOfCase } from '../attachments/attachments.service.js';
import { moveResolveDeadline, startResolveClock, stopClock } from '../case-clock.js';
import type { ActionHandlers, ActionScene } from './action-handler.js';
import { allOf, handlerOnly, leadOnly, ownerOnly } from './guards.js';

function extensionAllowed(scene: ActionScene): AppError | null {
  const { row } = scene;
  if (row.extensionStatus === 'pending') return new AppError('EXTENSION_NOT_ALLOWED', '已有延期申请待审批');
  if (row.extensionRequests >= MAX_EXTENSION.times) {
    return new AppError('EXTENSION_NOT_ALLOWED', `每件工单最多申请延期 ${MAX_EXTENSION.times} 次`);
  }
  return null;
}

function extensionPending(scene: ActionScene): AppError | null {
  return scene.row.extensionStatus === 'pending'
    ? null
    : new AppError('EXTENSION_NOT_ALLOWED', '没有待审批的延期申请');
}

/** 过程记录, 延期 (申请 / 同意 / 不同意), 办结反馈, 审核, 返工: the unit's work and its review. */
export const handlingActions: Pick<
  ActionHandlers,
  'progress' | 'request_extension' | 'approve_extension' | 'refuse_extension' | 'reply' | 'review' | 'rework'
> = {
  progress: {
    guard: handlerOnly,
    apply: async (tx, scene, input) => ({
      note: input.note,
      attachments: await assertAttachmentsOfCase(tx, scene.row.id, input.attachmentIds),
    }),
  },
  request_extension: {
    guard: allOf(leadOnly, extensionAllowed),
    apply(_tx, scene, input) {
      const { row, calendar } = scene;
      const current = row.resolveDeadline ?? scene.now;
      const latest = addWorkingTime(calendar, current, MAX_EXTENSION.limit);
      const wanted = new Date(input.newDeadline);
      if (wanted.getTime() <= current.getTime()) {
        throw fieldError('newDeadline', 'not_later', '延期后的截止时间须晚于当前截止时间');
      }
      if (wanted.getTime() > latest.getTime()) {
        throw fieldError(
          'newDeadline',
          'too_far',
          `延期不能超过 ${MAX_EXTENSION.limit.value} 个工作日（最晚 ${latest.toISOString()}）`,
        );
      }
      return {
        patch: {
          extensionRequests: row.extensionRequests + 1,
          extensionStatus: 'pending',
          extensionRequestedDeadline: wanted,
          extensionReason: input.reason,
        },
        note: input.reason,
        changes: { currentDeadline: current, requestedDeadline: wanted },
      };
    },
  },
  approve_extension: {
    guard: allOf(ownerOnly, extensionPending),
    apply(_tx, scene, input) {
      const { row } = scene;
      const to = row.extensionRequestedDeadline!;
      return {
        patch: { extensionStatus: 'approved', ...moveResolveDeadline(scene.calendar, row, to, scene.now) },
        note: input.note ?? null,
        changes: { resolveDeadline: { from: row.resolveDeadline, to } },
      };
    },
  },
  refuse_extension: {
    guard: allOf(ownerOnly, extensionPending),
    apply: (_tx, _scene, input) => ({ patch: { extensionStatus: 'refused' }, note: input.note ?? null }),
  },
  reply: {
    guard: leadOnly,
    apply: async (tx, scene, input) => ({
      patch: { repliedAt: scene.now, ...stopClock() },
      note: input.content,
      changes: { templateId: input.templateId ?? null },
      attachments: await assertAttachmentsOfCase(tx, scene.row.id, input.attachmentIds),
    }),
  },
  review: {
    guard: ownerOnly,
    apply: (_tx, _scene, input) => ({ note: input.note ?? null, changes: { outcome: input.outcome } }),
  },
  rework: {
    guard: ownerOnly,
    apply(_tx, scene, input) {
      const clock = startResolveClock(scene.calendar, scene.now, scene.settings.reworkLimit);
      return {
        patch: { reworks: scene.row.reworks + 1, ...clock },
        note: input.reason,
        changes: { resolveDeadline: clock.resolveDeadline, limit: scene.settings.reworkLimit },
      };
    },
  },
};
