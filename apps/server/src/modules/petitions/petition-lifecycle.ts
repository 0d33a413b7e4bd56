import {
  extendDeadline,
  hearingDays,
  isWithin,
  legalDeadline,
  PETITION_LIFECYCLE,
  PETITION_TRANSITIONS,
  type PetitionAction,
  type PetitionActionInput,
  type PetitionActionOnPetition,
  type PetitionState,
  type PetitionTimeLimits,
  petitionPermissionOf,
  type WorkingCalendar,
} from '@shanzhi/shared';
import { type Actor, isInScope } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type {
  LifecycleDefinition,
  LifecycleHandler,
  LifecycleScene,
  TransitionEffect,
} from '../../platform/lifecycle/lifecycle-definition.js';
import { outboxInsertOf } from '../../platform/lifecycle/outbox.tables.js';
import { updateLifecycleRow } from '../../platform/lifecycle/row-writer.js';
import type { TransitionEnvironment } from '../../platform/lifecycle/transition.js';
import type { StoredFile } from '../cases/attachments/attachment-store.js';
import { petitionLightColumnsAfter } from './petition-light.js';
import { lockPetition, type PetitionRow, recordSignedScan } from './petitions.repository.js';
import { petitionEvents, petitions } from './petitions.tables.js';

/** What a petition action runs under: the shared environment, the legal time limits in force, the calendar. */
export interface PetitionEnvironment extends TransitionEnvironment {
  limits: PetitionTimeLimits;
  calendar: WorkingCalendar;
  /** the scan of a signed 委托代办书, already in the attachment store (`attach_signed_entrustment`) */
  scan?: StoredFile;
}

/** Everything a petition action looks at. */
export interface PetitionScene extends LifecycleScene<PetitionRow> {
  limits: PetitionTimeLimits;
  calendar: WorkingCalendar;
  scan?: StoredFile | undefined;
}

/** What a petition action does. */
export type PetitionEffect = TransitionEffect<Partial<PetitionRow>>;

type Handler<A extends PetitionActionOnPetition> = LifecycleHandler<
  PetitionScene,
  PetitionActionInput<A>,
  PetitionEffect
>;

const recordOnly = { guard: () => null };

/** 复查: once, after the first answer, within its window (信访工作条例 art. 35). */
function mayAskReview({ row, now }: PetitionScene): AppError | null {
  if (row.state === 're_reviewed') return reviewsExhausted();
  if (row.state === 'reviewed') {
    return new AppError('PETITION_ALREADY_REVIEWED', '该信访事项已复查，只能在期限内申请复核');
  }
  if (row.reviewRequestDeadline && !isWithin(now, row.reviewRequestDeadline)) {
    return new AppError(
      'PETITION_REVIEW_WINDOW_CLOSED',
      '已超过申请复查期限（收到处理意见之日起 30 日内），不再受理复查请求',
    );
  }
  return null;
}

/** 复核: once, after the review, within its window; after it the same facts and reasons are not accepted. */
function mayAskReReview({ row, now }: PetitionScene): AppError | null {
  if (row.state === 're_reviewed') return reviewsExhausted();
  if (row.reReviewRequestDeadline && !isWithin(now, row.reReviewRequestDeadline)) {
    return new AppError(
      'PETITION_RE_REVIEW_WINDOW_CLOSED',
      '已超过申请复核期限（收到复查意见之日起 30 日内），不再受理复核请求',
    );
  }
  return null;
}

function reviewsExhausted(): AppError {
  return new AppError('PETITION_REVIEWS_EXHAUSTED', '该信访事项已经复核，以同一事实和理由提出的请求不再受理');
}

/** 风险预警: a petition is flagged once until the flag is lifted, and only a flagged one is lifted. */
function riskFlagRefusal(flagging: boolean) {
  return ({ row }: PetitionScene): AppError | null => {
    if (flagging && row.riskFlaggedAt) {
      return new AppError('PETITION_RISK_ALREADY_FLAGGED', '该信访事项已标记风险，如情况变化请先解除');
    }
    if (!flagging && !row.riskFlaggedAt) {
      return new AppError('PETITION_RISK_NOT_FLAGGED', '该信访事项未标记风险');
    }
    return null;
  };
}

/** 待认领: a portal petition is accepted or refused by its agent, once one of the point has taken it. */
function awaitingAgent({ row }: PetitionScene): AppError | null {
  return row.agentUserId === null
    ? new AppError('PETITION_AWAITING_AGENT', '该信访事项尚待认领，请代办员先认领再受理')
    : null;
}

/** 认领: only a petition without an agent is taken. */
function alreadyTaken({ row }: PetitionScene): AppError | null {
  return row.agentUserId === null
    ? null
    : new AppError('PETITION_ALREADY_TAKEN', `该信访事项已由 ${row.agentName ?? '代办员'} 认领`);
}

/** The extension limit: all extensions together stay within the configured maximum (art. 32). */
function extensionLeft({ row, limits }: PetitionScene): number {
  return limits.maxExtensionDays - row.extensionDays;
}

const HANDLERS: { [A in PetitionActionOnPetition]: Handler<A> } = {
  accept: {
    guard: awaitingAgent,
    apply: (_tx, { now, limits }, input) => {
      const answerDeadline = legalDeadline(now, limits.answerDays);
      return {
        patch: { acceptedAt: now, answerDeadline },
        note: input.note || null,
        changes: { answerDeadline: answerDeadline.toISOString() },
      };
    },
  },
  refuse: { guard: awaitingAgent, apply: (_tx, _scene, input) => ({ note: input.reason }) },
  verify: {
    ...recordOnly,
    apply: (_tx, _scene, input) => ({ note: input.findings, changes: { body: input.body } }),
  },
  contact: {
    ...recordOnly,
    apply: (_tx, _scene, input) => ({
      note: input.note,
      changes: { party: input.party, channel: input.channel },
    }),
  },
  extend: {
    guard: (scene) =>
      extensionLeft(scene) > 0
        ? null
        : new AppError(
            'PETITION_EXTENSION_EXCEEDED',
            `答复期限已延长 ${scene.row.extensionDays} 日，不能再延长`,
          ),
    apply: (_tx, scene, input) => {
      const left = extensionLeft(scene);
      if (input.days > left) {
        throw new AppError(
          'PETITION_EXTENSION_EXCEEDED',
          `延长期限合计不得超过 ${scene.limits.maxExtensionDays} 日，本次最多还可延长 ${left} 日`,
        );
      }
      const answerDeadline = extendDeadline(scene.row.answerDeadline!, input.days);
      return {
        patch: { answerDeadline, extensionDays: scene.row.extensionDays + input.days },
        note: input.reason,
        changes: {
          days: input.days,
          approvedBy: input.approvedBy,
          answerDeadline: answerDeadline.toISOString(),
        },
      };
    },
  },
  answer: {
    ...recordOnly,
    apply: (_tx, { now, limits }, input) => ({
      patch: { answeredAt: now, reviewRequestDeadline: legalDeadline(now, limits.reviewRequestDays) },
      note: input.answer,
    }),
  },
  feedback: { ...recordOnly, apply: (_tx, _scene, input) => ({ note: input.note }) },
  request_review: {
    guard: mayAskReview,
    apply: (_tx, { now, limits }, input) => ({
      patch: { reviewRequestedAt: now, reviewDeadline: legalDeadline(now, limits.reviewAnswerDays) },
      note: input.reason,
    }),
  },
  review: {
    ...recordOnly,
    apply: (_tx, { now, limits }, input) => ({
      patch: { reviewedAt: now, reReviewRequestDeadline: legalDeadline(now, limits.reReviewRequestDays) },
      note: input.answer,
    }),
  },
  request_re_review: {
    guard: mayAskReReview,
    apply: (_tx, { now, limits }, input) => ({
      patch: { reReviewRequestedAt: now, reReviewDeadline: legalDeadline(now, limits.reReviewAnswerDays) },
      note: input.reason,
    }),
  },
  start_hearing: {
    ...recordOnly,
    apply: (_tx, { now }, input) => ({ patch: { hearingStartedAt: now }, note: input.note }),
  },
  end_hearing: {
    ...recordOnly,
    apply: (_tx, { row, now }, input) => {
      const days = hearingDays(row.hearingStartedAt!, now);
      const reReviewDeadline = extendDeadline(row.reReviewDeadline!, days);
      return {
        patch: { hearingStartedAt: null, hearingDays: row.hearingDays + days, reReviewDeadline },
        note: input.note,
        changes: { hearingDays: days, reReviewDeadline: reReviewDeadline.toISOString() },
      };
    },
  },
  re_review: {
    ...recordOnly,
    apply: (_tx, { now }, input) => ({ patch: { reReviewedAt: now }, note: input.answer }),
  },
  close: {
    ...recordOnly,
    apply: (_tx, { now }, input) => ({
      patch: { closedAt: now, resolved: input.resolved },
      note: input.note || null,
      changes: { resolved: input.resolved },
    }),
  },
  visit_back: {
    ...recordOnly,
    apply: (_tx, _scene, input) => ({
      patch: { satisfaction: input.satisfaction },
      note: input.note || null,
      changes: { satisfaction: input.satisfaction },
    }),
  },
  flag_risk: {
    guard: riskFlagRefusal(true),
    apply: (_tx, { now }, input) => ({
      patch: { riskFlaggedAt: now, riskKind: input.kind, riskReason: input.reason },
      note: input.reason,
      changes: { riskKind: input.kind },
    }),
  },
  unflag_risk: {
    guard: riskFlagRefusal(false),
    apply: (_tx, { row }, input) => ({
      patch: { riskFlaggedAt: null, riskKind: null, riskReason: null },
      note: input.reason,
      changes: { riskKind: row.riskKind },
    }),
  },
  take: {
    guard: alreadyTaken,
    apply: (_tx, { actor }, input) => ({
      patch: { agentUserId: actor.userId, agentName: actor.displayName },
      note: input.note || null,
      changes: { agentName: actor.displayName },
    }),
  },
  attach_signed_entrustment: {
    // an entrusted petition has its 委托代办书 from registration on
    guard: ({ row }) =>
      row.mode === 'entrusted'
        ? null
        : new AppError('PETITION_NOT_ENTRUSTED', `信访事项 ${row.id} 不是委托代办，没有委托代办书`),
    apply: async (tx, { row, now, scan }) => {
      if (!scan) throw new AppError('INTERNAL', 'attach_signed_entrustment without its scan');
      await recordSignedScan(tx, row.id, scan, now);
      return { changes: { mime: scan.mime, size: scan.size, sha256: scan.sha256 } };
    },
  },
};

/**
 * Each action with the light columns of the limit it leaves running: an action that opens, stops or moves a
 * limit (acceptance, an extension, a review asked, a hearing …) has the lights' scan watch the new one.
 */
function watchedByTheLights<A extends PetitionActionOnPetition>(action: A): Handler<A> {
  const handler = HANDLERS[action];
  const to = PETITION_TRANSITIONS[action].to;
  return {
    guard: handler.guard,
    async apply(tx, scene, input) {
      const effect = await handler.apply(tx, scene, input);
      const state = to === 'same' ? scene.row.state : to;
      const lights = petitionLightColumnsAfter(scene.calendar, scene.row, {
        ...scene.row,
        ...effect.patch,
        state,
      });
      return lights ? { ...effect, patch: { ...effect.patch, ...lights } } : effect;
    },
  };
}

/** Every action's handler as the mechanism runs it, built once (a list asks each row's actions). */
const WATCHED_HANDLERS = Object.fromEntries(
  (Object.keys(HANDLERS) as PetitionActionOnPetition[]).map((action) => [action, watchedByTheLights(action)]),
) as { [A in PetitionActionOnPetition]: Handler<A> };

/** What a petition's outbox row tells its subscribers: the petition, where it is, and the case it follows. */
export interface PetitionOutboxPayload {
  petitionId: number;
  state: string;
  orgId: number;
  /** 谁帮办: the agent, told of its deadlines */
  agentUserId: number | null;
  caseId: number | null;
  /** 化解, once closed */
  resolved: boolean | null;
}

/** Refuses (403 OUT_OF_SCOPE) a petition whose agency point lies outside the actor's data scope. */
export function assertPetitionInScope(actor: Actor, row: Pick<PetitionRow, 'orgPath'>): void {
  if (!isInScope(actor, row.orgPath)) throw new AppError('OUT_OF_SCOPE', '该信访事项不在您的管辖范围内');
}

/**
 * The petition lifecycle on the shared mechanism: the table of `packages/shared`, the `petition_events`
 * timeline, the agency point's data scope, and each action's effect on the legal deadlines.
 */
export const PETITION_DEFINITION: LifecycleDefinition<
  PetitionRow,
  PetitionState,
  PetitionAction,
  PetitionScene,
  PetitionEffect,
  PetitionEnvironment
> = {
  lifecycle: PETITION_LIFECYCLE,
  events: { table: petitionEvents, tableName: 'petition_events', subjectKey: 'petitionId' },
  lock: lockPetition,
  notFound: (id) => new AppError('PETITION_NOT_FOUND', `信访事项 ${id} 不存在`),
  versionConflict: (current) =>
    new AppError('VERSION_CONFLICT', `信访事项已被他人处理（当前版本 ${current}），请刷新后重试`),
  async sceneOf(_tx: Tx, actor: Actor, row, env) {
    assertPetitionInScope(actor, row);
    return { actor, row, now: env.now, limits: env.limits, calendar: env.calendar, scan: env.scan };
  },
  // a citizen registers his own on the portal, with no permission of staff
  permits: (actor, action) =>
    actor.permissions.has(petitionPermissionOf(action)) ||
    (action === 'register' && actor.roles.includes('citizen')),
  handlerOf: (action) => WATCHED_HANDLERS[action as PetitionActionOnPetition] as Handler<never>,
  outboxRow: (db, after, event) =>
    outboxInsertOf(db, event, {
      petitionId: after.id,
      state: after.state,
      orgId: after.orgId,
      agentUserId: after.agentUserId,
      caseId: after.caseId,
      resolved: after.resolved,
    } satisfies PetitionOutboxPayload),
  write: (db, id, change, companions) =>
    updateLifecycleRow<PetitionRow>(db, petitions, id, change, companions),
};
