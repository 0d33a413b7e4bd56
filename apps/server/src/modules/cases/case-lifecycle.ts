import type { WorkingCalendar } from '@shanzhi/shared';
import { CASE_LIFECYCLE, type CaseAction, type CaseState, casePermissionOf } from '@shanzhi/shared';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { ChainHeadColumns } from '../../platform/lifecycle/event-chain.js';
import type { LifecycleDefinition } from '../../platform/lifecycle/lifecycle-definition.js';
import { outbox } from '../../platform/lifecycle/outbox.tables.js';
import type { TransitionEnvironment } from '../../platform/lifecycle/transition.js';
import { caseOutOfScope, isCaseInScope } from './case-access.js';
import type { ActionEffect, ActionHandler, ActionScene } from './case-actions/action-handler.js';
import { ACTION_HANDLERS } from './case-actions/all-actions.js';
import { caseEvents } from './case-events.tables.js';
import { caseOutboxRow, type OutboxCaseFacts } from './case-outbox.js';
import { loadOneCaseOrgs, relationOf } from './case-scope.policy.js';
import type { CaseSettings } from './case-settings.js';
import {
  type CaseRow,
  clearHandlers,
  lockCase,
  replaceHandlers,
  updateCaseWith,
} from './cases.repository.js';

/** What a case's outbox row reads of it as an event leaves it (registration has no stored row yet). */
export type CaseEventOwner = OutboxCaseFacts & ChainHeadColumns;

/** What a case action runs under besides the case: the shared environment, the calendar and the settings. */
export interface CaseActionEnvironment extends TransitionEnvironment {
  calendar: WorkingCalendar;
  settings: CaseSettings;
}

/** 404 for a case that does not exist. */
export function caseNotFound(id: number): AppError {
  return new AppError('CASE_NOT_FOUND', `工单 ${id} 不存在`);
}

/** The handling units after an effect (replaced, cleared or kept): the co-handlers the outbox row names. */
async function settleHandlers(tx: Tx, scene: ActionScene, effect: ActionEffect): Promise<number[]> {
  if (effect.handlers) {
    await replaceHandlers(tx, scene.row.id, effect.handlers.leadUnitId, effect.handlers.coHandlerIds);
    return effect.handlers.coHandlerIds;
  }
  if (effect.handlers === null) {
    await clearHandlers(tx, scene.row.id);
    return [];
  }
  return scene.orgs.coHandlers.map((o) => o.id);
}

/**
 * The case lifecycle on the shared mechanism (`platform/lifecycle`): the table of `packages/shared`, the
 * `case_events` timeline, and what only cases know — their data scope through the orgs concerned, each
 * action's guard and effect (`case-actions/`), the handling units, and the outbox payload.
 */
export const CASE_DEFINITION: LifecycleDefinition<
  CaseRow,
  CaseState,
  CaseAction,
  ActionScene,
  ActionEffect,
  CaseActionEnvironment,
  number[],
  CaseEventOwner
> = {
  lifecycle: CASE_LIFECYCLE,
  events: { table: caseEvents, tableName: 'case_events', subjectKey: 'caseId' },
  lock: lockCase,
  notFound: caseNotFound,
  versionConflict: (current) =>
    new AppError('VERSION_CONFLICT', `工单已被他人处理（当前版本 ${current}），请刷新后重试`),
  async sceneOf(tx, actor, row, env) {
    if (!(await isCaseInScope(tx, actor, row.id))) throw caseOutOfScope();
    const orgs = await loadOneCaseOrgs(tx, row);
    const relation = relationOf(actor, orgs, true);
    return { actor, row, orgs, relation, now: env.now, calendar: env.calendar, settings: env.settings };
  },
  permits: (actor, action) => action !== 'register' && actor.permissions.has(casePermissionOf(action)),
  handlerOf: (action) => ACTION_HANDLERS[action as Exclude<CaseAction, 'register'>] as ActionHandler<never>,
  settle: settleHandlers,
  outboxRow: (db, after, event, coHandlerIds) =>
    db.insert(outbox).values(caseOutboxRow(after, event, coHandlerIds)),
  write: updateCaseWith,
};
