import { z } from 'zod';
import { defineLifecycle, type Transition } from '../lifecycle/lifecycle-table.js';

/**
 * States of a grid task (网格任务下派), an item of the admission list pushed onto a grid by a town or a unit:
 * - `assigned`  — 待办理
 * - `done`      — 已完成: the grid worker reported it done
 * - `cancelled` — 已撤回: its assigner withdrew it
 */
export const GRID_TASK_STATES = ['assigned', 'done', 'cancelled'] as const;
export const GridTaskState = z.enum(GRID_TASK_STATES);
export type GridTaskState = z.infer<typeof GridTaskState>;

/** Chinese label of each state. */
export const GRID_TASK_STATE_LABELS: Record<GridTaskState, string> = {
  assigned: '待办理',
  done: '已完成',
  cancelled: '已撤回',
};

/** Every action of a task's lifecycle, in order. */
export const GRID_TASK_ACTIONS = ['assign', 'complete', 'cancel'] as const;
export const GridTaskAction = z.enum(GRID_TASK_ACTIONS);
export type GridTaskAction = z.infer<typeof GridTaskAction>;

/** The task lifecycle as data: towns, units and centres assign; the grid worker completes. */
export const GRID_TASK_TRANSITIONS = {
  assign: { from: [null], to: 'assigned', roles: ['handler', 'dispatcher', 'admin'], label: '下派' },
  complete: { from: ['assigned'], to: 'done', roles: ['grid_worker'], label: '完成' },
  cancel: { from: ['assigned'], to: 'cancelled', roles: ['handler', 'dispatcher', 'admin'], label: '撤回' },
} as const satisfies Record<GridTaskAction, Transition<GridTaskState>>;

/** The task lifecycle for the shared mechanism. */
export const GRID_TASK_LIFECYCLE = defineLifecycle<GridTaskState, GridTaskAction>({
  noun: '网格任务',
  stateLabels: GRID_TASK_STATE_LABELS,
  actions: GRID_TASK_ACTIONS,
  transitions: GRID_TASK_TRANSITIONS,
  events: { assign: 'grid_task.assigned', complete: 'grid_task.completed', cancel: 'grid_task.cancelled' },
});
