import type { CaseAction, CaseActionInput, WorkingCalendar } from '@shanzhi/shared';
import type {
  LifecycleHandler,
  LifecycleScene,
  TransitionEffect,
} from '../../../platform/lifecycle/lifecycle-definition.js';
import type { CaseOrgs, CaseRelation } from '../case-scope.policy.js';
import type { CaseSettings } from '../case-settings.js';
import type { CaseRow, NewCaseRow } from '../cases.repository.js';

/** Everything a case action looks at: the locked case, who acts and how he stands to it, the time and rules. */
export interface ActionScene extends LifecycleScene<CaseRow> {
  orgs: CaseOrgs;
  relation: CaseRelation;
  calendar: WorkingCalendar;
  settings: CaseSettings;
}

/** What a case action does to the case and what its timeline event records. */
export interface ActionEffect extends TransitionEffect<Partial<NewCaseRow>> {
  /** the handling units after the action; `null` clears them (a return) */
  handlers?: { leadUnitId: number; coHandlerIds: number[] } | null;
}

/**
 * One case action beyond the table (the shared mechanism's handler): `guard` says whether this actor may
 * take it on this case now (his relation to the case, and conditions on the case's data — no input needed,
 * so the same check picks the buttons of `GET /cases/:id`); `apply` checks the input and returns the effect.
 */
export type ActionHandler<A extends CaseAction> = LifecycleHandler<
  ActionScene,
  CaseActionInput<A>,
  ActionEffect
>;

/** The handlers of all actions but `register`, which creates the case (`register-case.ts`). */
export type ActionHandlers = { [A in Exclude<CaseAction, 'register'>]: ActionHandler<A> };
