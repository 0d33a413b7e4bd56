import { z } from 'zod';
import { type Actor, isInScope, scopePathOf } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { type ActionEnvironment, applyCaseAction } from '../cases/case-transition.js';
import type { CaseRow } from '../cases/cases.repository.js';
import { findOrg } from '../orgs/orgs.repository.js';
import { readSetting } from '../settings/settings.repository.js';
import { type Classification, classifyMessage } from './classify.service.js';
import { caseSuggestions } from './intelligence.tables.js';

/** Settings key of the unit confidence above which a new case is dispatched automatically (0–1; > 1 = never). */
export const AUTO_DISPATCH_THRESHOLD_KEY = 'intelligence.auto_dispatch_threshold';
/** The threshold until a city sets its own. */
export const DEFAULT_AUTO_DISPATCH_THRESHOLD = 0.9;

/** What the classifier suggests for a case being registered, and whether the platform dispatches it itself. */
export interface IntakeSuggestion {
  classification: Classification;
  /** the unit to dispatch to automatically, or null (below the threshold, a police matter, out of scope …) */
  autoDispatchUnitId: number | null;
  threshold: number;
  /** the dispatching centre acting as the platform, when auto-dispatching */
  systemActor: Actor | null;
}

/** The auto-dispatch threshold in force. */
export async function readAutoDispatchThreshold(ctx: AppContext): Promise<number> {
  const stored = z
    .number()
    .min(0)
    .safeParse(await readSetting(ctx.db, AUTO_DISPATCH_THRESHOLD_KEY));
  return stored.success ? stored.data : DEFAULT_AUTO_DISPATCH_THRESHOLD;
}

/** The owning centre as the actor of 智能派单: a dispatcher of that centre, recorded as 系统. */
async function systemActorFor(ctx: AppContext, ownerOrgId: number): Promise<Actor | null> {
  const org = await findOrg(ctx.db, ownerOrgId);
  if (!org) return null;
  return {
    userId: 0,
    username: 'system',
    displayName: '系统（智能派单）',
    orgId: org.id,
    orgCode: org.code,
    orgName: org.name,
    orgKind: org.kind,
    roles: ['dispatcher'],
    permissions: new Set(['case.dispatch']),
    scopePath: scopePathOf(org),
    ip: '127.0.0.1',
  };
}

/**
 * The suggestion for a new case, computed before the registering transaction (the model is in memory; the
 * catalog lookups are reads). Never fails registration: a broken model is logged and means no suggestion.
 */
export async function suggestForIntake(
  ctx: AppContext,
  input: { title: string | null; content: string; ownerOrgId: number; categoryPolice: boolean },
): Promise<IntakeSuggestion | null> {
  try {
    const classification = await classifyMessage(ctx, { title: input.title, description: input.content });
    const threshold = await readAutoDispatchThreshold(ctx);
    const unit = classification.unit;
    const confident = unit !== null && unit.probability >= threshold && threshold <= 1;
    const police = classification.police.flagged || input.categoryPolice;
    const systemActor = confident && !police ? await systemActorFor(ctx, input.ownerOrgId) : null;
    const reachable =
      systemActor !== null &&
      classification.unitPath !== null &&
      isInScope(systemActor, classification.unitPath);
    return {
      classification,
      autoDispatchUnitId: reachable && unit ? unit.orgId : null,
      threshold,
      systemActor: reachable ? systemActor : null,
    };
  } catch (error) {
    ctx.logger.error({ err: error }, 'intake classification failed; registering without a suggestion');
    return null;
  }
}

/** The suggestion as the register event records it (visible on the case's timeline). */
export function suggestionChanges(suggestion: IntakeSuggestion): Record<string, unknown> {
  const { classification: c } = suggestion;
  return {
    category: c.categories[0] ?? null,
    unit: c.unit,
    police: c.police,
    modelVersion: c.modelVersion,
    autoDispatch: suggestion.autoDispatchUnitId !== null,
  };
}

/**
 * Inside the registering transaction: stores the suggestion and, when it is confident enough, dispatches the
 * case (智能派单) through the lifecycle's own dispatch path, with the confidence in the event's note.
 */
export async function applyIntakeSuggestion(
  tx: Tx,
  row: CaseRow,
  suggestion: IntakeSuggestion,
  env: ActionEnvironment,
): Promise<CaseRow> {
  const c = suggestion.classification;
  const top = c.categories[0];
  await tx.insert(caseSuggestions).values({
    caseId: row.id,
    categoryId: top?.categoryId ?? null,
    categoryConfidence: top?.probability ?? null,
    unitId: c.unit?.orgId ?? null,
    unitConfidence: c.unit?.probability ?? null,
    policeFlagged: c.police.flagged,
    policeScore: c.police.score,
    policeReasons: c.police.reasons,
    categoryModelVersion: c.modelVersion,
    unitModelVersion: c.unitModelVersion,
    autoDispatched: suggestion.autoDispatchUnitId !== null,
    createdAt: env.now,
  });
  if (suggestion.autoDispatchUnitId === null || !suggestion.systemActor || !c.unit) return row;
  const percent = `${(c.unit.probability * 100).toFixed(1)}%`;
  return applyCaseAction(
    tx,
    suggestion.systemActor,
    row.id,
    'dispatch',
    {
      version: row.version,
      leadUnitId: suggestion.autoDispatchUnitId,
      note: `智能派单：模型建议由「${c.unit.name}」承办，置信度 ${percent}`,
    },
    { ...env, bySystem: true },
  );
}
