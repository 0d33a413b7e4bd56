import {
  CreateHouseInput,
  CreateOrganisationInput,
  CreateResidentInput,
  HouseDetail,
  HouseListQuery,
  HouseView,
  OrganisationListQuery,
  OrganisationPersonalData,
  OrganisationView,
  pageOf,
  ResidentListQuery,
  ResidentPersonalData,
  ResidentView,
  UpdateHouseInput,
  UpdateOrganisationInput,
  UpdateResidentInput,
} from '@shanzhi/shared';
import type { AppContext } from '../../../platform/context.js';
import { actorOf } from '../../../platform/http/authenticate.js';
import { IdParams, STANDARD_ERRORS } from '../../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../../platform/http/types.js';
import { getHousehold } from './household.service.js';
import { createHouse, listHousesForActor, updateHouse } from './houses.service.js';
import {
  createOrganisation,
  getOrganisation,
  listOrganisationsForActor,
  revealOrganisationNumbers,
  updateOrganisation,
} from './organisations.service.js';
import {
  createResident,
  getResident,
  listResidentsForActor,
  revealResidentNumbers,
  updateResident,
} from './residents.service.js';

const tags = ['grid-registers'];
const created = (path: string, id: number) => `/api/v1/grid/${path}/${id}`;

/** 房屋: the list (with the households not visited for N days), a household's page, create and edit. */
function registerHouseRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/grid/houses',
    {
      config: { permission: 'grid_register.read' },
      schema: {
        tags,
        summary:
          '房屋 Houses in the caller’s scope (paged; `notVisitedForDays`: the worker’s list of whom to visit)',
        querystring: HouseListQuery,
        response: { 200: pageOf(HouseView), ...STANDARD_ERRORS },
      },
    },
    async (request) => listHousesForActor(ctx, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/grid/houses',
    {
      config: { permission: 'grid_register.write' },
      schema: {
        tags,
        summary:
          '登记房屋 Register a house in a grid of the caller’s scope (409 ALREADY_REGISTERED for the same address)',
        body: CreateHouseInput,
        response: { 201: HouseView, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const view = await createHouse(ctx, actorOf(request), request.body);
      return reply.status(201).header('location', created('houses', view.id)).send(view);
    },
  );
  app.get(
    '/api/v1/grid/houses/:id',
    {
      config: { permission: 'grid_register.read' },
      schema: {
        tags,
        summary: '户详情 A household: the house, its residents (numbers masked) and its latest visits',
        params: IdParams,
        response: { 200: HouseDetail, ...STANDARD_ERRORS },
      },
    },
    async (request) => getHousehold(ctx, actorOf(request), request.params.id),
  );
  app.put(
    '/api/v1/grid/houses/:id',
    {
      config: { permission: 'grid_register.write' },
      schema: {
        tags,
        summary: '修改房屋 Change a house at the version read',
        params: IdParams,
        body: UpdateHouseInput,
        response: { 200: HouseView, ...STANDARD_ERRORS },
      },
    },
    async (request) => updateHouse(ctx, actorOf(request), request.params.id, request.body),
  );
}

/** 实有人口: the list, one resident, create, edit, and his numbers in full (audited). */
function registerResidentRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/grid/residents',
    {
      config: { permission: 'grid_register.read' },
      schema: {
        tags,
        summary: '实有人口 Residents in the caller’s scope (paged; ID numbers and phones masked)',
        querystring: ResidentListQuery,
        response: { 200: pageOf(ResidentView), ...STANDARD_ERRORS },
      },
    },
    async (request) => listResidentsForActor(ctx, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/grid/residents',
    {
      config: { permission: 'grid_register.write' },
      schema: {
        tags,
        summary:
          '登记实有人口 Register a resident of a house (ID number checked and sealed; one record per person)',
        body: CreateResidentInput,
        response: { 201: ResidentView, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const view = await createResident(ctx, actorOf(request), request.body);
      return reply.status(201).header('location', created('residents', view.id)).send(view);
    },
  );
  app.get(
    '/api/v1/grid/residents/:id',
    {
      config: { permission: 'grid_register.read' },
      schema: {
        tags,
        summary: '人员详情 A resident (numbers masked)',
        params: IdParams,
        response: { 200: ResidentView, ...STANDARD_ERRORS },
      },
    },
    async (request) => getResident(ctx, actorOf(request), request.params.id),
  );
  app.put(
    '/api/v1/grid/residents/:id',
    {
      config: { permission: 'grid_register.write' },
      schema: {
        tags,
        summary: '修改实有人口 Change a resident at the version read (numbers only when sent)',
        params: IdParams,
        body: UpdateResidentInput,
        response: { 200: ResidentView, ...STANDARD_ERRORS },
      },
    },
    async (request) => updateResident(ctx, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/grid/residents/:id/personal-data',
    {
      config: { permission: 'grid_register.read' },
      schema: {
        tags,
        summary:
          '查看完整号码 A resident’s ID number and phone in full: needs `personal_data.read` too; every read is audited',
        params: IdParams,
        response: { 200: ResidentPersonalData, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const numbers = await revealResidentNumbers(ctx, actorOf(request), request.params.id);
      return reply.header('cache-control', 'no-store').send(numbers);
    },
  );
}

/** 单位/组织/场所: the list, one, create, edit, and the contact's phone in full (audited). */
function registerOrganisationRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/grid/organisations',
    {
      config: { permission: 'grid_register.read' },
      schema: {
        tags,
        summary: '单位组织 Organisations in the caller’s scope (paged)',
        querystring: OrganisationListQuery,
        response: { 200: pageOf(OrganisationView), ...STANDARD_ERRORS },
      },
    },
    async (request) => listOrganisationsForActor(ctx, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/grid/organisations',
    {
      config: { permission: 'grid_register.write' },
      schema: {
        tags,
        summary: '登记单位 Register an organisation (credit code checked; one record per code)',
        body: CreateOrganisationInput,
        response: { 201: OrganisationView, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const view = await createOrganisation(ctx, actorOf(request), request.body);
      return reply.status(201).header('location', created('organisations', view.id)).send(view);
    },
  );
  app.get(
    '/api/v1/grid/organisations/:id',
    {
      config: { permission: 'grid_register.read' },
      schema: {
        tags,
        summary: '单位详情 An organisation',
        params: IdParams,
        response: { 200: OrganisationView, ...STANDARD_ERRORS },
      },
    },
    async (request) => getOrganisation(ctx, actorOf(request), request.params.id),
  );
  app.put(
    '/api/v1/grid/organisations/:id',
    {
      config: { permission: 'grid_register.write' },
      schema: {
        tags,
        summary: '修改单位 Change an organisation at the version read',
        params: IdParams,
        body: UpdateOrganisationInput,
        response: { 200: OrganisationView, ...STANDARD_ERRORS },
      },
    },
    async (request) => updateOrganisation(ctx, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/grid/organisations/:id/personal-data',
    {
      config: { permission: 'grid_register.read' },
      schema: {
        tags,
        summary: '查看完整号码 The contact’s phone in full: needs `personal_data.read` too; audited',
        params: IdParams,
        response: { 200: OrganisationPersonalData, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const numbers = await revealOrganisationNumbers(ctx, actorOf(request), request.params.id);
      return reply.header('cache-control', 'no-store').send(numbers);
    },
  );
}

/** 基础信息: the grid's registers of houses, residents and organisations. */
export function registerGridRegisterRoutes(app: ApiInstance, ctx: AppContext): void {
  registerHouseRoutes(app, ctx);
  registerResidentRoutes(app, ctx);
  registerOrganisationRoutes(app, ctx);
}
