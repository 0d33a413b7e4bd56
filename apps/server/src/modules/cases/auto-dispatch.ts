import { type Actor, isInScope } from '../../platform/auth/actor.js';
import { platformActorFor } from '../../platform/auth/platform-actor.js';
import type { Tx } from '../../platform/db/database.js';
import type { Classification } from '../intelligence/classify.service.js';
import type { OrgBrief } from '../orgs/org-briefs.repository.js';
import type { CaseActionEnvironment } from './case-lifecycle.js';
import { applyCaseAction } from './case-transition.js';
import type { CaseRow } from './cases.repository.js';

/**
 * 智能派单 as cases decide it: the classifier suggests a unit with its confidence (intelligence), and the
 * case spine acts on the suggestion when its own rule says so — confident enough by the threshold of the
 * case settings, not a police matter, and a unit the owning centre may dispatch to.
 */
export interface AutoDispatch {
  /** the unit the case goes to */
  unitId: number;
  unitName: string;
  /** the classifier's confidence in that unit (0–1) */
  probability: number;
  /** the owning centre acting as the platform */
  actor: Actor;
}

/**
 * Whether a new case is dispatched at once on the classifier's suggestion, and to which unit: only when the
 * suggested unit's confidence reaches `threshold` (null: 智能派单 is off), neither the classifier nor the
 * category calls it a police matter, and the unit lies in the owning centre's scope.
 */
export function decideAutoDispatch(
  suggestion: Classification | null,
  rule: {
    /** 智能派单阈值 of the case settings; null when an administrator switched it off */
    threshold: number | null;
    /** the centre that owns the new case */
    owner: OrgBrief;
    /** the chosen category is a police matter (110) */
    categoryPolice: boolean;
  },
): AutoDispatch | null {
  const unit = suggestion?.unit;
  if (!suggestion || !unit || rule.threshold === null || unit.probability < rule.threshold) return null;
  if (suggestion.police.flagged || rule.categoryPolice) return null;
  // the owning centre as the actor of 智能派单, recorded as 系统
  const actor = platformActorFor(rule.owner, ['case.dispatch'], '系统（智能派单）');
  if (suggestion.unitPath === null || !isInScope(actor, suggestion.unitPath)) return null;
  return { unitId: unit.orgId, unitName: unit.name, probability: unit.probability, actor };
}

/** The suggestion as the register event records it (visible on the case's timeline), with what cases did. */
export function suggestionChanges(
  suggestion: Classification,
  autoDispatch: AutoDispatch | null,
): Record<string, unknown> {
  return {
    category: suggestion.categories[0] ?? null,
    unit: suggestion.unit,
    police: suggestion.police,
    modelVersion: suggestion.modelVersion,
    autoDispatch: autoDispatch !== null,
  };
}

/**
 * 智能派单, inside the registering transaction: dispatches the new case through the lifecycle's own dispatch
 * path as the owning centre, with the confidence in the event's note.
 */
export async function dispatchAutomatically(
  tx: Tx,
  row: CaseRow,
  decision: AutoDispatch,
  env: CaseActionEnvironment,
): Promise<CaseRow> {
  const percent = `${(decision.probability * 100).toFixed(1)}%`;
  return applyCaseAction(
    tx,
    decision.actor,
    row.id,
    'dispatch',
    {
      version: row.version,
      leadUnitId: decision.unitId,
      note: `智能派单：模型建议由「${decision.unitName}」承办，置信度 ${percent}`,
    },
    { ...env, bySystem: true },
  );
}
