import type { CaseAction, CaseIdleReason } from '@shanzhi/shared';
import type { AppError } from '../../platform/errors/app-error.js';
import { lifecycleActionOptions } from '../../platform/lifecycle/transition.js';
import type { ActionScene } from './case-actions/action-handler.js';
import { CASE_DEFINITION } from './case-lifecycle.js';

/** The actions a user may take on a case now and, when there is none, why. */
export interface CaseActionsView {
  actions: CaseAction[];
  /** why `actions` is empty; null when it is not */
  idleReason: CaseIdleReason | null;
}

/** What a case shows where no action is offered at all (the export). */
export const NO_CASE_ACTIONS: CaseActionsView = { actions: [], idleReason: null };

// The guards' refusals, read as the reason a reader of the case has nothing to do on it: `ownerOnly` refuses
// out of scope (another centre holds it), `leadOnly`/`handlerOnly` forbid (another unit handles it).
function idleReasonOf(refusal: AppError | undefined): CaseIdleReason {
  if (refusal?.code === 'OUT_OF_SCOPE') return 'held_by_other_centre';
  if (refusal?.code === 'FORBIDDEN') return 'with_other_unit';
  return 'not_your_step';
}

/**
 * The actions the actor may take on a case now, for the buttons of the web app (the shared mechanism's rule:
 * table, role, permission, guard) — none on a case he may not read. Without any, the reason is the first
 * guard's refusal, or that the lifecycle has no step for him here.
 */
export function caseActionsOf(scene: ActionScene): CaseActionsView {
  if (!scene.relation.reads) return NO_CASE_ACTIONS;
  const { actions, refusals } = lifecycleActionOptions(CASE_DEFINITION, scene, ['register']);
  return { actions, idleReason: actions.length > 0 ? null : idleReasonOf(refusals[0]) };
}
