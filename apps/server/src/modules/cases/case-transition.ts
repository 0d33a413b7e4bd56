import {
  assertTransition,
  CASE_ACTION_EVENTS,
  type CaseAction,
  type CaseActionInput,
  type CaseState,
  CaseTransitionError,
  mayTakeAction,
  type WorkingCalendar,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import type { ActionHandler, ActionScene } from './case-actions/action-handler.js';
import { ACTION_HANDLERS } from './case-actions/all-actions.js';
import { assertCaseReadable, loadOneCaseOrgs, relationOf } from './case-scope.policy.js';
import { type CaseSettings, readCaseSettings } from './case-settings.js';
import { recordEvent } from './case-timeline.js';
import {
  type CaseRow,
  clearHandlers,
  findChainHead,
  lockCase,
  replaceHandlers,
  updateCaseWith,
} from './cases.repository.js';

/** An action other than `register`. */
export type CaseActionOnCase = Exclude<CaseAction, 'register'>;

/** 404 for a case that does not exist. */
export function caseNotFound(id: number): AppError {
  return new AppError('CASE_NOT_FOUND', `工单 ${id} 不存在`);
}

function versionConflict(current: number): AppError {
  return new AppError('VERSION_CONFLICT', `工单已被他人处理（当前版本 ${current}），请刷新后重试`);
}

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
    applyCaseAction(tx, actor, caseId, action, input, { now: ctx.clock.now(), calendar, settings }),
  );
}

/** What an action runs under besides the case: the time and the rules read before the transaction. */
export interface ActionEnvironment {
  now: Date;
  calendar: WorkingCalendar;
  settings: CaseSettings;
  /** the platform acts itself (智能派单): the event records no user */
  bySystem?: boolean;
}

/**
 * The steps of `takeCaseAction` inside a transaction the caller holds. Also used by registration's 智能派单,
 * which dispatches the new case in the registering transaction through this same path.
 */
export async function applyCaseAction<A extends CaseActionOnCase>(
  tx: Tx,
  actor: Actor,
  caseId: number,
  action: A,
  input: CaseActionInput<A>,
  env: ActionEnvironment,
): Promise<CaseRow> {
  const { now, calendar, settings } = env;
  const handler = ACTION_HANDLERS[action] as unknown as ActionHandler<A>;
  const row = await lockCase(tx, caseId);
  if (!row) throw caseNotFound(caseId);
  const head = await findChainHead(tx, caseId);
  const orgs = await loadOneCaseOrgs(tx, row);
  const relation = relationOf(actor, orgs);
  assertCaseReadable(relation);
  if (row.version !== input.version) throw versionConflict(row.version);
  const from = row.state as CaseState;
  const to = assertTransitionAsAppError(from, action);
  if (!mayTakeAction(action, actor.roles)) {
    throw new AppError('FORBIDDEN', '您的角色不能办理此操作');
  }
  const scene: ActionScene = { actor, row, orgs, relation, now, calendar, settings };
  const refusal = handler.guard(scene);
  if (refusal) throw refusal;
  const effect = await handler.apply(tx, scene, input);
  if (effect.handlers) {
    await replaceHandlers(tx, caseId, effect.handlers.leadUnitId, effect.handlers.coHandlerIds);
  } else if (effect.handlers === null) {
    await clearHandlers(tx, caseId);
  }
  const coHandlerIds = effect.handlers
    ? effect.handlers.coHandlerIds
    : effect.handlers === null
      ? []
      : orgs.coHandlers.map((o) => o.id);
  const patch = { ...effect.patch, state: to };
  const { inserts } = recordEvent(
    tx,
    { ...row, ...patch },
    {
      action,
      event: CASE_ACTION_EVENTS[action],
      actorUserId: env.bySystem ? null : actor.userId,
      actorName: actor.displayName,
      actorOrgId: actor.orgId,
      at: now,
      fromState: from,
      toState: to,
      note: effect.note ?? null,
      changes: effect.changes ?? {},
      attachments: effect.attachments ?? [],
    },
    head,
    coHandlerIds,
  );
  return updateCaseWith(tx, caseId, { patch, now, bumpVersion: true }, inserts);
}

/** The lifecycle table's answer, as the API's error. */
function assertTransitionAsAppError(from: CaseState, action: CaseAction): CaseState {
  try {
    return assertTransition(from, action);
  } catch (error) {
    if (error instanceof CaseTransitionError) throw new AppError('TRANSITION_NOT_ALLOWED', error.message);
    throw error;
  }
}
