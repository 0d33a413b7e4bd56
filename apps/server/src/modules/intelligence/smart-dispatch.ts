import { type Actor, isInScope, scopePathOf } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx, Tx } from '../../platform/db/database.js';
import { type ActionEnvironment, applyCaseAction } from '../cases/case-transition.js';
import type { CaseRow, OrgBrief } from '../cases/cases.repository.js';
import { type Classification, classifyMessage } from './classify.service.js';
import { caseSuggestions } from './intelligence.tables.js';

/** What the classifier suggests for a case being registered, and whether the platform dispatches it itself. */
export interface IntakeSuggestion {
  classification: Classification;
  /** the unit to dispatch to automatically, or null (below the threshold, a police matter, out of scope …) */
  autoDispatchUnitId: number | null;
  /** the dispatching centre acting as the platform, when auto-dispatching */
  systemActor: Actor | null;
}

/** The owning centre as the actor of 智能派单: a dispatcher of that centre, recorded as 系统. */
function systemActorFor(owner: OrgBrief): Actor {
  return {
    userId: 0,
    username: 'system',
    displayName: '系统（智能派单）',
    orgId: owner.id,
    orgCode: owner.code,
    orgName: owner.name,
    orgKind: owner.kind,
    orgPath: owner.path,
    roles: ['dispatcher'],
    permissions: new Set(['case.dispatch']),
    scopePath: scopePathOf(owner),
    ip: '127.0.0.1',
  };
}

/**
 * The suggestion for a new case, computed before the registering statement (the model is in memory; the
 * label mapping and the threshold are cached). Never fails registration: a broken model is logged and means
 * no suggestion.
 */
export async function suggestForIntake(
  ctx: AppContext,
  input: {
    title: string | null;
    content: string;
    owner: OrgBrief;
    categoryPolice: boolean;
    /** the auto-dispatch threshold in force (the case settings); null: automatic dispatch is off */
    threshold: number | null;
  },
): Promise<IntakeSuggestion | null> {
  try {
    const classification = await classifyMessage(ctx, { title: input.title, description: input.content });
    const { threshold } = input;
    const unit = classification.unit;
    const confident = unit !== null && threshold !== null && unit.probability >= threshold;
    const police = classification.police.flagged || input.categoryPolice;
    const systemActor = confident && !police ? systemActorFor(input.owner) : null;
    const reachable =
      systemActor !== null &&
      classification.unitPath !== null &&
      isInScope(systemActor, classification.unitPath);
    return {
      classification,
      autoDispatchUnitId: reachable && unit ? unit.orgId : null,
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

/** The insert of a new case's suggestion (a training signal later), for the registration's own statement. */
export function suggestionInsert(db: DbOrTx, caseId: number, suggestion: IntakeSuggestion, now: Date) {
  const c = suggestion.classification;
  const top = c.categories[0];
  return db.insert(caseSuggestions).values({
    caseId,
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
    createdAt: now,
  });
}

/**
 * 智能派单, inside the registering transaction: dispatches the new case through the lifecycle's own dispatch
 * path, with the confidence in the event's note. Only for a suggestion confident enough
 * (`autoDispatchUnitId` set).
 */
export async function dispatchOnSuggestion(
  tx: Tx,
  row: CaseRow,
  suggestion: IntakeSuggestion,
  env: ActionEnvironment,
): Promise<CaseRow> {
  const unit = suggestion.classification.unit;
  if (suggestion.autoDispatchUnitId === null || !suggestion.systemActor || !unit) return row;
  const percent = `${(unit.probability * 100).toFixed(1)}%`;
  return applyCaseAction(
    tx,
    suggestion.systemActor,
    row.id,
    'dispatch',
    {
      version: row.version,
      leadUnitId: suggestion.autoDispatchUnitId,
      note: `智能派单：模型建议由「${unit.name}」承办，置信度 ${percent}`,
    },
    { ...env, bySystem: true },
  );
}
