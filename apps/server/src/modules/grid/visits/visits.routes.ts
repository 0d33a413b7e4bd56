import {
  IdempotencyKey,
  keysetPageOf,
  MAX_GRID_PHOTO_BYTES,
  RecordVisitInput,
  VisitCoverageAnswer,
  VisitCoverageQuery,
  VisitListQuery,
  VisitView,
} from '@shanzhi/shared';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { actorOf } from '../../../platform/http/authenticate.js';
import { IdParams, STANDARD_ERRORS } from '../../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../../platform/http/types.js';
import { visitCoverageForActor } from './visit-coverage.js';
import { getVisit, listVisitsForActor, recordVisit } from './visits.service.js';

const tags = ['grid'];
/** A visit carries one inline photo (base64, a third larger) besides its text. */
const VISIT_BODY_LIMIT = Math.ceil(MAX_GRID_PHOTO_BYTES * 1.4) + 65_536;
const UploadHeaders = z.object({ 'idempotency-key': IdempotencyKey.optional() });

/** 入户走访: record one (phone or console), the list, one visit, and the coverage per grid. */
export function registerVisitRoutes(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/grid/visits',
    {
      bodyLimit: VISIT_BODY_LIMIT,
      config: { permission: 'grid_visit.record' },
      schema: {
        tags,
        summary:
          '入户走访 Record a household visit; needs marked `report` become findings in the same transaction ' +
          '(Idempotency-Key: a retried upload is 409 ALREADY_RECEIVED with Location)',
        headers: UploadHeaders,
        body: RecordVisitInput,
        response: { 201: VisitView, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const view = await recordVisit(ctx, actorOf(request), request.body, request.headers['idempotency-key']);
      return reply.status(201).header('location', `/api/v1/grid/visits/${view.id}`).send(view);
    },
  );

  app.get(
    '/api/v1/grid/visits',
    {
      config: { permission: 'grid.read' },
      schema: {
        tags,
        summary: '走访记录 Visits in the caller’s scope, newest first (keyset; `houseId`, `visitor=me` …)',
        querystring: VisitListQuery,
        response: { 200: keysetPageOf(VisitView), ...STANDARD_ERRORS },
      },
    },
    async (request) => listVisitsForActor(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/grid/visits/:id',
    {
      config: { permission: 'grid.read' },
      schema: {
        tags,
        summary: '走访详情 A visit with its photo and the findings its needs became',
        params: IdParams,
        response: { 200: VisitView, ...STANDARD_ERRORS },
      },
    },
    async (request) => getVisit(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/grid/visit-coverage',
    {
      config: { permission: 'grid.read' },
      schema: {
        tags,
        summary:
          '走访覆盖率 Per grid, the share of households visited in the last 30 and 90 days (lowest first, paged)',
        querystring: VisitCoverageQuery,
        response: { 200: VisitCoverageAnswer, ...STANDARD_ERRORS },
      },
    },
    async (request) => visitCoverageForActor(ctx, actorOf(request), request.query),
  );
}
