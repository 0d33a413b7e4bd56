import {
  type ConfirmationStage,
  DISPUTE_FIELD_LABELS,
  type DisputeActionInput,
  type DisputeActionOnDispute,
  type DisputeField,
} from '@shanzhi/shared';
import { eq } from 'drizzle-orm';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import type { LifecycleHandler } from '../../platform/lifecycle/lifecycle-definition.js';
import { confirmationWindow, NEXT_CONFIRMATION_STAGES } from './dispute-clock.js';
import { type DisputeEffect, type DisputeScene, mediatorStaff } from './dispute-scene.js';
import { confirmParty } from './disputes.repository.js';
import { disputeParties } from './mediation.tables.js';

type Handler<A extends DisputeActionOnDispute> = LifecycleHandler<
  DisputeScene,
  DisputeActionInput<A>,
  DisputeEffect
>;

/**
 * Whether the parties may still apply for judicial confirmation: not for identity, adoption or marriage
 * relations (法释〔2011〕5号), not twice, and only within 30 days of the agreement taking effect.
 */
function confirmationRefusal(scene: DisputeScene, at: Date): AppError | null {
  const { row } = scene;
  const field = row.field as DisputeField;
  const window = confirmationWindow(row.agreedAt!, field, at);
  if (!window.available) {
    return new AppError('CONFIRMATION_NOT_AVAILABLE', `${DISPUTE_FIELD_LABELS[field]}不适用司法确认`, [
      {
        field: 'field',
        code: 'CONFIRMATION_NOT_AVAILABLE',
        message: '身份关系、收养关系、婚姻关系不能申请司法确认',
      },
    ]);
  }
  if (row.confirmationStage !== null) {
    return new AppError('CONFIRMATION_STAGE_INVALID', '该协议已申请过司法确认');
  }
  if (!window.open) {
    return new AppError('CONFIRMATION_WINDOW_CLOSED', '已超过协议生效后 30 日的司法确认申请期限', [
      {
        field: 'appliedAt',
        code: 'CONFIRMATION_WINDOW_CLOSED',
        message: '须在调解协议生效之日起 30 日内申请',
      },
    ]);
  }
  return null;
}

/** The agreement's follow-up: the parties' confirmation, performance, and judicial confirmation. */
export const CONFIRMATION_HANDLERS: {
  [A in
    | 'confirm_agreement'
    | 'record_performance'
    | 'apply_confirmation'
    | 'record_confirmation_ruling']: Handler<A>;
} = {
  confirm_agreement: {
    // a party confirms himself (by his room session); a mediator records the others' confirmations
    guard: (scene) => (scene.env.party ? null : mediatorStaff(scene)),
    async apply(tx, scene, input) {
      const self = scene.env.party;
      if (self && (input.partyId !== self.id || input.method !== 'online')) {
        throw new AppError('NOT_A_PARTY', '当事人只能在线确认本人的协议', [
          { field: 'partyId', code: 'NOT_A_PARTY', message: '不能代其他当事人确认' },
        ]);
      }
      if (!self && input.method === 'online') {
        throw fieldError(
          'method',
          'ONLINE_BY_PARTY_ONLY',
          '在线确认须由当事人本人在调解室完成，调解员请登记签字扫描件',
        );
      }
      const [party] = await tx.select().from(disputeParties).where(eq(disputeParties.id, input.partyId));
      if (party?.disputeId !== scene.row.id) {
        throw fieldError('partyId', 'not_a_party', `当事人 ${input.partyId} 不是该纠纷的当事人`);
      }
      await confirmParty(tx, party.id, scene.now, input.method);
      return {
        note: input.note || null,
        changes: { partyId: party.id, partyName: party.name, method: input.method },
      };
    },
  },
  record_performance: {
    guard: mediatorStaff,
    apply: (_tx, scene, input) => ({
      patch: { performedAt: input.visitedAt ? new Date(input.visitedAt) : scene.now },
      note: input.note,
    }),
  },
  apply_confirmation: {
    guard: (scene) => mediatorStaff(scene) ?? confirmationRefusal(scene, scene.now),
    apply(_tx, scene, input) {
      const appliedAt = input.appliedAt ? new Date(input.appliedAt) : scene.now;
      const refusal = confirmationRefusal(scene, appliedAt);
      if (refusal) throw refusal;
      return {
        patch: {
          confirmationStage: 'applied',
          confirmationCourt: input.court,
          confirmationAppliedAt: appliedAt,
        },
        note: input.note || null,
        changes: { court: input.court, appliedAt: appliedAt.toISOString() },
      };
    },
  },
  record_confirmation_ruling: {
    guard: (scene) =>
      mediatorStaff(scene) ??
      (scene.row.confirmationStage === 'applied' || scene.row.confirmationStage === 'accepted'
        ? null
        : new AppError('CONFIRMATION_STAGE_INVALID', '尚未申请司法确认，或法院已作出裁定')),
    apply(_tx, scene, input) {
      const stage = scene.row.confirmationStage as ConfirmationStage;
      if (!NEXT_CONFIRMATION_STAGES[stage].includes(input.ruling)) {
        throw new AppError('CONFIRMATION_STAGE_INVALID', '法院裁定与司法确认所处阶段不符', [
          { field: 'ruling', code: 'CONFIRMATION_STAGE_INVALID', message: '先受理，后裁定' },
        ]);
      }
      const at = input.at ? new Date(input.at) : scene.now;
      const when = stage === 'applied' ? { confirmationAcceptedAt: at } : { confirmationRuledAt: at };
      return {
        patch: { confirmationStage: input.ruling, ...when },
        note: input.note || null,
        changes: { ruling: input.ruling, at: at.toISOString() },
      };
    },
  },
};
