import {
  AssignmentSuggestion,
  CommitteeList,
  ConvertToDisputeInput,
  ConvertToDisputeResult,
  MediationSettings,
  MediationStatsQuery,
  MediationStatsView,
  MediatorList,
  MediatorListQuery,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { IdParams, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { convertCaseToDispute } from './case-mediation.js';
import { listCommittees, listMediators, suggestAssignment } from './committees.service.js';
import { registerCommitteeAdminRoutes } from './committees-admin.routes.js';
import { registerDisputeRoutes } from './disputes.routes.js';
import { readMediationLimit, writeMediationSettings } from './mediation-settings.js';
import { registerRoomRoutes } from './room.routes.js';
import { mediationStats } from './stats.service.js';
import { registerSubsidyRoutes } from './subsidies.routes.js';

/** Every route of mediation (矛盾纠纷多元化解). */
export function registerMediationRoutes(app: ApiInstance, ctx: AppContext): void {
  registerDisputeRoutes(app, ctx);
  registerRoomRoutes(app, ctx);
  registerCommitteeRoutes(app, ctx);
  registerCommitteeAdminRoutes(app, ctx);
  registerSubsidyRoutes(app, ctx);
  app.post(
    '/api/v1/cases/:id/actions/convert_to_dispute',
    {
      config: { permission: 'case.convert_to_dispute' },
      schema: {
        tags: ['mediation'],
        summary: '转人民调解 A 12345 case that is a dispute becomes one; the case follows it to its end',
        params: IdParams,
        body: ConvertToDisputeInput,
        response: { 200: ConvertToDisputeResult, ...STANDARD_ERRORS },
      },
    },
    async (request) => convertCaseToDispute(ctx, actorOf(request), request.params.id, request.body),
  );
}

/** 调委会与调解员: the committees, their mediators, and the assignment suggested for a dispute. */
function registerCommitteeRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/mediation/committees',
    {
      config: { permission: 'mediation.read' },
      schema: {
        tags: ['mediation'],
        summary: '调委会 The committees in the caller’s scope and above it, with their studios',
        response: { 200: CommitteeList, ...STANDARD_ERRORS },
      },
    },
    async (request) => listCommittees(ctx, actorOf(request)),
  );
  app.get(
    '/api/v1/mediation/settings',
    {
      config: { permission: 'mediation.read' },
      schema: {
        tags: ['mediation'],
        summary: '调解期限 The mediation limit in force',
        response: { 200: MediationSettings, ...STANDARD_ERRORS },
      },
    },
    async () => ({ limit: await readMediationLimit(ctx) }),
  );
  app.put(
    '/api/v1/mediation/settings',
    {
      config: { permission: 'mediation.configure' },
      schema: {
        tags: ['mediation'],
        summary: '设置调解期限 Set the mediation limit (audited)',
        body: MediationSettings,
        response: { 200: MediationSettings, ...STANDARD_ERRORS },
      },
    },
    async (request) => writeMediationSettings(ctx, actorOf(request), request.body),
  );
  app.get(
    '/api/v1/mediation/stats',
    {
      config: { permission: 'mediation.read' },
      schema: {
        tags: ['mediation'],
        summary:
          '调解统计 Received, mediated, agreed, resolution rate, 小事不出村 shares, by field, rankings',
        querystring: MediationStatsQuery,
        response: { 200: MediationStatsView, ...STANDARD_ERRORS },
      },
    },
    async (request) => mediationStats(ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/mediation/mediators',
    {
      config: { permission: 'mediation.read' },
      schema: {
        tags: ['mediation'],
        summary: '调解员 Mediators (of a committee), best first for a field when given',
        querystring: MediatorListQuery,
        response: { 200: MediatorList, ...STANDARD_ERRORS },
      },
    },
    async (request) => listMediators(ctx, request.query),
  );
  app.get(
    '/api/v1/mediation/disputes/:id/assignment',
    {
      config: { permission: 'mediation.read' },
      schema: {
        tags: ['mediation'],
        summary: '指派建议 The committee by territory and field, and its mediators by expertise and load',
        params: IdParams,
        response: { 200: AssignmentSuggestion, ...STANDARD_ERRORS },
      },
    },
    async (request) => suggestAssignment(ctx, actorOf(request), request.params.id),
  );
}
