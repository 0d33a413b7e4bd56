import {
  CASE_MEDIATION_LIFECYCLE,
  type CaseMediationAction,
  type CaseState,
  type ConvertToDisputeInput,
  type ConvertToDisputeResult,
  canonicalPhone,
  caseMediationPermissionOf,
  DISPUTE_OUTCOME_LABELS,
  type DisputeOutcome,
  type PartyInput,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import type { LifecycleDefinition, LifecycleHandler } from '../../platform/lifecycle/lifecycle-definition.js';
import { runTransition } from '../../platform/lifecycle/transition.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import type { ActionEffect, ActionScene } from '../cases/case-actions/action-handler.js';
import { ownerOnly } from '../cases/case-actions/guards.js';
import { CASE_DEFINITION, type CaseActionEnvironment, type CaseEventOwner } from '../cases/case-lifecycle.js';
import { readCaseSettings } from '../cases/case-settings.js';
import type { CaseRow } from '../cases/cases.repository.js';
import { findCase } from '../cases/cases.repository.js';
import { findDisputeOfCase } from './disputes.repository.js';
import { type PreparedDispute, prepareDispute, writeDispute } from './disputes.service.js';

/** What a case's mediation step runs under: the case environment, and the dispute prepared to convert it to. */
export interface CaseMediationEnvironment extends CaseActionEnvironment {
  ctx: AppContext;
  dispute?: PreparedDispute;
  /** 随调解结案: the dispute and how it ended */
  outcome?: { disputeId: number; disputeNumber: string; outcome: DisputeOutcome };
  /** the dispute the case was already converted to, if any */
  converted?: ConvertedDispute | null;
}

/** The dispute a case was converted to: where the link is kept (the dispute's `case_id`). */
export interface ConvertedDispute {
  id: number;
  number: string;
}

/** The refusal of a second conversion (409 ALREADY_CONVERTED): a case becomes one dispute at most. */
function conversionRefusal(converted: ConvertedDispute | null | undefined): AppError | null {
  return converted ? new AppError('ALREADY_CONVERTED', '该工单已转为调解纠纷') : null;
}

type Scene = ActionScene & { env: CaseMediationEnvironment };
type Handler = LifecycleHandler<Scene, { version: number }, ActionEffect>;

const HANDLERS: Record<CaseMediationAction, Handler> = {
  convert_to_dispute: {
    // the centre holding the case decides its course, as for the spine's steps of its owner
    guard: (scene) => ownerOnly(scene) ?? conversionRefusal(scene.env.converted),
    async apply(tx, scene) {
      const { ctx, dispute } = scene.env;
      if (!dispute) throw new AppError('INTERNAL', 'convert_to_dispute without a prepared dispute');
      const row = await writeDispute(tx, ctx, scene.actor, dispute);
      return { note: `转人民调解：${row.number}`, changes: { disputeId: row.id, disputeNumber: row.number } };
    },
  },
  conclude_by_mediation: {
    guard: () => null,
    apply(_tx, scene) {
      const { outcome } = scene.env;
      if (!outcome) throw new AppError('INTERNAL', 'conclude_by_mediation without an outcome');
      return {
        patch: { closedAt: scene.now },
        note: `随调解结案：${DISPUTE_OUTCOME_LABELS[outcome.outcome]}（纠纷 ${outcome.disputeNumber}）`,
        changes: { ...outcome },
      };
    },
  },
};

/**
 * The case's two mediation steps on the shared mechanism: the spine's definition (its row, timeline, scope,
 * outbox) with the mediation table and handlers in place of the spine's.
 */
export const CASE_MEDIATION_DEFINITION: LifecycleDefinition<
  CaseRow,
  CaseState,
  CaseMediationAction,
  Scene,
  ActionEffect,
  CaseMediationEnvironment,
  number[],
  CaseEventOwner
> = {
  ...(CASE_DEFINITION as unknown as LifecycleDefinition<
    CaseRow,
    CaseState,
    CaseMediationAction,
    Scene,
    ActionEffect,
    CaseMediationEnvironment,
    number[],
    CaseEventOwner
  >),
  lifecycle: CASE_MEDIATION_LIFECYCLE,
  async sceneOf(tx, actor, row, env) {
    return { ...(await CASE_DEFINITION.sceneOf(tx, actor, row, env)), env };
  },
  permits: (actor, action) => actor.permissions.has(caseMediationPermissionOf(action)),
  handlerOf: (action) => HANDLERS[action],
};

/** The environment of a case's mediation step, read before its transaction. */
export async function caseMediationEnvironment(
  ctx: AppContext,
  extra: Pick<CaseMediationEnvironment, 'dispute' | 'outcome' | 'converted'>,
  now = ctx.clock.now(),
): Promise<CaseMediationEnvironment> {
  const [calendar, settings] = await Promise.all([loadWorkingCalendar(ctx), readCaseSettings(ctx)]);
  return { ctx, now, chainKey: ctx.chainKey, calendar, settings, ...extra };
}

/** The case's citizen as the dispute's applicant (his phone, else the case's address, as his contact). */
function applicantOf(row: CaseRow): PartyInput {
  const phone = row.citizenPhone ? canonicalPhone(row.citizenPhone) : null;
  return {
    role: 'applicant',
    kind: 'person',
    name: row.citizenName || '12345来电人',
    phone: phone ?? undefined,
    address: row.address ?? undefined,
  };
}

/**
 * 转人民调解: a 12345 case that is a dispute becomes one (source 12345 工单转入), at the case's community; the
 * case follows it and is concluded with its outcome. Answers the new dispute's id.
 */
export async function convertCaseToDispute(
  ctx: AppContext,
  actor: Actor,
  caseId: number,
  input: ConvertToDisputeInput,
): Promise<ConvertToDisputeResult> {
  const row = await findCase(ctx.db, caseId);
  if (!row) throw CASE_DEFINITION.notFound(caseId);
  const converted = (await findDisputeOfCase(ctx.db, caseId)) ?? null;
  // refused before a dispute is prepared for nothing; the guard asks again when the step is taken
  const refusal = conversionRefusal(converted);
  if (refusal) throw refusal;
  const orgId = input.orgId ?? row.communityId ?? row.townId ?? row.districtId;
  if (!orgId) throw fieldError('orgId', 'required', '工单没有所在村/社区，请选择纠纷发生地');
  const dispute = await prepareDispute(
    ctx,
    actor,
    {
      source: 'case_12345',
      field: input.field ?? 'other',
      title: row.title.slice(0, 100),
      facts: row.description,
      claims: `见 12345 工单 ${row.number}`,
      orgId,
      parties: [applicantOf(row), ...(input.respondent ? [input.respondent] : [])],
    },
    { caseId },
  );
  const env = await caseMediationEnvironment(ctx, { dispute, converted });
  await ctx.db.transaction((tx) =>
    runTransition(
      tx,
      CASE_MEDIATION_DEFINITION,
      actor,
      { id: caseId, action: 'convert_to_dispute', input },
      env,
    ),
  );
  const made = await findDisputeOfCase(ctx.db, caseId);
  return { disputeId: made!.id, caseId };
}
