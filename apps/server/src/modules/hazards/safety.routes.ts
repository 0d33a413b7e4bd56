import {
  EnterpriseInput,
  EnterpriseListQuery,
  EnterpriseMap,
  EnterprisePage,
  EnterpriseView,
  HAZARD_ACTION_INPUTS,
  HAZARD_TRANSITIONS,
  type HazardActionOnHazard,
  HazardDetail,
  HazardInput,
  HazardListQuery,
  HazardPage,
  hazardPermissionOf,
  InspectionInput,
  InspectionListQuery,
  InspectionPage,
  InspectionView,
  MAX_GRID_PHOTO_BYTES,
  MAX_GRID_PHOTOS,
  SafetyStatsQuery,
  SafetyStatsView,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { fileAnswer, IdParams, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { registerCampaignRoutes } from './campaigns.routes.js';
import { registerEnterpriseImportRoutes } from './enterprise-import.routes.js';
import { enterpriseMapForActor } from './enterprise-map.service.js';
import { createEnterprise, getEnterprise, listEnterprisesForActor } from './enterprises.service.js';
import {
  actOnHazard,
  getHazard,
  listHazardsForActor,
  openHazardPhoto,
  recordHazard,
} from './hazards.service.js';
import { getInspection, listInspectionsForActor, recordInspection } from './inspections.service.js';
import { registerSafetyReportRoutes } from './safety-report.routes.js';
import { safetyStats } from './stats.service.js';

const tags = ['safety'];
// photos come inline (base64, a third larger), up to the limit each: the body may be this large
const PHOTO_BODY_LIMIT = Math.ceil(MAX_GRID_PHOTOS * MAX_GRID_PHOTO_BYTES * 1.4) + 65_536;

/** 企业台账: register one, the register, one enterprise. */
function registerEnterpriseRoutes(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/safety/enterprises',
    {
      config: { permission: 'safety.manage' },
      schema: {
        tags,
        summary: '企业登记 Add an enterprise to the safety register',
        body: EnterpriseInput,
        response: { 201: EnterpriseView, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const view = await createEnterprise(ctx, actorOf(request), request.body);
      return reply.status(201).header('location', `/api/v1/safety/enterprises/${view.id}`).send(view);
    },
  );
  app.get(
    '/api/v1/safety/enterprises',
    {
      config: { permission: 'safety.read' },
      schema: {
        tags,
        summary: '企业台账 The enterprises in the caller’s scope, by name',
        querystring: EnterpriseListQuery,
        response: { 200: EnterprisePage, ...STANDARD_ERRORS },
      },
    },
    async (request) => listEnterprisesForActor(ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/safety/enterprises/map',
    {
      config: { permission: 'safety.read' },
      schema: {
        tags,
        summary: '企业地图 Every located enterprise in the caller’s scope as a pin: open and overdue hazards',
        response: { 200: EnterpriseMap, ...STANDARD_ERRORS },
      },
    },
    async (request) => enterpriseMapForActor(ctx, actorOf(request)),
  );
  app.get(
    '/api/v1/safety/enterprises/:id',
    {
      config: { permission: 'safety.read' },
      schema: {
        tags,
        summary: '企业详情 One enterprise of the register',
        params: IdParams,
        response: { 200: EnterpriseView, ...STANDARD_ERRORS },
      },
    },
    async (request) => getEnterprise(ctx, actorOf(request), request.params.id),
  );
}

/** 监督检查: record one with its checklist (failed items become hazards), the list, one. */
function registerInspectionRoutes(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/safety/inspections',
    {
      config: { permission: 'safety.inspect' },
      bodyLimit: PHOTO_BODY_LIMIT,
      schema: {
        tags,
        summary:
          '监督检查 Record an inspection with its checklist; every failed item becomes a hazard, with its photos',
        body: InspectionInput,
        response: { 201: InspectionView, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const view = await recordInspection(ctx, actorOf(request), request.body);
      return reply.status(201).header('location', `/api/v1/safety/inspections/${view.id}`).send(view);
    },
  );
  app.get(
    '/api/v1/safety/inspections',
    {
      config: { permission: 'safety.read' },
      schema: {
        tags,
        summary: '检查记录 Inspections in the caller’s scope, newest first',
        querystring: InspectionListQuery,
        response: { 200: InspectionPage, ...STANDARD_ERRORS },
      },
    },
    async (request) => listInspectionsForActor(ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/safety/inspections/:id',
    {
      config: { permission: 'safety.read' },
      schema: {
        tags,
        summary: '检查详情 One inspection with its checklist and the hazards of its failed items',
        params: IdParams,
        response: { 200: InspectionView, ...STANDARD_ERRORS },
      },
    },
    async (request) => getInspection(ctx, actorOf(request), request.params.id),
  );
}

function registerHazardActionRoute(app: ApiInstance, ctx: AppContext, action: HazardActionOnHazard): void {
  app.post(
    `/api/v1/safety/hazards/:id/actions/${action}`,
    {
      bodyLimit: PHOTO_BODY_LIMIT,
      config: { permission: hazardPermissionOf(action) },
      schema: {
        tags,
        summary: `${HAZARD_TRANSITIONS[action].label} ${action}`,
        params: IdParams,
        body: HAZARD_ACTION_INPUTS[action],
        response: { 200: HazardDetail, ...STANDARD_ERRORS },
      },
    },
    async (request) => actOnHazard(ctx, actorOf(request), request.params.id, action, request.body as never),
  );
}

/** 隐患: record one, act on one, the list (with the supervisor's overdue list), one with its timeline, photos. */
function registerHazardRoutes(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/safety/hazards',
    {
      bodyLimit: PHOTO_BODY_LIMIT,
      config: { permission: 'hazard.record' },
      schema: {
        tags,
        summary: '登记隐患 A hazard from a self-check, a grid finding or a 12345 case (caseId)',
        body: HazardInput,
        response: { 201: HazardDetail, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const view = await recordHazard(ctx, actorOf(request), request.body);
      return reply.status(201).header('location', `/api/v1/safety/hazards/${view.id}`).send(view);
    },
  );
  for (const action of Object.keys(HAZARD_ACTION_INPUTS) as HazardActionOnHazard[]) {
    registerHazardActionRoute(app, ctx, action);
  }
  app.get(
    '/api/v1/safety/hazards',
    {
      config: { permission: 'safety.read' },
      schema: {
        tags,
        summary: '隐患清单 Hazards in the caller’s scope, newest first (overdue=true: the supervisor’s list)',
        querystring: HazardListQuery,
        response: { 200: HazardPage, ...STANDARD_ERRORS },
      },
    },
    async (request) => listHazardsForActor(ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/safety/hazards/:id',
    {
      config: { permission: 'safety.read' },
      schema: {
        tags,
        summary: '隐患详情 A hazard with its timeline and the actions the caller may take',
        params: IdParams,
        response: { 200: HazardDetail, ...STANDARD_ERRORS },
      },
    },
    async (request) => getHazard(ctx, actorOf(request), request.params.id),
  );
  app.get(
    '/api/v1/safety/photos/:id',
    {
      config: { permission: 'safety.read' },
      schema: {
        tags,
        summary: '隐患照片 A photo of a hazard (scope-checked through its enterprise)',
        params: IdParams,
        response: { 200: fileAnswer('image/jpeg', 'The photo, with its type'), ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const photo = await openHazardPhoto(ctx, actorOf(request), request.params.id);
      return reply
        .header('content-type', photo.mime)
        .header('content-length', String(photo.size))
        .header('cache-control', 'private, max-age=86400')
        .send(photo.stream);
    },
  );
}

/** Every route of safety production (安全生产隐患排查治理). */
export function registerSafetyRoutes(app: ApiInstance, ctx: AppContext): void {
  registerEnterpriseRoutes(app, ctx);
  registerEnterpriseImportRoutes(app, ctx);
  registerInspectionRoutes(app, ctx);
  registerCampaignRoutes(app, ctx);
  registerHazardRoutes(app, ctx);
  registerSafetyReportRoutes(app, ctx);
  app.get(
    '/api/v1/safety/stats',
    {
      config: { permission: 'safety.read' },
      schema: {
        tags,
        summary:
          '隐患统计 Hazards found and rectified (rate, by level and industry), overdue majors, inspections, for an org',
        querystring: SafetyStatsQuery,
        response: { 200: SafetyStatsView, ...STANDARD_ERRORS },
      },
    },
    async (request) => safetyStats(ctx, actorOf(request), request.query),
  );
}
