import type {
  CampaignDetail,
  CampaignInput,
  CampaignListQuery,
  CampaignPage,
  EnterpriseImportResult,
  EnterpriseInput,
  EnterpriseListQuery,
  EnterpriseMap,
  EnterprisePage,
  EnterpriseView,
  HazardActionInput,
  HazardActionOnHazard,
  HazardDetail,
  HazardInput,
  HazardListQuery,
  HazardPage,
  InspectionInput,
  InspectionListQuery,
  InspectionPage,
  InspectionView,
  InspectorCandidateList,
  InspectorQuery,
  SafetyReportConfirmationInput,
  SafetyReportConfirmationList,
  SafetyReportConfirmationQuery,
  SafetyReportConfirmationView,
  SafetyStatsQuery,
  SafetyStatsView,
} from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

const BASE = '/api/v1/safety';
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});
type QueryOf<Q> = { [K in keyof Q]?: Q[K] | undefined };

/** `GET /api/v1/safety/enterprises`: a page of the register. */
export function fetchEnterprises(
  query: QueryOf<EnterpriseListQuery>,
  signal?: AbortSignal,
): Promise<EnterprisePage> {
  return apiRequest(withQuery(`${BASE}/enterprises`, query), opts(signal));
}

/** `POST /api/v1/safety/enterprises`: 企业登记. */
export function createEnterprise(input: EnterpriseInput): Promise<EnterpriseView> {
  return apiRequest(`${BASE}/enterprises`, { method: 'POST', body: input });
}

/** `POST /api/v1/safety/enterprise-imports`: the .xlsx register import. */
export function importEnterprises(file: File): Promise<EnterpriseImportResult> {
  const form = new FormData();
  form.append('file', file);
  return apiRequest(`${BASE}/enterprise-imports`, { method: 'POST', body: form });
}

/** The URL of the import template. */
export const ENTERPRISE_TEMPLATE_URL = `${BASE}/enterprise-template`;

/** `GET /api/v1/safety/inspections`: a page of inspections. */
export function fetchInspections(
  query: QueryOf<InspectionListQuery>,
  signal?: AbortSignal,
): Promise<InspectionPage> {
  return apiRequest(withQuery(`${BASE}/inspections`, query), opts(signal));
}

/** `POST /api/v1/safety/inspections`: an inspection with its checklist. */
export function recordInspection(input: InspectionInput): Promise<InspectionView> {
  return apiRequest(`${BASE}/inspections`, { method: 'POST', body: input });
}

/** `GET /api/v1/safety/inspectors`: the users of one's scope a campaign may name as inspectors. */
export function fetchInspectorCandidates(
  query: QueryOf<InspectorQuery>,
  signal?: AbortSignal,
): Promise<InspectorCandidateList> {
  return apiRequest(withQuery(`${BASE}/inspectors`, query), opts(signal));
}

/** `GET /api/v1/safety/campaigns`: a page of 专项排查 campaigns with their progress. */
export function fetchCampaigns(
  query: QueryOf<CampaignListQuery>,
  signal?: AbortSignal,
): Promise<CampaignPage> {
  return apiRequest(withQuery(`${BASE}/campaigns`, query), opts(signal));
}

/** `GET /api/v1/safety/campaigns/:id`: a campaign with its progress and the enterprises not yet inspected. */
export function fetchCampaign(id: number, signal?: AbortSignal): Promise<CampaignDetail> {
  return apiRequest(`${BASE}/campaigns/${id}`, opts(signal));
}

/** `POST /api/v1/safety/campaigns`: 新建专项排查. */
export function createCampaign(input: CampaignInput): Promise<CampaignDetail> {
  return apiRequest(`${BASE}/campaigns`, { method: 'POST', body: input });
}

/** `POST /api/v1/safety/hazards`: 登记隐患 (an enterprise's 自查上报 among them). */
export function recordHazard(input: HazardInput): Promise<HazardDetail> {
  return apiRequest(`${BASE}/hazards`, { method: 'POST', body: input });
}

/** `GET /api/v1/safety/hazards`: a page of hazards. */
export function fetchHazards(query: QueryOf<HazardListQuery>, signal?: AbortSignal): Promise<HazardPage> {
  return apiRequest(withQuery(`${BASE}/hazards`, query), opts(signal));
}

/** `GET /api/v1/safety/hazards/:id`: a hazard with its timeline and actions. */
export function fetchHazard(id: number, signal?: AbortSignal): Promise<HazardDetail> {
  return apiRequest(`${BASE}/hazards/${id}`, opts(signal));
}

/** `POST /api/v1/safety/hazards/:id/actions/:action`: one lifecycle action; answers the hazard after it. */
export function actOnHazard<A extends HazardActionOnHazard>(
  id: number,
  action: A,
  body: HazardActionInput<A>,
): Promise<HazardDetail> {
  return apiRequest(`${BASE}/hazards/${id}/actions/${action}`, { method: 'POST', body });
}

/** `GET /api/v1/safety/stats`: the hazard numbers of the caller's scope, of a period of days. */
export function fetchSafetyStats(
  query: QueryOf<SafetyStatsQuery>,
  signal?: AbortSignal,
): Promise<SafetyStatsView> {
  return apiRequest(withQuery(`${BASE}/stats`, query), opts(signal));
}

/** `GET /api/v1/safety/enterprises/map`: every located enterprise of the caller's scope as a pin. */
export function fetchEnterpriseMap(signal?: AbortSignal): Promise<EnterpriseMap> {
  return apiRequest(`${BASE}/enterprises/map`, opts(signal));
}

/** `GET /api/v1/safety/reports/confirmations`: each enterprise's signature of a period's report. */
export function fetchReportConfirmations(
  query: QueryOf<SafetyReportConfirmationQuery>,
  signal?: AbortSignal,
): Promise<SafetyReportConfirmationList> {
  return apiRequest(withQuery(`${BASE}/reports/confirmations`, query), opts(signal));
}

/** `POST /api/v1/safety/reports/confirmations`: the enterprise's principal signs its report. */
export function confirmReport(input: SafetyReportConfirmationInput): Promise<SafetyReportConfirmationView> {
  return apiRequest(`${BASE}/reports/confirmations`, { method: 'POST', body: input });
}
