import {
  type AssignTaskInput,
  addWorkingTime,
  type GRID_TASK_ACTION_INPUTS,
  type GridTaskActionOnTask,
  type GridTaskListQuery,
  type GridTaskState,
  type GridTaskView,
  type KeysetPage,
} from '@shanzhi/shared';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { freeTextMaskingFor } from '../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../platform/context.js';
import { fieldError } from '../../platform/errors/app-error.js';
import { decodeCursor, isInstantIdPosition, keysetPage } from '../../platform/http/lists.js';
import {
  availableLifecycleActions,
  runCreation,
  runTransition,
} from '../../platform/lifecycle/transition.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { admittedItem } from './grid-admission.js';
import { assertGridRecordInScope } from './grid-scope.policy.js';
import { TASK_DEFINITION } from './task-lifecycle.js';
import { findTask, insertTask, listTasks, type TaskListRow } from './tasks.repository.js';
import { changeOnce } from './upload-receipts.js';

/** The default 办理时限 of a task, in working days. */
const DEFAULT_TASK_DAYS = 3;

function environment(ctx: AppContext) {
  return { now: ctx.clock.now(), chainKey: ctx.chainKey };
}

function present(actor: Actor, row: TaskListRow, now: Date): GridTaskView {
  const masking = freeTextMaskingFor(actor);
  const env = { now, chainKey: Buffer.alloc(0) };
  return {
    id: row.id,
    version: row.version,
    gridId: row.gridId,
    gridName: row.gridName,
    admissionItemCode: row.admissionItemCode,
    admissionItemName: row.admissionItemName,
    title: masking.text(row.title),
    detail: row.detail && masking.text(row.detail),
    assignedByName: row.assignedByName,
    assignedByOrgName: row.assignedByOrgName,
    state: row.state as GridTaskState,
    dueAt: row.dueAt.toISOString(),
    overdue: row.state === 'assigned' && row.dueAt < now,
    completedAt: row.completedAt?.toISOString() ?? null,
    resultNote: row.resultNote && masking.text(row.resultNote),
    findingId: row.findingId,
    createdAt: row.createdAt.toISOString(),
    actions: availableLifecycleActions(TASK_DEFINITION, { actor, row, now: env.now }, ['assign']),
  };
}

/**
 * 网格任务下派: a town, a unit or a centre pushes an admission-list item onto a grid of its scope, with a
 * deadline in working days by the calendar. An item off the list (or a temporary item past its end) is
 * refused with 400 NOT_ON_ADMISSION_LIST.
 */
export async function assignTask(
  ctx: AppContext,
  actor: Actor,
  input: AssignTaskInput,
): Promise<GridTaskView> {
  const grid = await loadOrgInScope(ctx.db, actor, input.gridId);
  if (grid.kind !== 'grid') throw fieldError('gridId', 'not_a_grid', '任务只能下派到网格');
  const env = environment(ctx);
  const item = await admittedItem(ctx.db, input.admissionItemCode, env.now);
  const calendar = await loadWorkingCalendar(ctx);
  const dueAt = addWorkingTime(calendar, env.now, {
    value: input.limitDays ?? DEFAULT_TASK_DAYS,
    unit: 'working_days',
  });
  const row = await ctx.db.transaction((tx) =>
    runCreation(
      tx,
      TASK_DEFINITION,
      actor,
      'assign',
      (state) =>
        insertTask(tx, {
          gridId: grid.id,
          gridPath: grid.path,
          admissionItemCode: item.code,
          admissionItemName: item.name,
          title: input.title,
          detail: input.detail || null,
          assignedByUserId: actor.userId,
          assignedByName: actor.displayName,
          assignedByOrgId: actor.orgId,
          state,
          dueAt,
          createdAt: env.now,
          updatedAt: env.now,
        }),
      { note: input.title, changes: { admissionItemCode: item.code, dueAt: dueAt.toISOString() } },
      env,
      undefined,
    ),
  );
  return getTask(ctx, actor, row.id);
}

/**
 * Takes an action on a task through the shared mechanism. An action sent again from the phone (same
 * `Idempotency-Key`) is answered 409 ALREADY_RECEIVED and not retaken.
 */
export async function actOnTask<A extends GridTaskActionOnTask>(
  ctx: AppContext,
  actor: Actor,
  id: number,
  action: A,
  input: z.infer<(typeof GRID_TASK_ACTION_INPUTS)[A]>,
  clientKey?: string,
): Promise<GridTaskView> {
  await changeOnce(
    ctx,
    { userId: actor.userId, clientKey, location: `/api/v1/grid/tasks/${id}` },
    async () => environment(ctx),
    (tx, env) => runTransition(tx, TASK_DEFINITION, actor, { id, action, input }, env),
  );
  return getTask(ctx, actor, id);
}

/** A task in the actor's scope. */
export async function getTask(ctx: AppContext, actor: Actor, id: number): Promise<GridTaskView> {
  const row = await findTask(ctx.db, id);
  if (!row) throw TASK_DEFINITION.notFound(id);
  assertGridRecordInScope(actor, row.gridPath);
  return present(actor, row, ctx.clock.now());
}

/** A keyset page of the tasks in the actor's scope, nearest deadline first. */
export async function listTasksForActor(
  ctx: AppContext,
  actor: Actor,
  query: GridTaskListQuery,
): Promise<KeysetPage<GridTaskView>> {
  const withinPath =
    query.within === undefined ? undefined : (await loadOrgInScope(ctx.db, actor, query.within)).path;
  const after = query.cursor ? decodeCursor(query.cursor, isInstantIdPosition) : undefined;
  const now = ctx.clock.now();
  const rows = await listTasks(ctx.db, {
    scopePath: actor.scopePath,
    withinPath,
    state: query.state,
    overdueAt: query.overdue ? now : undefined,
    after: after && { dueAt: new Date(after[0]), id: after[1] },
    limit: query.limit,
  });
  return keysetPage(
    rows,
    query.limit,
    (r) => [r.dueAt.toISOString(), r.id],
    (page) => page.map((r) => present(actor, r, now)),
  );
}
