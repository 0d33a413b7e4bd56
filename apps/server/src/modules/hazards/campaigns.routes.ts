import {
  CampaignDetail,
  CampaignInput,
  CampaignListQuery,
  CampaignPage,
  InspectorCandidateList,
  InspectorQuery,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { IdParams, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import {
  createCampaign,
  findInspectorCandidates,
  getCampaign,
  listCampaignsForActor,
} from './campaigns.service.js';

const tags = ['safety'];

/** 专项排查: create a campaign (naming its inspectors), the campaigns of the caller's scope, one with its progress. */
export function registerCampaignRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/safety/inspectors',
    {
      config: { permission: 'safety.manage' },
      schema: {
        tags,
        summary:
          '检查人员 Who a campaign may name as inspectors: users of the caller’s scope who may inspect',
        querystring: InspectorQuery,
        response: { 200: InspectorCandidateList, ...STANDARD_ERRORS },
      },
    },
    async (request) => findInspectorCandidates(ctx, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/safety/campaigns',
    {
      config: { permission: 'safety.manage' },
      schema: {
        tags,
        summary:
          '专项排查 Create a campaign: industries, a checklist per industry, enterprises, inspectors, period',
        body: CampaignInput,
        response: { 201: CampaignDetail, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const view = await createCampaign(ctx, actorOf(request), request.body);
      return reply.status(201).header('location', `/api/v1/safety/campaigns/${view.id}`).send(view);
    },
  );
  app.get(
    '/api/v1/safety/campaigns',
    {
      config: { permission: 'safety.read' },
      schema: {
        tags,
        summary:
          '专项排查列表 Campaigns of the caller’s scope and those he inspects for, with their progress',
        querystring: CampaignListQuery,
        response: { 200: CampaignPage, ...STANDARD_ERRORS },
      },
    },
    async (request) => listCampaignsForActor(ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/safety/campaigns/:id',
    {
      config: { permission: 'safety.read' },
      schema: {
        tags,
        summary: '专项排查详情 A campaign with its progress and the enterprises not yet inspected',
        params: IdParams,
        response: { 200: CampaignDetail, ...STANDARD_ERRORS },
      },
    },
    async (request) => getCampaign(ctx, actorOf(request), request.params.id),
  );
}
