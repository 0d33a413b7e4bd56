import {
  CreateOrgInput,
  GridStaffAnswer,
  LocatedPointView,
  LocateQuery,
  OrgDetail,
  OrgListQuery,
  OrgSummary,
  OrgTreeLevel,
  OrgTreeQuery,
  OrgVersionInput,
  pageOf,
  SetGridStaffInput,
  UpdateOrgInput,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { IdParams, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import {
  presentGridStaff,
  presentLocatedChain,
  presentOrgDetail,
  presentOrgRow,
  presentOrgSummary,
} from './orgs.presenter.js';
import {
  createOrg,
  getOrgDetail,
  listOrgsForActor,
  listTreeLevel,
  locatePoint,
  setGridStaff,
  setOrgActive,
  updateOrg,
} from './orgs.service.js';

const tags = ['orgs'];

/** The org tree: lists, lazy tree, detail, admin writes, grid staff, and locating a point. */
export function registerOrgRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/orgs',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: '组织列表 Orgs in scope (filter by kind, parent, subtree, name)',
        querystring: OrgListQuery,
        response: { 200: pageOf(OrgSummary), ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const query = request.query;
      const { rows, total } = await listOrgsForActor(ctx, actorOf(request), query);
      return { items: rows.map(presentOrgSummary), total, page: query.page, pageSize: query.pageSize };
    },
  );

  app.get(
    '/api/v1/orgs/tree',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: '组织树（按层加载）One level of the tree: the scope root, or the children of parentId',
        querystring: OrgTreeQuery,
        response: { 200: OrgTreeLevel, ...STANDARD_ERRORS },
      },
    },
    async (request) => ({
      items: (await listTreeLevel(ctx, actorOf(request), request.query.parentId)).map(presentOrgSummary),
    }),
  );

  app.get(
    '/api/v1/orgs/locate',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: '坐标定位网格 The grid, community, town and district of a point (GCJ-02)',
        querystring: LocateQuery,
        response: { 200: LocatedPointView, ...STANDARD_ERRORS },
      },
    },
    async (request) => presentLocatedChain(await locatePoint(ctx, actorOf(request), request.query)),
  );

  app.get(
    '/api/v1/orgs/:id',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: '组织详情 One org',
        params: IdParams,
        response: { 200: OrgDetail, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return presentOrgDetail(await getOrgDetail(ctx, actor, request.params.id), actor);
    },
  );

  app.get(
    '/api/v1/orgs/:id/subtree',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: '下级组织 Everything below an org (paged; filter by kind)',
        params: IdParams,
        querystring: OrgListQuery.omit({ within: true }),
        response: { 200: pageOf(OrgSummary), ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const query = { ...request.query, within: request.params.id };
      const { rows, total } = await listOrgsForActor(ctx, actorOf(request), query);
      return { items: rows.map(presentOrgSummary), total, page: query.page, pageSize: query.pageSize };
    },
  );

  app.post(
    '/api/v1/orgs',
    {
      config: { permission: 'org.write' },
      schema: {
        tags,
        summary: '新建组织 Create an org',
        body: CreateOrgInput,
        response: { 201: OrgSummary, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const row = await createOrg(ctx, actorOf(request), request.body);
      return reply.status(201).send(presentOrgRow(row));
    },
  );

  app.patch(
    '/api/v1/orgs/:id',
    {
      config: { permission: 'org.write' },
      schema: {
        tags,
        summary: '修改组织 Change an org (a new parent moves its subtree)',
        params: IdParams,
        body: UpdateOrgInput,
        response: { 200: OrgSummary, ...STANDARD_ERRORS },
      },
    },
    async (request) => presentOrgRow(await updateOrg(ctx, actorOf(request), request.params.id, request.body)),
  );

  for (const [verb, active] of [
    ['deactivate', false],
    ['activate', true],
  ] as const) {
    app.post(
      `/api/v1/orgs/:id/${verb}`,
      {
        config: { permission: 'org.write' },
        schema: {
          tags,
          summary: active ? '启用组织 Re-activate an org' : '停用组织 Deactivate an org',
          params: IdParams,
          body: OrgVersionInput,
          response: { 200: OrgSummary, ...STANDARD_ERRORS },
        },
      },
      async (request) =>
        presentOrgRow(
          await setOrgActive(ctx, actorOf(request), request.params.id, active, request.body.version),
        ),
    );
  }

  app.put(
    '/api/v1/orgs/:id/staff',
    {
      config: { permission: 'org.write' },
      schema: {
        tags,
        summary: '设置网格力量 Set a grid’s staff (一格一长一警一专多兼)',
        params: IdParams,
        body: SetGridStaffInput,
        response: { 200: GridStaffAnswer, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return {
        staff: presentGridStaff(await setGridStaff(ctx, actor, request.params.id, request.body), actor),
      };
    },
  );
}
