import { z } from 'zod';
import { actionBody, bodyError, id, optionalText, text } from '../lifecycle/action-body.js';
import { KeysetQuery } from '../lists/list.schemas.js';
import { AdmissionItemCode } from './grid-finding.schemas.js';
import { GridTaskAction, GridTaskState } from './grid-task-lifecycle.js';

/**
 * `POST /api/v1/grid/tasks` 网格任务下派: only an item of the admission list (or a temporary item still in
 * force) may be pushed onto a grid worker.
 */
export const AssignTaskInput = z.strictObject(
  {
    /** the grid whose worker gets it */
    gridId: id('网格'),
    /** 网格事项: the admission-list item the task falls under */
    admissionItemCode: AdmissionItemCode,
    /** 任务标题 */
    title: text('任务标题', 2, 60),
    /** 任务要求 */
    detail: optionalText('任务要求', 1000),
    /** 办理时限, in working days (3 when absent) */
    limitDays: z
      .number()
      .int('时限须为整数')
      .min(1, '时限至少 1 个工作日')
      .max(30, '时限最多 30 个工作日')
      .optional(),
  },
  { error: bodyError },
);
export type AssignTaskInput = z.infer<typeof AssignTaskInput>;

/** `complete` 完成: what was done, and the finding it produced, if any. */
export const CompleteTaskInput = actionBody({
  note: text('完成情况', 2, 1000),
  findingId: id('网格事件').optional(),
});
export type CompleteTaskInput = z.infer<typeof CompleteTaskInput>;

/** `cancel` 撤回. */
export const CancelTaskInput = actionBody({ reason: text('撤回原因', 2, 500) });
export type CancelTaskInput = z.infer<typeof CancelTaskInput>;

/** The body of each action on an existing task. */
export const GRID_TASK_ACTION_INPUTS = { complete: CompleteTaskInput, cancel: CancelTaskInput } as const;
/** An action on an existing task. */
export type GridTaskActionOnTask = keyof typeof GRID_TASK_ACTION_INPUTS;

/** A task as the API shows it, with the actions the caller may take on it. */
export const GridTaskView = z.object({
  id: z.number().int(),
  version: z.number().int(),
  gridId: z.number().int(),
  gridName: z.string(),
  admissionItemCode: z.string(),
  admissionItemName: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  assignedByName: z.string(),
  assignedByOrgName: z.string(),
  state: GridTaskState,
  dueAt: z.string(),
  /** still to do after its deadline */
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  /** the completion note or the reason of a withdrawal */
  resultNote: z.string().nullable(),
  findingId: z.number().int().nullable(),
  createdAt: z.string(),
  actions: z.array(GridTaskAction),
});
export type GridTaskView = z.infer<typeof GridTaskView>;

/** `GET /api/v1/grid/tasks`: nearest deadline first, in the caller's scope. */
export const GridTaskListQuery = KeysetQuery.extend({
  state: GridTaskState.optional(),
  within: z.coerce.number().int().positive().optional(),
  /** only those past their deadline and still to do */
  overdue: z.enum(['true']).optional(),
}).strict();
export type GridTaskListQuery = z.infer<typeof GridTaskListQuery>;

/** `POST /api/v1/grid/admission-extras` 临时准入事项: approved by an administrator, in force until its end date. */
export const AdmissionExtraInput = z.strictObject(
  {
    /** the category (大项) it joins, e.g. `GA03` */
    categoryCode: z.string().regex(/^GA\d{2}$/, '大项编码须形如 GA03'),
    /** 事项名称 */
    name: text('事项名称', 2, 50),
    /** 截止日期 (Beijing day, inclusive) */
    endsOn: z.iso.date({ error: '截止日期须为 YYYY-MM-DD' }),
    /** 审批依据 */
    basis: text('审批依据', 2, 200),
  },
  { error: bodyError },
);
export type AdmissionExtraInput = z.infer<typeof AdmissionExtraInput>;

/** A temporary admission item. */
export const AdmissionExtraView = z.object({
  code: z.string(),
  categoryCode: z.string(),
  name: z.string(),
  endsOn: z.string(),
  basis: z.string(),
  approvedByName: z.string(),
  inForce: z.boolean(),
});
export type AdmissionExtraView = z.infer<typeof AdmissionExtraView>;
