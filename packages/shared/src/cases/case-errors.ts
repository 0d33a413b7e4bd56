import type { ErrorCode } from '../errors/error-codes.js';
import type { CaseAction } from './case-actions.js';
import type { CaseState } from './case-states.js';

/**
 * An action that the lifecycle table does not allow from the case's state. The server maps it to
 * `TRANSITION_NOT_ALLOWED` (HTTP 409); `from` and `action` go to the log, the message to the user.
 */
export class CaseTransitionError extends Error {
  /** stable error code, see `ERROR_CODES` */
  readonly code = 'TRANSITION_NOT_ALLOWED' satisfies ErrorCode;
  /** the state the case was in; `null` when there is no case yet */
  readonly from: CaseState | null;
  /** the refused action */
  readonly action: CaseAction;

  constructor(from: CaseState | null, action: CaseAction, message: string) {
    super(message);
    this.name = 'CaseTransitionError';
    this.from = from;
    this.action = action;
  }
}
