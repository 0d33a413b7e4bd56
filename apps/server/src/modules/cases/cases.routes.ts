import {
  ACTION_INPUT_SCHEMAS,
  CASE_ACTION_LABELS,
  CASE_ACTIONS,
  type CaseActionInput,
  CaseDetail,
  CaseListQuery,
  CasePage,
  CasesByPhoneQuery,
  casePermissionOf,
  RegisterInput,
  TimelineVerification,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { IdParams, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import type { CaseFacet } from './case-facets.js';
import { type CaseActionOnCase, takeCaseAction } from './case-transition.js';
import {
  findCasesByPhone,
  getCaseDetail,
  listCasesForActor,
  presentRegisteredCase,
  verifyCaseTimeline,
} from './cases.service.js';
import { registerCase } from './register-case.js';

const tags = ['cases'];

/**
 * The case spine: intake, lists, one case with its timeline, the chain check, and one route per action. A case
 * in full carries the `facets`' steps and fields too (mediation's 转人民调解 and the dispute it became).
 */
export function registerCaseRoutes(app: ApiInstance, ctx: AppContext, facets: readonly CaseFacet[]): void {
  app.post(
    '/api/v1/cases',
    {
      config: { permission: 'case.register' },
      schema: {
        tags,
        summary: '登记工单 Register a case (every channel, one intake)',
        body: RegisterInput,
        response: { 201: CaseDetail, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const registered = await registerCase(ctx, actor, request.body);
      return reply.status(201).send(await presentRegisteredCase(ctx, actor, registered, facets));
    },
  );

  app.get(
    '/api/v1/cases',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: '工单列表 Cases in scope: filters, keyset pages, newest first or nearest deadline first',
        querystring: CaseListQuery,
        response: { 200: CasePage, ...STANDARD_ERRORS },
      },
    },
    async (request) => listCasesForActor(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/cases/by-phone',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: '来电历史 A caller’s earlier cases, newest first (keyset pages), for the agent on the call',
        querystring: CasesByPhoneQuery,
        response: { 200: CasePage, ...STANDARD_ERRORS },
      },
    },
    async (request) => findCasesByPhone(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/cases/:id',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: '工单详情 A case, its timeline and the actions the caller may take now',
        params: IdParams,
        response: { 200: CaseDetail, ...STANDARD_ERRORS },
      },
    },
    async (request) => getCaseDetail(ctx, actorOf(request), request.params.id, { facets }),
  );

  app.get(
    '/api/v1/cases/:id/timeline/verify',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: '校验档案 Recompute the hash chain of a case’s timeline',
        params: IdParams,
        response: {
          200: TimelineVerification,
          ...STANDARD_ERRORS,
        },
      },
    },
    async (request) => verifyCaseTimeline(ctx, actorOf(request), request.params.id),
  );

  for (const action of CASE_ACTIONS) {
    if (action === 'register') continue;
    registerActionRoute(app, ctx, action, facets);
  }
}

/** `POST /api/v1/cases/:id/actions/<action>`: its own permission (`case.<action>`) and body schema. */
function registerActionRoute(
  app: ApiInstance,
  ctx: AppContext,
  action: CaseActionOnCase,
  facets: readonly CaseFacet[],
): void {
  app.post(
    `/api/v1/cases/:id/actions/${action}`,
    {
      config: { permission: casePermissionOf(action) },
      schema: {
        tags,
        summary: `${CASE_ACTION_LABELS[action]} ${action}`,
        params: IdParams,
        body: ACTION_INPUT_SCHEMAS[action],
        response: { 200: CaseDetail, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const input = request.body as CaseActionInput<typeof action>;
      await takeCaseAction(ctx, actor, request.params.id, action, input);
      return getCaseDetail(ctx, actor, request.params.id, { facets, afterAction: true });
    },
  );
}
