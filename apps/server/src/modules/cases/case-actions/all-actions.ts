import type { ActionHandlers } from './action-handler.js';
import { closingActions } from './closing-actions.js';
import { dispatchActions } from './dispatch-actions.js';
import { handlingActions } from './handling-actions.js';
import { linkingActions } from './linking-actions.js';

/** Every lifecycle action's own rules and effect, by action. */
export const ACTION_HANDLERS: ActionHandlers = {
  ...closingActions,
  ...dispatchActions,
  ...handlingActions,
  ...linkingActions,
};
