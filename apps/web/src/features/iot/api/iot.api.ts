import type {
  DeviceImportResult,
  DeviceListQuery,
  DevicePage,
  EstateInput,
  EstateListQuery,
  EstateMap,
  EstatePage,
  EstateStats,
  EstateView,
  IngestionCounters,
  IotAlertActionInput,
  IotAlertListQuery,
  IotAlertPage,
  IotAlertStaffAction,
  IotAlertView,
  IotRuleCreateInput,
  IotRuleInput,
  IotRuleList,
  IotRuleTrial,
  IotRuleView,
} from '@shanzhi/shared';
import type { z } from 'zod';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

const BASE = '/api/v1/iot';
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});
type QueryOf<Q> = { [K in keyof Q]?: Q[K] | undefined };

/** `GET /api/v1/iot/estates`: a page of the smart-safe estates. */
export function fetchEstates(query: QueryOf<EstateListQuery>, signal?: AbortSignal): Promise<EstatePage> {
  return apiRequest(withQuery(`${BASE}/estates`, query), opts(signal));
}

/** `GET /api/v1/iot/estates/map`: every estate of the caller's scope as a map pin. */
export function fetchEstateMap(signal?: AbortSignal): Promise<EstateMap> {
  return apiRequest(`${BASE}/estates/map`, opts(signal));
}

/** `GET /api/v1/iot/ingestion`: the ingestion counters of the process that answers. */
export function fetchIngestionCounters(signal?: AbortSignal): Promise<IngestionCounters> {
  return apiRequest(`${BASE}/ingestion`, opts(signal));
}

/** `POST /api/v1/iot/estates`: 登记小区. */
export function createEstate(input: EstateInput): Promise<EstateView> {
  return apiRequest(`${BASE}/estates`, { method: 'POST', body: input });
}

/** `POST /api/v1/iot/device-imports`: the .xlsx device import, all rows or none. */
export function importDevices(file: File): Promise<DeviceImportResult> {
  const form = new FormData();
  form.append('file', file);
  return apiRequest(`${BASE}/device-imports`, { method: 'POST', body: form });
}

/** The URL of the device import template. */
export const DEVICE_TEMPLATE_URL = `${BASE}/device-template`;

/** `GET /api/v1/iot/devices`: a page of devices. */
export function fetchDevices(query: QueryOf<DeviceListQuery>, signal?: AbortSignal): Promise<DevicePage> {
  return apiRequest(withQuery(`${BASE}/devices`, query), opts(signal));
}

/** `GET /api/v1/iot/alerts`: a keyset page of the alert board. */
export function fetchAlerts(query: QueryOf<IotAlertListQuery>, signal?: AbortSignal): Promise<IotAlertPage> {
  return apiRequest(withQuery(`${BASE}/alerts`, query), opts(signal));
}

/** `POST /api/v1/iot/alerts/:id/actions/:action`: 确认、立案、排除; answers the alert after it. */
export function actOnAlert<A extends IotAlertStaffAction>(
  id: number,
  action: A,
  body: IotAlertActionInput<A>,
): Promise<IotAlertView> {
  return apiRequest(`${BASE}/alerts/${id}/actions/${action}`, { method: 'POST', body });
}

/** `GET /api/v1/iot/rules`: every rule. */
export function fetchRules(signal?: AbortSignal): Promise<IotRuleList> {
  return apiRequest(`${BASE}/rules`, opts(signal));
}

/** `PUT /api/v1/iot/rules/:id`: a rule's change at the version seen. */
export function saveRule(id: number, body: IotRuleInput): Promise<IotRuleView> {
  return apiRequest(`${BASE}/rules/${id}`, { method: 'PUT', body });
}

/** The body of a new rule or of a trial as the form sends it (the server fills the defaults). */
export type RuleDraft = z.input<typeof IotRuleCreateInput>;

/** `POST /api/v1/iot/rules`: 新增规则 for an estate and/or a time of day. */
export function createRule(body: RuleDraft): Promise<IotRuleView> {
  return apiRequest(`${BASE}/rules`, { method: 'POST', body });
}

/** `DELETE /api/v1/iot/rules/:id?version=`: 删除规则 at the version seen. */
export function deleteRule(rule: Pick<IotRuleView, 'id' | 'version'>): Promise<void> {
  return apiRequest(withQuery(`${BASE}/rules/${rule.id}`, { version: rule.version }), { method: 'DELETE' });
}

/** `POST /api/v1/iot/rules/trial`: 试运行 an unsaved rule against the last 7 days' alerts. */
export function trialRule(body: RuleDraft): Promise<IotRuleTrial> {
  return apiRequest(`${BASE}/rules/trial`, { method: 'POST', body });
}

/** `GET /api/v1/iot/estates/:id/stats`: the estate's numbers. */
export function fetchEstateStats(id: number, signal?: AbortSignal): Promise<EstateStats> {
  return apiRequest(`${BASE}/estates/${id}/stats`, opts(signal));
}
