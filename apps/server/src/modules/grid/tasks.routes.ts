import {
  AdmissionExtraInput,
  AdmissionExtraView,
  AssignTaskInput,
  GRID_TASK_ACTION_INPUTS,
  GRID_TASK_TRANSITIONS,
  type GridTaskActionOnTask,
  GridTaskListQuery,
  GridTaskView,
  gridTaskPermissionOf,
  keysetPageOf,
} from '@shanzhi/shared';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { IdParams, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { addAdmissionExtra, listAdmissionExtras } from './grid-admission.js';
import { UploadHeaders } from './patrols.routes.js';
import { actOnTask, assignTask, getTask, listTasksForActor } from './tasks.service.js';

const tags = ['grid'];

/** 网格任务下派 and the admission list's temporary items. */
export function registerTaskRoutes(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/grid/tasks',
    {
      config: { permission: 'grid_task.assign' },
      schema: {
        tags,
        summary:
          '下派任务 Push an admission-list item onto a grid (anything off the list: 400 NOT_ON_ADMISSION_LIST)',
        body: AssignTaskInput,
        response: { 201: GridTaskView, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => reply.status(201).send(await assignTask(ctx, actorOf(request), request.body)),
  );

  for (const action of Object.keys(GRID_TASK_ACTION_INPUTS) as GridTaskActionOnTask[]) {
    app.post(
      `/api/v1/grid/tasks/:id/actions/${action}`,
      {
        config: { permission: gridTaskPermissionOf(action) },
        schema: {
          tags,
          summary: `${GRID_TASK_TRANSITIONS[action].label} ${action} (Idempotency-Key: sent again, 409 ALREADY_RECEIVED)`,
          params: IdParams,
          headers: UploadHeaders,
          body: GRID_TASK_ACTION_INPUTS[action],
          response: { 200: GridTaskView, ...STANDARD_ERRORS },
        },
      },
      async (request) =>
        actOnTask(
          ctx,
          actorOf(request),
          request.params.id,
          action,
          request.body as never,
          request.headers['idempotency-key'],
        ),
    );
  }

  app.get(
    '/api/v1/grid/tasks',
    {
      config: { permission: 'grid.read' },
      schema: {
        tags,
        summary: '网格任务 Tasks in the caller’s scope, nearest deadline first (keyset)',
        querystring: GridTaskListQuery,
        response: { 200: keysetPageOf(GridTaskView), ...STANDARD_ERRORS },
      },
    },
    async (request) => listTasksForActor(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/grid/tasks/:id',
    {
      config: { permission: 'grid.read' },
      schema: {
        tags,
        summary: '网格任务详情 A task',
        params: IdParams,
        response: { 200: GridTaskView, ...STANDARD_ERRORS },
      },
    },
    async (request) => getTask(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/grid/admission-extras',
    {
      config: { permission: 'grid.read' },
      schema: {
        tags,
        summary: '临时准入事项 The admission list’s temporary items, with whether each is in force',
        response: { 200: z.object({ items: z.array(AdmissionExtraView) }), ...STANDARD_ERRORS },
      },
    },
    async () => ({ items: await listAdmissionExtras(ctx) }),
  );

  app.post(
    '/api/v1/grid/admission-extras',
    {
      config: { permission: 'grid_admission.write' },
      schema: {
        tags,
        summary: '新增临时准入事项 Add a temporary item to the admission list until an end date (audited)',
        body: AdmissionExtraInput,
        response: { 201: AdmissionExtraView, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addAdmissionExtra(ctx, actorOf(request), request.body)),
  );
}
