import type { CaseAction, CaseActionInput, WorkingCalendar } from '@shanzhi/shared';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Tx } from '../../../platform/db/database.js';
import type { AppError } from '../../../platform/errors/app-error.js';
import type { CaseOrgs, CaseRelation } from '../case-scope.policy.js';
import type { CaseSettings } from '../case-settings.js';
import type { CaseRow, NewCaseRow } from '../cases.repository.js';

/** Everything an action looks at: the locked case, who acts and how he stands to it, the time and rules. */
export interface ActionScene {
  actor: Actor;
  /** the case as locked at the start of the transaction, before the action */
  row: CaseRow;
  orgs: CaseOrgs;
  relation: CaseRelation;
  now: Date;
  calendar: WorkingCalendar;
  settings: CaseSettings;
}

/** What an action does to the case and what its timeline event records. */
export interface ActionEffect {
  /** columns to change (the state is set by the runner from the lifecycle table) */
  patch?: Partial<NewCaseRow>;
  /** the event's note: the reason, the reply, the instructions … */
  note?: string | null;
  /** what the event records beyond the note: the changed fields, the answers given … */
  changes?: Record<string, unknown>;
  /** ids of attachments the action carried */
  attachments?: number[];
  /** the handling units after the action; `null` clears them (a return) */
  handlers?: { leadUnitId: number; coHandlerIds: number[] } | null;
}

/**
 * One lifecycle action beyond the table: `guard` says whether this actor may take it on this case now
 * (his relation to the case, and conditions on the case's data — no input needed, so the same check picks
 * the buttons of `GET /cases/:id`); `apply` checks the input and returns the effect.
 */
export interface ActionHandler<A extends CaseAction> {
  guard(scene: ActionScene): AppError | null;
  apply(tx: Tx, scene: ActionScene, input: CaseActionInput<A>): Promise<ActionEffect> | ActionEffect;
}

/** The handlers of all actions but `register`, which creates the case (`register-case.ts`). */
export type ActionHandlers = { [A in Exclude<CaseAction, 'register'>]: ActionHandler<A> };
