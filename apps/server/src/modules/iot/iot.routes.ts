import {
  DeviceCreated,
  DeviceInput,
  DeviceListQuery,
  DevicePage,
  EstateInput,
  EstateListQuery,
  EstateMap,
  EstatePage,
  EstateStats,
  EstateView,
  IngestionCounters,
  IOT_ALERT_ACTION_INPUTS,
  IOT_ALERT_STAFF_ACTIONS,
  IOT_ALERT_TRANSITIONS,
  IotAlertListQuery,
  IotAlertPage,
  type IotAlertStaffAction,
  IotAlertView,
  IotRuleCreateInput,
  IotRuleDeleteQuery,
  IotRuleInput,
  IotRuleList,
  IotRuleTrial,
  IotRuleView,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { IdParams, NoContent, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { registerAlertIngestRoute } from './alert-ingest.routes.js';
import { HANDLE_ALERTS } from './alert-lifecycle.js';
import { actOnAlert, getAlert, listAlertsForActor } from './alerts.service.js';
import { registerDeviceImportRoutes } from './device-import.routes.js';
import {
  listDevicesForActor,
  listEstatesForActor,
  registerDevice,
  registerEstate,
} from './devices.service.js';
import { estateMapForActor } from './estate-map.service.js';
import { estateStats } from './estate-stats.service.js';
import { presentIngestionCounters } from './ingestion-counters.js';
import { trialRule } from './rule-trial.js';
import { changeRule, createRule, listRulesView, removeRule } from './rules.service.js';

const tags = ['iot'];

/** 小区与设备: the estates, registering a device (its secret answered once), the devices. */
function registerEstateDeviceRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/iot/estates',
    {
      config: { permission: 'iot.read' },
      schema: {
        tags,
        summary: '智安小区 Smart-safe estates in the caller’s scope, with buildings and devices online',
        querystring: EstateListQuery,
        response: { 200: EstatePage, ...STANDARD_ERRORS },
      },
    },
    async (request) => listEstatesForActor(ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/iot/estates/map',
    {
      config: { permission: 'iot.read' },
      schema: {
        tags,
        summary:
          '小区地图 Every estate in the caller’s scope as a map pin: devices online, active alerts, state',
        response: { 200: EstateMap, ...STANDARD_ERRORS },
      },
    },
    async (request) => estateMapForActor(ctx, actorOf(request)),
  );
  app.get(
    '/api/v1/iot/estates/:id/stats',
    {
      config: { permission: 'iot.read' },
      schema: {
        tags,
        summary:
          '小区数据 An estate’s numbers: alerts by type, false-alarm rate, time to acknowledge, cases, online',
        params: IdParams,
        response: { 200: EstateStats, ...STANDARD_ERRORS },
      },
    },
    async (request) => estateStats(ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/iot/estates',
    {
      config: { permission: 'iot.manage_devices' },
      schema: {
        tags,
        summary: '登记小区 Register an estate at a point of one of its community’s grids, with its buildings',
        body: EstateInput,
        response: { 201: EstateView, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerEstate(ctx, actorOf(request), request.body)),
  );
  app.post(
    '/api/v1/iot/devices',
    {
      config: { permission: 'iot.manage_devices' },
      schema: {
        tags,
        summary: '登记设备 Register a device; its signing secret is answered this once',
        body: DeviceInput,
        response: { 201: DeviceCreated, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerDevice(ctx, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/iot/devices',
    {
      config: { permission: 'iot.read' },
      schema: {
        tags,
        summary: '设备清单 Devices in the caller’s scope, by estate and serial',
        querystring: DeviceListQuery,
        response: { 200: DevicePage, ...STANDARD_ERRORS },
      },
    },
    async (request) => listDevicesForActor(ctx, actorOf(request), request.query),
  );
}

function registerAlertActionRoute(app: ApiInstance, ctx: AppContext, action: IotAlertStaffAction): void {
  app.post(
    `/api/v1/iot/alerts/:id/actions/${action}`,
    {
      config: { permission: HANDLE_ALERTS },
      schema: {
        tags,
        summary: `${IOT_ALERT_TRANSITIONS[action].label} ${action}`,
        params: IdParams,
        body: IOT_ALERT_ACTION_INPUTS[action],
        response: { 200: IotAlertView, ...STANDARD_ERRORS },
      },
    },
    async (request) => actOnAlert(ctx, actorOf(request), request.params.id, action, request.body as never),
  );
}

/** 告警: the board, one alert, the staff actions. */
function registerAlertRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/iot/alerts',
    {
      config: { permission: 'iot.read' },
      schema: {
        tags,
        summary: '告警看板 Alerts in the caller’s scope, newest first, by estate and state',
        querystring: IotAlertListQuery,
        response: { 200: IotAlertPage, ...STANDARD_ERRORS },
      },
    },
    async (request) => listAlertsForActor(ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/iot/alerts/:id',
    {
      config: { permission: 'iot.read' },
      schema: {
        tags,
        summary: '告警详情 One alert with the actions the caller may take',
        params: IdParams,
        response: { 200: IotAlertView, ...STANDARD_ERRORS },
      },
    },
    async (request) => getAlert(ctx, actorOf(request), request.params.id),
  );
  for (const action of IOT_ALERT_STAFF_ACTIONS) registerAlertActionRoute(app, ctx, action);
}

/** 新增、删除、试运行: the rules beyond the general one of each device type and alert type. */
function registerRuleScopeRoutes(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/iot/rules',
    {
      config: { permission: 'iot.manage_rules' },
      schema: {
        tags,
        summary: '新增规则 A rule for an estate and/or a time of day (audited; its scope must be free)',
        body: IotRuleCreateInput,
        response: { 201: IotRuleView, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => reply.status(201).send(await createRule(ctx, actorOf(request), request.body)),
  );
  app.delete(
    '/api/v1/iot/rules/:id',
    {
      config: { permission: 'iot.manage_rules' },
      schema: {
        tags,
        summary: '删除规则 Delete a rule for an estate or a time of day at the version seen (audited)',
        params: IdParams,
        querystring: IotRuleDeleteQuery,
        response: { 204: NoContent, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      await removeRule(ctx, actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/iot/rules/trial',
    {
      config: { permission: 'iot.manage_rules' },
      schema: {
        tags,
        summary:
          '试运行 What an unsaved rule would have made of the last 7 days’ alerts, beside what happened',
        body: IotRuleCreateInput,
        response: { 200: IotRuleTrial, ...STANDARD_ERRORS },
      },
    },
    async (request) => trialRule(ctx, request.body),
  );
}

/** 处置规则: the list, and a change (audited). */
function registerRuleRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/iot/rules',
    {
      config: { permission: 'iot.read' },
      schema: {
        tags,
        summary: '处置规则 What becomes of an alert, by device type and alert type',
        response: { 200: IotRuleList, ...STANDARD_ERRORS },
      },
    },
    async () => listRulesView(ctx),
  );
  app.put(
    '/api/v1/iot/rules/:id',
    {
      config: { permission: 'iot.manage_rules' },
      schema: {
        tags,
        summary: '修改规则 Change a rule at the version seen (audited)',
        params: IdParams,
        body: IotRuleInput,
        response: { 200: IotRuleView, ...STANDARD_ERRORS },
      },
    },
    async (request) => changeRule(ctx, actorOf(request), request.params.id, request.body),
  );
}

/** 接入统计: the ingestion pipeline's counters, for those who manage the devices. */
function registerIngestionRoute(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/iot/ingestion',
    {
      config: { permission: 'iot.manage_devices' },
      schema: {
        tags,
        summary: '接入统计 Messages received, stored, duplicate, refused by code; MQTT batches and consumers',
        description:
          'Per process: answered from the counters of the process that took the request, since it started ' +
          '(HTTP and MQTT messages alike; MQTT batches and consumers only with MQTT_URL).',
        response: { 200: IngestionCounters, ...STANDARD_ERRORS },
      },
    },
    async () => presentIngestionCounters(ctx),
  );
}

/** Every route of smart-safe estates (智安小区). */
export function registerIotRoutes(app: ApiInstance, ctx: AppContext): void {
  registerEstateDeviceRoutes(app, ctx);
  registerDeviceImportRoutes(app, ctx);
  registerAlertRoutes(app, ctx);
  registerRuleRoutes(app, ctx);
  registerRuleScopeRoutes(app, ctx);
  registerAlertIngestRoute(app, ctx);
  registerIngestionRoute(app, ctx);
}
