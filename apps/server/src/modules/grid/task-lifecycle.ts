import {
  type CancelTaskInput,
  type CompleteTaskInput,
  GRID_TASK_LIFECYCLE,
  type GridTaskAction,
  type GridTaskState,
  gridTaskPermissionOf,
} from '@shanzhi/shared';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors/app-error.js';
import type {
  LifecycleDefinition,
  LifecycleHandler,
  LifecycleScene,
  TransitionEffect,
} from '../../platform/lifecycle/lifecycle-definition.js';
import { outboxInsertOf } from '../../platform/lifecycle/outbox.tables.js';
import { updateLifecycleRow } from '../../platform/lifecycle/row-writer.js';
import type { TransitionEnvironment } from '../../platform/lifecycle/transition.js';
import { gridFindings, gridTaskEvents, gridTasks } from './grid.tables.js';
import { assertGridRecordInScope } from './grid-scope.policy.js';
import { lockTask, type TaskRow } from './tasks.repository.js';

/** Everything a task action looks at. */
export type TaskScene = LifecycleScene<TaskRow>;
/** What a task action does. */
export type TaskEffect = TransitionEffect<Partial<TaskRow>>;

/** Completing is the grid's own staff's; withdrawing, the assigning org's (or an administrator's). */
const HANDLERS = {
  complete: {
    guard: (scene) =>
      scene.actor.orgKind === 'grid' ? null : new AppError('NOT_GRID_STAFF', '任务须由本网格的网格员完成'),
    async apply(tx, scene, input) {
      if (input.findingId !== undefined) {
        const [finding] = await tx
          .select({ id: gridFindings.id })
          .from(gridFindings)
          .where(and(eq(gridFindings.id, input.findingId), eq(gridFindings.gridId, scene.row.gridId)));
        if (!finding)
          throw new AppError('VALIDATION_FAILED', '关联的网格事件不属于本网格', [
            { field: 'findingId', code: 'not_found', message: '关联的网格事件不属于本网格' },
          ]);
      }
      return {
        patch: { resultNote: input.note, completedAt: scene.now, findingId: input.findingId ?? null },
        note: input.note,
        changes: { findingId: input.findingId ?? null },
      };
    },
  } satisfies LifecycleHandler<TaskScene, CompleteTaskInput, TaskEffect>,
  cancel: {
    guard: ({ actor, row }) =>
      actor.orgId === row.assignedByOrgId || actor.roles.includes('admin')
        ? null
        : new AppError('FORBIDDEN', '只有下派单位可以撤回任务'),
    apply: (_tx, _scene, input) => ({ patch: { resultNote: input.reason }, note: input.reason }),
  } satisfies LifecycleHandler<TaskScene, CancelTaskInput, TaskEffect>,
};

/** The task lifecycle on the shared mechanism. */
export const TASK_DEFINITION: LifecycleDefinition<
  TaskRow,
  GridTaskState,
  GridTaskAction,
  TaskScene,
  TaskEffect,
  TransitionEnvironment
> = {
  lifecycle: GRID_TASK_LIFECYCLE,
  events: { table: gridTaskEvents, tableName: 'grid_task_events', subjectKey: 'taskId' },
  lock: lockTask,
  notFound: (id) => new AppError('TASK_NOT_FOUND', `网格任务 ${id} 不存在`),
  versionConflict: (current) =>
    new AppError('VERSION_CONFLICT', `网格任务已被他人处理（当前版本 ${current}），请刷新后重试`),
  async sceneOf(_tx, actor, row, env) {
    assertGridRecordInScope(actor, row.gridPath);
    return { actor, row, now: env.now };
  },
  permits: (actor, action) => actor.permissions.has(gridTaskPermissionOf(action)),
  handlerOf: (action) =>
    HANDLERS[action as keyof typeof HANDLERS] as LifecycleHandler<TaskScene, never, TaskEffect>,
  outboxRow: (db, after, event) =>
    outboxInsertOf(db, event, { taskId: after.id, state: after.state, gridId: after.gridId }),
  write: (db, id, change, companions) => updateLifecycleRow<TaskRow>(db, gridTasks, id, change, companions),
};
