import {
  CASE_PETITION_LIFECYCLE,
  type CasePetitionAction,
  type CaseState,
  type ConvertToPetitionInput,
  type ConvertToPetitionResult,
  petitionNumber,
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

/** What a case's petition step runs under: the case environment, and what it converts to or concludes with. */
export interface CasePetitionEnvironment extends CaseActionEnvironment {
  ctx: AppContext;
  /** 转信访代办: the petition's environment and the agency point it goes to */
  conversion?: { petitionEnv: PetitionEnvironment; agencyPoint: { id: number; path: string } };
  /** 随信访办结: the petition closed and whether it was resolved */
  outcome?: { petitionId: number; resolved: boolean | null };
  /** the petition the case was already converted to, if any */
  converted?: { id: number } | null;
}

type Scene = ActionScene & { env: CasePetitionEnvironment };
type Handler = LifecycleHandler<Scene, ConvertToPetitionInput | { version: number }, ActionEffect>;

/** The refusal of a second conversion (409 ALREADY_CONVERTED): a case becomes one petition at most. */
function conversionRefusal(converted: { id: number } | null | undefined): AppError | null {
  return converted
    ? new AppError('ALREADY_CONVERTED', `该工单已转为信访事项 ${petitionNumber(converted.id)}`)
    : null;
}

/** The matter of a petition converted from a case: the case's title and what the caller said. */
function matterOf(row: CaseRow): string {
  return `${row.title}\n${row.description}`.slice(0, 4000);
}

const HANDLERS: Record<CasePetitionAction, Handler> = {
  convert_to_petition: {
    // the centre holding the case decides its course, as for the spine's steps of its owner
    guard: (scene) => ownerOnly(scene) ?? conversionRefusal(scene.env.converted),
    async apply(tx, scene, body) {
      const { ctx, conversion } = scene.env;
      if (!conversion) throw new AppError('INTERNAL', 'convert_to_petition without an agency point');
      const input = body as ConvertToPetitionInput;
      const row = await writePetition(
        tx,
        ctx,
        scene.actor,
        {
          mode: input.mode ?? 'designated',
          matter: input.matter || matterOf(scene.row),
          petitioners: input.petitioners,
        },
        { source: 'case_12345', caseId: scene.row.id, org: conversion.agencyPoint },
        conversion.petitionEnv,
      );
      return {
        note: `转信访代办：${petitionNumber(row.id)}`,
        changes: { petitionId: row.id, orgId: conversion.agencyPoint.id },
      };
    },
  },
  conclude_by_petition: {
    guard: () => null,
    apply(_tx, scene) {
      const { outcome } = scene.env;
      if (!outcome) throw new AppError('INTERNAL', 'conclude_by_petition without a closed petition');
      const verdict = outcome.resolved ? '已化解' : '未化解';
      return {
        patch: { closedAt: scene.now },
        note: `随信访办结：${petitionNumber(outcome.petitionId)}（${verdict}）`,
        changes: { ...outcome },
      };
    },
  },
};

/** The case's petition steps on the shared mechanism: the spine's definition with the petition table and handlers. */
export const CASE_PETITION_DEFINITION: LifecycleDefinition<
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
  permits: (actor, action) => actor.permissions.has(`case.${action}`),
  handlerOf: (action) => HANDLERS[action] as LifecycleHandler<Scene, unknown, ActionEffect>,
};

/** The case environment of a petition step at `now`, read before its transaction. */
export async function casePetitionEnvironment(ctx: AppContext, now: Date): Promise<CasePetitionEnvironment> {
  const [calendar, settings] = await Promise.all([loadWorkingCalendar(ctx), readCaseSettings(ctx)]);
  return { ctx, now, chainKey: ctx.chainKey, calendar, settings };
}

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
  const base = await casePetitionEnvironment(ctx, ctx.clock.now());
  const limits = await readPetitionTimeLimits(ctx);
  const env: CasePetitionEnvironment = {
    ...base,
    conversion: {
      petitionEnv: { now: base.now, chainKey: ctx.chainKey, limits, calendar: base.calendar },
      agencyPoint: { id: org.id, path: org.path },
    },
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
