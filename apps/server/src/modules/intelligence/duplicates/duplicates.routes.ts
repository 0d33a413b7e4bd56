import { DuplicateAnswer, DuplicateCaseQuery, DuplicateDraftInput } from '@shanzhi/shared';
import type { AppContext } from '../../../platform/context.js';
import { actorOf } from '../../../platform/http/authenticate.js';
import { IdParams, STANDARD_ERRORS } from '../../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../../platform/http/types.js';
import { findDuplicatesOfCase, findDuplicatesOfDraft } from './duplicates.service.js';

const tags = ['intelligence'];

/** 重复件查重: for the agent before registering, and for the dispatcher on a stored case (then `merge`). */
export function registerDuplicateRoutes(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/intelligence/duplicates',
    {
      config: { permission: 'intelligence.duplicates' },
      schema: {
        tags,
        summary: '查重 Candidate duplicates of a request before it is registered, best first',
        body: DuplicateDraftInput,
        response: { 200: DuplicateAnswer, ...STANDARD_ERRORS },
      },
    },
    async (request) => findDuplicatesOfDraft(ctx, actorOf(request), request.body),
  );

  app.get(
    '/api/v1/cases/:id/duplicates',
    {
      config: { permission: 'intelligence.duplicates' },
      schema: {
        tags,
        summary: '查重 Candidate duplicates of a case (merge them with the `merge` action)',
        params: IdParams,
        querystring: DuplicateCaseQuery,
        response: { 200: DuplicateAnswer, ...STANDARD_ERRORS },
      },
    },
    async (request) =>
      findDuplicatesOfCase(ctx, actorOf(request), request.params.id, request.query.windowDays),
  );
}
