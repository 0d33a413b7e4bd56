import {
  GRID_FINDING_ACTION_INPUTS,
  GRID_FINDING_TRANSITIONS,
  type GridFindingActionOnFinding,
  GridFindingDetail,
  GridFindingListQuery,
  GridFindingView,
  gridFindingPermissionOf,
  keysetPageOf,
  MAX_GRID_PHOTO_BYTES,
  MAX_GRID_PHOTOS,
  RecordFindingInput,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { fileAnswer, IdParams, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import {
  actOnFinding,
  getFinding,
  listFindingsForActor,
  openGridPhoto,
  recordFinding,
} from './findings.service.js';
import { UploadHeaders } from './patrols.routes.js';

const tags = ['grid'];
// photos come inline (base64, a third larger), up to the limit each: the body may be this large
const PHOTO_BODY_LIMIT = Math.ceil(MAX_GRID_PHOTOS * 2 * MAX_GRID_PHOTO_BYTES * 1.4) + 65_536;

function registerFindingActionRoute(
  app: ApiInstance,
  ctx: AppContext,
  action: GridFindingActionOnFinding,
): void {
  app.post(
    `/api/v1/grid/findings/:id/actions/${action}`,
    {
      bodyLimit: PHOTO_BODY_LIMIT,
      config: { permission: gridFindingPermissionOf(action) },
      schema: {
        tags,
        summary: `${GRID_FINDING_TRANSITIONS[action].label} ${action} (Idempotency-Key: sent again, 409 ALREADY_RECEIVED)`,
        params: IdParams,
        headers: UploadHeaders,
        body: GRID_FINDING_ACTION_INPUTS[action],
        response: { 200: GridFindingDetail, ...STANDARD_ERRORS },
      },
    },
    async (request) =>
      actOnFinding(
        ctx,
        actorOf(request),
        request.params.id,
        action,
        request.body as never,
        request.headers['idempotency-key'],
      ),
  );
}

/** 巡查发现: record from the phone, act on one, the list, one with its timeline, and their photos. */
export function registerFindingRoutes(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/grid/findings',
    {
      bodyLimit: PHOTO_BODY_LIMIT,
      config: { permission: 'grid_finding.record' },
      schema: {
        tags,
        summary:
          '登记发现 Record a finding with photos (Idempotency-Key: a retried upload is 409 ALREADY_RECEIVED)',
        headers: UploadHeaders,
        body: RecordFindingInput,
        response: { 201: GridFindingDetail, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const view = await recordFinding(
        ctx,
        actorOf(request),
        request.body,
        request.headers['idempotency-key'],
      );
      return reply.status(201).header('location', `/api/v1/grid/findings/${view.id}`).send(view);
    },
  );

  for (const action of Object.keys(GRID_FINDING_ACTION_INPUTS) as GridFindingActionOnFinding[]) {
    registerFindingActionRoute(app, ctx, action);
  }

  app.get(
    '/api/v1/grid/findings',
    {
      config: { permission: 'grid.read' },
      schema: {
        tags,
        summary: '网格事件 Findings in the caller’s scope, newest first (keyset)',
        querystring: GridFindingListQuery,
        response: { 200: keysetPageOf(GridFindingView), ...STANDARD_ERRORS },
      },
    },
    async (request) => listFindingsForActor(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/grid/findings/:id',
    {
      config: { permission: 'grid.read' },
      schema: {
        tags,
        summary: '网格事件详情 A finding with its timeline and the actions the caller may take',
        params: IdParams,
        response: { 200: GridFindingDetail, ...STANDARD_ERRORS },
      },
    },
    async (request) => getFinding(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/grid/photos/:id',
    {
      config: { permission: 'grid.read' },
      schema: {
        tags,
        summary: '网格照片 A photo of a finding or a visit (scope-checked through its grid)',
        params: IdParams,
        response: { 200: fileAnswer('image/jpeg', 'The photo, with its type'), ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const photo = await openGridPhoto(ctx, actorOf(request), request.params.id);
      return reply
        .header('content-type', photo.mime)
        .header('content-length', String(photo.size))
        .header('cache-control', 'private, max-age=86400')
        .send(photo.stream);
    },
  );
}
