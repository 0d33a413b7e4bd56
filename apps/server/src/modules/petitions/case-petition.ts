import {
  CASE_PETITION_LIFECYCLE,
  type CasePetitionAction,
  type CaseState,
  type ConvertToPetitionInput,
  type ConvertToPetitionResult,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { LifecycleDefinition, LifecycleHandler } from '../../platform/lifecycle/lifecycle-definition.js';
import { runTransition } from '../../platform/lifecycle/transition.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import type { ActionEffect, ActionScene } from '../cases/case-actions/action-handler.js';
import { ownerOnly } from '../cases/case-actions/guards.js';
import { CASE_DEFINITION, type CaseActionEnvironment, type CaseEventOwner } from '../cases/case-lifecycle.js';
import { readCaseSettings } from '../cases/case-settings.js';
import type { CaseRow } from '../cases/cases.repository.js';
import { findCase } from '../cases/cases.repository.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import type { PetitionEnvironment } from './petition-lifecycle.js';
import { readPetitionTimeLimits } from './petition-settings.js';
import { findPetitionOfCase } from './petitions.repository.js';
import { writePetition } from './petitions.service.js';

/** What the conversion runs under: the case environment, the petition's, and what it is converted to. */
interface CasePetitionEnvironment extends CaseActionEnvironment {
  ctx: AppContext;
  petitionEnv: PetitionEnvironment;
  agencyPoint: { id: number; path: string };
  /** the petition the case was already converted to, if any */
  converted: { id: number } | null;
}

type Scene = ActionScene & { env: CasePetitionEnvironment };
type Handler = LifecycleHandler<Scene, ConvertToPetitionInput, ActionEffect>;

/** The refusal of a second conversion (409 ALREADY_CONVERTED): a case becomes one petition at most. */
function conversionRefusal(converted: { id: number } | null): AppError | null {
  return converted ? new AppError('ALREADY_CONVERTED', `该工单已转为信访事项 XF-${converted.id}`) : null;
}

/** The matter of a petition converted from a case: the case's title and what the caller said. */
function matterOf(row: CaseRow): string {
  return `${row.title}\n${row.description}`.slice(0, 4000);
}

const HANDLERS: Record<CasePetitionAction, Handler> = {
  convert_to_petition: {
    // the centre holding the case decides its course, as for the spine's steps of its owner
    guard: (scene) => ownerOnly(scene) ?? conversionRefusal(scene.env.converted),
    async apply(tx, scene, input) {
      const { ctx, petitionEnv, agencyPoint } = scene.env;
      const row = await writePetition(
        tx,
        ctx,
        scene.actor,
        { mode: input.mode ?? 'designated', matter: matterOf(scene.row), petitioners: input.petitioners },
        { source: 'case_12345', caseId: scene.row.id, org: agencyPoint },
        petitionEnv,
      );
      return { note: `转信访代办：XF-${row.id}`, changes: { petitionId: row.id, orgId: agencyPoint.id } };
    },
  },
};

/** The case's petition step on the shared mechanism: the spine's definition with the petition table and handler. */
const CASE_PETITION_DEFINITION: LifecycleDefinition<
  CaseRow,
  CaseState,
  CasePetitionAction,
  Scene,
  ActionEffect,
  CasePetitionEnvironment,
  number[],
  CaseEventOwner
> = {
  ...(CASE_DEFINITION as unknown as LifecycleDefinition<
    CaseRow,
    CaseState,
    CasePetitionAction,
    Scene,
    ActionEffect,
    CasePetitionEnvironment,
    number[],
    CaseEventOwner
  >),
  lifecycle: CASE_PETITION_LIFECYCLE,
  async sceneOf(tx, actor, row, env) {
    return { ...(await CASE_DEFINITION.sceneOf(tx, actor, row, env)), env };
  },
  permits: (actor) => actor.permissions.has('case.convert_to_petition'),
  handlerOf: (action) => HANDLERS[action] as LifecycleHandler<Scene, unknown, ActionEffect>,
};

/**
 * 转信访代办: a 12345 case that is a petition becomes one (source 12345 工单转入) at the agency point named,
 * its petitioners identified; the petition keeps the case's id and the case's timeline records the step.
 */
export async function convertCaseToPetition(
  ctx: AppContext,
  actor: Actor,
  caseId: number,
  input: ConvertToPetitionInput,
): Promise<ConvertToPetitionResult> {
  const row = await findCase(ctx.db, caseId);
  if (!row) throw CASE_DEFINITION.notFound(caseId);
  const converted = (await findPetitionOfCase(ctx.db, caseId)) ?? null;
  const refusal = conversionRefusal(converted);
  if (refusal) throw refusal;
  const org = await loadOrgInScope(ctx.db, actor, input.orgId);
  const now = ctx.clock.now();
  const [calendar, settings, limits] = await Promise.all([
    loadWorkingCalendar(ctx),
    readCaseSettings(ctx),
    readPetitionTimeLimits(ctx),
  ]);
  const env: CasePetitionEnvironment = {
    ctx,
    now,
    chainKey: ctx.chainKey,
    calendar,
    settings,
    petitionEnv: { now, chainKey: ctx.chainKey, limits },
    agencyPoint: { id: org.id, path: org.path },
    converted,
  };
  await ctx.db.transaction((tx) =>
    runTransition(
      tx,
      CASE_PETITION_DEFINITION,
      actor,
      { id: caseId, action: 'convert_to_petition', input },
      env,
    ),
  );
  const made = await findPetitionOfCase(ctx.db, caseId);
  return { petitionId: made!.id, caseId };
}
