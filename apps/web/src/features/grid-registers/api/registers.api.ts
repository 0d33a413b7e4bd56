import type {
  CreateHouseInput,
  CreateOrganisationInput,
  CreateResidentInput,
  HouseDetail,
  HouseListQuery,
  HouseView,
  KeysetPage,
  OrganisationListQuery,
  OrganisationPersonalData,
  OrganisationView,
  Page,
  RecordVisitInput,
  ResidentListQuery,
  ResidentPersonalData,
  ResidentView,
  UpdateHouseInput,
  UpdateOrganisationInput,
  UpdateResidentInput,
  VisitCoverageAnswer,
  VisitCoverageQuery,
  VisitListQuery,
  VisitView,
} from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

/** A list query as the API takes it: every value optional, none sent empty. */
type Query<T> = { [K in keyof T]?: T[K] | undefined };
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

/** 房屋: a page of houses in the caller's scope. */
export function fetchHouses(query: Query<HouseListQuery>, signal?: AbortSignal): Promise<Page<HouseView>> {
  return apiRequest(withQuery('/api/v1/grid/houses', { ...query }), opts(signal));
}

/** 户详情: a house, its residents and its latest visits. */
export function fetchHousehold(id: number, signal?: AbortSignal): Promise<HouseDetail> {
  return apiRequest(`/api/v1/grid/houses/${id}`, opts(signal));
}

/** Registers a house. */
export function createHouse(input: CreateHouseInput): Promise<HouseView> {
  return apiRequest('/api/v1/grid/houses', { method: 'POST', body: input });
}

/** Changes a house at the version read. */
export function updateHouse(id: number, input: UpdateHouseInput): Promise<HouseView> {
  return apiRequest(`/api/v1/grid/houses/${id}`, { method: 'PUT', body: input });
}

/** 实有人口: a page of residents (numbers masked). */
export function fetchResidents(
  query: Query<ResidentListQuery>,
  signal?: AbortSignal,
): Promise<Page<ResidentView>> {
  return apiRequest(withQuery('/api/v1/grid/residents', { ...query }), opts(signal));
}

/** Registers a resident. The API takes the typed numbers and answers them masked. */
export function createResident(input: CreateResidentInput): Promise<ResidentView> {
  return apiRequest('/api/v1/grid/residents', { method: 'POST', body: input });
}

/** Changes a resident at the version read (numbers only when typed anew). */
export function updateResident(id: number, input: UpdateResidentInput): Promise<ResidentView> {
  return apiRequest(`/api/v1/grid/residents/${id}`, { method: 'PUT', body: input });
}

/** A resident's ID number and phone in full: the server writes the read to the audit trail. */
export function revealResident(id: number): Promise<ResidentPersonalData> {
  return apiRequest(`/api/v1/grid/residents/${id}/personal-data`);
}

/** 单位组织: a page of organisations. */
export function fetchOrganisations(
  query: Query<OrganisationListQuery>,
  signal?: AbortSignal,
): Promise<Page<OrganisationView>> {
  return apiRequest(withQuery('/api/v1/grid/organisations', { ...query }), opts(signal));
}

/** Registers an organisation. */
export function createOrganisation(input: CreateOrganisationInput): Promise<OrganisationView> {
  return apiRequest('/api/v1/grid/organisations', { method: 'POST', body: input });
}

/** Changes an organisation at the version read. */
export function updateOrganisation(id: number, input: UpdateOrganisationInput): Promise<OrganisationView> {
  return apiRequest(`/api/v1/grid/organisations/${id}`, { method: 'PUT', body: input });
}

/** The contact's phone in full (audited). */
export function revealOrganisation(id: number): Promise<OrganisationPersonalData> {
  return apiRequest(`/api/v1/grid/organisations/${id}/personal-data`);
}

/** Records a household visit. */
export function recordVisit(input: RecordVisitInput): Promise<VisitView> {
  return apiRequest('/api/v1/grid/visits', { method: 'POST', body: input });
}

/** 走访记录: a keyset page of visits. */
export function fetchVisits(
  query: Query<VisitListQuery>,
  signal?: AbortSignal,
): Promise<KeysetPage<VisitView>> {
  return apiRequest(withQuery('/api/v1/grid/visits', { ...query }), opts(signal));
}

/** 走访覆盖率 per grid. */
export function fetchVisitCoverage(
  query: Query<VisitCoverageQuery>,
  signal?: AbortSignal,
): Promise<VisitCoverageAnswer> {
  return apiRequest(withQuery('/api/v1/grid/visit-coverage', { ...query }), opts(signal));
}
