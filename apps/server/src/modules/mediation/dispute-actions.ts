import type { DisputeActionInput, DisputeActionOnDispute, DisputeOutcome } from '@shanzhi/shared';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import type { LifecycleHandler } from '../../platform/lifecycle/lifecycle-definition.js';
import { writeRegistration } from '../cases/register-case.js';
import { findCommittee, findMediators } from './committees.repository.js';
import { CONFIRMATION_HANDLERS } from './confirmation-actions.js';
import { extendedDeadline, lightColumnsOf, mediationDeadline } from './dispute-clock.js';
import { committeeStaff, type DisputeEffect, type DisputeScene, mediatorStaff } from './dispute-scene.js';
import { insertSession } from './disputes.repository.js';

/** The handler of action `A`. */
export type DisputeHandler<A extends DisputeActionOnDispute> = LifecycleHandler<
  DisputeScene,
  DisputeActionInput<A>,
  DisputeEffect
>;

/** The patch of an action that settles how mediation ended, at the level of the committee that reached it. */
function ending(scene: DisputeScene, outcome: DisputeOutcome) {
  return { outcome, endedAt: scene.now, endedAtLevel: scene.committee?.level ?? null };
}

/** 指派: the committee named, and a mediator of it (400 on the field otherwise). */
async function checkedAssignment(
  tx: Parameters<DisputeHandler<'assign'>['apply']>[0],
  input: DisputeActionInput<'assign'>,
) {
  const committee = await findCommittee(tx, input.committeeId);
  if (!committee)
    throw fieldError('committeeId', 'COMMITTEE_NOT_FOUND', `调委会 ${input.committeeId} 不存在`);
  const [mediator] = await findMediators(tx, { ids: [input.mediatorId] });
  if (!mediator) throw fieldError('mediatorId', 'MEDIATOR_NOT_FOUND', `调解员 ${input.mediatorId} 不存在`);
  if (mediator.committeeId !== committee.id) {
    throw new AppError('MEDIATOR_NOT_IN_COMMITTEE', `${mediator.name}不是${committee.name}的调解员`, [
      { field: 'mediatorId', code: 'MEDIATOR_NOT_IN_COMMITTEE', message: '调解员须属于所选调委会' },
    ]);
  }
  return { committee, mediator };
}

/** Writes the case the action opens (prepared before the transaction) in the action's transaction. */
async function openCase(tx: Parameters<DisputeHandler<'transfer_to_case'>['apply']>[0], scene: DisputeScene) {
  const prepared = scene.env.openingCase;
  if (!prepared) throw new AppError('INTERNAL', 'a case-opening dispute action without a prepared case');
  const registered = await writeRegistration(scene.env.ctx, prepared, tx);
  return { caseId: registered.row.id, caseNumber: registered.row.number };
}

const MEDIATION_HANDLERS: {
  [A in Exclude<DisputeActionOnDispute, keyof typeof CONFIRMATION_HANDLERS>]: DisputeHandler<A>;
} = {
  accept: {
    guard: committeeStaff,
    apply: (_tx, scene, input) => {
      const { calendar, limit } = scene.env;
      const deadline = mediationDeadline(calendar, scene.now, limit);
      const clock = { start: scene.now, deadline, unit: limit.unit };
      return {
        patch: {
          acceptedAt: scene.now,
          deadline,
          ...lightColumnsOf(calendar, clock, scene.now),
          difficulty: input.difficulty,
        },
        note: input.note || null,
        changes: { difficulty: input.difficulty },
      };
    },
  },
  assign: {
    guard: committeeStaff,
    async apply(tx, _scene, input) {
      const { committee, mediator } = await checkedAssignment(tx, input);
      return {
        patch: { committeeId: committee.id, mediatorId: mediator.id },
        note: input.note || null,
        changes: {
          committeeId: committee.id,
          committeeName: committee.name,
          mediatorId: mediator.id,
          mediatorName: mediator.name,
        },
      };
    },
  },
  consent: { guard: committeeStaff, apply: (_tx, _scene, input) => ({ note: input.note || null }) },
  refuse: {
    guard: committeeStaff,
    apply: (_tx, scene, input) => ({ patch: ending(scene, 'refused'), note: input.reason }),
  },
  extend: {
    guard: (scene) =>
      mediatorStaff(scene) ??
      (scene.row.deadline
        ? null
        : new AppError('TRANSITION_NOT_ALLOWED', '纠纷尚未受理，没有调解期限可延长')),
    apply: (_tx, scene, input) => {
      const { calendar, limit } = scene.env;
      const deadline = extendedDeadline(calendar, scene.row.deadline!, input.days);
      const clock = { start: scene.row.acceptedAt ?? scene.now, deadline, unit: limit.unit };
      return {
        patch: {
          deadline,
          ...lightColumnsOf(calendar, clock, scene.now),
          extendedDays: scene.row.extendedDays + input.days,
        },
        note: input.reason,
        changes: { days: input.days },
      };
    },
  },
  record_session: {
    guard: mediatorStaff,
    async apply(tx, scene, input) {
      const session = await insertSession(tx, {
        disputeId: scene.row.id,
        mode: input.mode,
        heldAt: new Date(input.heldAt),
        place: input.place || null,
        videoLink: input.videoLink ?? null,
        attendees: input.attendees || null,
        minutes: input.minutes,
        mediatorName: scene.actor.displayName,
        recordedByUserId: scene.actor.userId,
        recordedAt: scene.now,
      });
      return {
        note: input.minutes,
        changes: {
          sessionId: session.id,
          mode: input.mode,
          heldAt: input.heldAt,
          videoLink: input.videoLink ?? null,
        },
      };
    },
  },
  agree: {
    guard: mediatorStaff,
    apply: (_tx, scene, input) => ({
      patch: {
        ...ending(scene, 'agreed'),
        agreementForm: input.form,
        agreementFacts: input.facts || scene.row.facts,
        agreementIssues: input.issues || null,
        agreementTerms: input.terms,
        agreedAt: input.effectiveAt ? new Date(input.effectiveAt) : scene.now,
      },
      changes: { form: input.form, terms: input.terms },
    }),
  },
  fail: {
    guard: mediatorStaff,
    apply: (_tx, scene, input) => ({ patch: ending(scene, 'failed'), note: input.reason }),
  },
  escalate: {
    guard: (scene) =>
      mediatorStaff(scene) ??
      (scene.above ? null : new AppError('ESCALATION_NOT_POSSIBLE', '已是最高一级调委会，不能再上移')),
    apply: (_tx, scene, input) => ({
      patch: {
        committeeId: scene.above!.id,
        mediatorId: null,
        outcome: null,
        endedAt: null,
        endedAtLevel: null,
      },
      note: input.reason,
      changes: {
        fromCommitteeId: scene.row.committeeId,
        toCommitteeId: scene.above!.id,
        toCommitteeName: scene.above!.name,
      },
    }),
  },
  refer: {
    guard: mediatorStaff,
    apply: (_tx, scene, input) => ({
      patch: { ...ending(scene, 'referred'), referralTarget: input.to },
      note: input.note,
      changes: { to: input.to },
    }),
  },
  refer_to_hotline: {
    guard: (scene) =>
      (scene.actor.roles.includes('dispatcher') ? null : mediatorStaff(scene)) ??
      (scene.row.hotlineCaseId === null
        ? null
        : new AppError('TRANSITION_NOT_ALLOWED', '该纠纷已转心理援助热线')),
    async apply(tx, scene, input) {
      const opened = await openCase(tx, scene);
      return { patch: { hotlineCaseId: opened.caseId }, note: input.note, changes: opened };
    },
  },
  transfer_to_case: {
    guard: (scene) =>
      mediatorStaff(scene) ??
      (scene.row.transferCaseId === null
        ? null
        : new AppError('TRANSITION_NOT_ALLOWED', '该纠纷已转部门办理')),
    async apply(tx, scene, input) {
      const opened = await openCase(tx, scene);
      return { patch: { transferCaseId: opened.caseId }, note: input.note, changes: opened };
    },
  },
  close: { guard: mediatorStaff, apply: (_tx, _scene, input) => ({ note: input.note || null }) },
};

/** Every action on an existing dispute. */
export const DISPUTE_HANDLERS = { ...MEDIATION_HANDLERS, ...CONFIRMATION_HANDLERS };
