import { availableActions, type CaseAction, type CaseState, casePermissionOf } from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { ActionHandler, ActionScene } from './case-actions/action-handler.js';
import { ACTION_HANDLERS } from './case-actions/all-actions.js';

/**
 * The actions the actor may take on a case now, for the buttons of the web app: those the lifecycle table
 * allows from the case's state for his roles, whose permission he holds, and whose guard lets him (his
 * relation to the case, its data: a pending extension, the return window …). The same guards decide when
 * the action is taken, so a button shown is an action allowed, input aside.
 */
export function availableCaseActions(scene: ActionScene): CaseAction[] {
  if (!scene.relation.reads) return [];
  const actor: Actor = scene.actor;
  return availableActions(scene.row.state as CaseState, actor.roles).filter((action) => {
    if (action === 'register' || !actor.permissions.has(casePermissionOf(action))) return false;
    const handler = ACTION_HANDLERS[action] as ActionHandler<typeof action>;
    return handler.guard(scene) === null;
  });
}
