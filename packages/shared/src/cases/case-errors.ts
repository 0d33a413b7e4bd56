import { TransitionError } from '../lifecycle/lifecycle-table.js';

/**
 * An action that the case lifecycle table does not allow from the case's state: the shared lifecycle's
 * `TransitionError` (TRANSITION_NOT_ALLOWED, HTTP 409); `from` and `action` go to the log, the message to
 * the user.
 */
export const CaseTransitionError = TransitionError;
export type CaseTransitionError = TransitionError;
