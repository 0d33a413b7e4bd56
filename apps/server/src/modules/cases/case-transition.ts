import type { CaseAction, CaseActionInput } from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { runTransition } from '../../platform/lifecycle/transition.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { CASE_DEFINITION, type CaseActionEnvironment } from './case-lifecycle.js';
import { readCaseSettings } from './case-settings.js';
import type { CaseRow } from './cases.repository.js';

/** An action other than `register`. */
export type CaseActionOnCase = Exclude<CaseAction, 'register'>;

/**
 * Takes one lifecycle action on a case, all in one transaction: lock the row → refuse a case outside the
 * actor's scope (403 OUT_OF_SCOPE) → compare versions (409 VERSION_CONFLICT) → assert the transition
 * (409 TRANSITION_NOT_ALLOWED) → the actor's role (403 FORBIDDEN) → the action's own guard (his relation to
 * the case, the case's data) → the effect → the chained timeline event → the outbox row. Anything refused
 * rolls back: a refused action leaves no trace on the case.
 */
export async function takeCaseAction<A extends CaseActionOnCase>(
  ctx: AppContext,
  actor: Actor,
  caseId: number,
  action: A,
  input: CaseActionInput<A>,
): Promise<CaseRow> {
  // Read outside the transaction: on PGlite a second query during a transaction would wait for it.
  const [calendar, settings] = await Promise.all([loadWorkingCalendar(ctx), readCaseSettings(ctx)]);
  return ctx.db.transaction((tx) =>
    applyCaseAction(tx, actor, caseId, action, input, {
      now: ctx.clock.now(),
      calendar,
      settings,
      chainKey: ctx.chainKey,
    }),
  );
}

/**
 * The steps of `takeCaseAction` inside a transaction the caller holds: the shared mechanism's transition on
 * the case definition. Also used by registration's 智能派单, which dispatches the new case in the
 * registering transaction through this same path.
 */
export async function applyCaseAction<A extends CaseActionOnCase>(
  tx: Tx,
  actor: Actor,
  caseId: number,
  action: A,
  input: CaseActionInput<A>,
  env: CaseActionEnvironment,
): Promise<CaseRow> {
  return runTransition(tx, CASE_DEFINITION, actor, { id: caseId, action, input }, env);
}
