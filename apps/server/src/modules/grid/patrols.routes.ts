import {
  EndPatrolInput,
  IdempotencyKey,
  keysetPageOf,
  MissedPatrolItem,
  MissedPatrolQuery,
  PatrolDetail,
  PatrolListQuery,
  PatrolPlanInput,
  PatrolPlanListQuery,
  PatrolPlanView,
  PatrolView,
  pageOf,
  StartPatrolInput,
  TrackAnswer,
  TrackInput,
} from '@shanzhi/shared';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { IdParams, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import {
  addTrackPoints,
  endPatrol,
  getPatrol,
  listMissedPatrols,
  listPatrolPlansForActor,
  listPatrolsForActor,
  setPatrolPlan,
  startPatrol,
} from './patrols.service.js';

const tags = ['grid'];

/** The `Idempotency-Key` a phone sends with an upload it may retry. */
export const UploadHeaders = z.object({ 'idempotency-key': IdempotencyKey.optional() });

/** 巡查: start, track, end; the list, one patrol with its route, missed patrols and the plans. */
export function registerPatrolRoutes(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/grid/patrols',
    {
      config: { permission: 'grid.patrol' },
      schema: {
        tags,
        summary:
          '开始巡查 Start a patrol of one’s own grid (Idempotency-Key: a retried start is 409 ALREADY_RECEIVED)',
        headers: UploadHeaders,
        body: StartPatrolInput,
        response: { 201: PatrolView, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const view = await startPatrol(ctx, actorOf(request), request.body, request.headers['idempotency-key']);
      return reply.status(201).header('location', `/api/v1/grid/patrols/${view.id}`).send(view);
    },
  );

  app.post(
    '/api/v1/grid/patrols/:id/track',
    {
      config: { permission: 'grid.patrol' },
      schema: {
        tags,
        summary: '巡查轨迹 A batch of GPS points (a point sent again is skipped; outside the grid: flagged)',
        params: IdParams,
        body: TrackInput,
        response: { 200: TrackAnswer, ...STANDARD_ERRORS },
      },
    },
    async (request) => addTrackPoints(ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/grid/patrols/:id/end',
    {
      config: { permission: 'grid.patrol' },
      schema: {
        tags,
        summary: '结束巡查 End a patrol (Idempotency-Key: an end sent again is 409 ALREADY_RECEIVED)',
        params: IdParams,
        headers: UploadHeaders,
        body: EndPatrolInput,
        response: { 200: PatrolView, ...STANDARD_ERRORS },
      },
    },
    async (request) =>
      endPatrol(ctx, actorOf(request), request.params.id, request.body, request.headers['idempotency-key']),
  );

  app.get(
    '/api/v1/grid/patrols',
    {
      config: { permission: 'grid.read' },
      schema: {
        tags,
        summary: '巡查记录 Patrols in the caller’s scope, newest first (keyset)',
        querystring: PatrolListQuery,
        response: { 200: keysetPageOf(PatrolView), ...STANDARD_ERRORS },
      },
    },
    async (request) => listPatrolsForActor(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/grid/patrols/missed',
    {
      config: { permission: 'grid.read' },
      schema: {
        tags,
        summary: '漏巡 Grids that did fewer patrols than planned on a day (yesterday by default)',
        querystring: MissedPatrolQuery,
        response: { 200: z.object({ items: z.array(MissedPatrolItem) }), ...STANDARD_ERRORS },
      },
    },
    async (request) => ({ items: await listMissedPatrols(ctx, actorOf(request), request.query) }),
  );

  app.get(
    '/api/v1/grid/patrols/:id',
    {
      config: { permission: 'grid.read' },
      schema: {
        tags,
        summary: '巡查详情 A patrol with its route',
        params: IdParams,
        response: { 200: PatrolDetail, ...STANDARD_ERRORS },
      },
    },
    async (request) => getPatrol(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/grid/patrol-plans',
    {
      config: { permission: 'grid.read' },
      schema: {
        tags,
        summary: '巡查计划列表 The grids of the caller’s scope with how many patrols each requires per day',
        querystring: PatrolPlanListQuery,
        response: { 200: pageOf(PatrolPlanView), ...STANDARD_ERRORS },
      },
    },
    async (request) => listPatrolPlansForActor(ctx, actorOf(request), request.query),
  );

  app.put(
    '/api/v1/grid/patrol-plans/:id',
    {
      config: { permission: 'grid_plan.write' },
      schema: {
        tags,
        summary:
          '巡查计划 How many patrols a grid requires per day, from today on (earlier days keep their plan)',
        params: IdParams,
        body: PatrolPlanInput,
        response: {
          200: z.object({ gridId: z.number().int(), perDay: z.number().int() }),
          ...STANDARD_ERRORS,
        },
      },
    },
    async (request) => setPatrolPlan(ctx, actorOf(request), request.params.id, request.body.perDay),
  );
}
