import type { BoundaryGeometry, CreateOrgInput, OrgKind, UpdateOrgInput } from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

/** An org as lists and the tree show it (`OrgSummary` of the API). */
export interface OrgSummary {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  kind: OrgKind;
  active: boolean;
  depth: number;
  center: { lng: number; lat: number } | null;
  hasBoundary: boolean;
  childCount: number;
  sort: number;
  version: number;
}

/** One member of a grid's staff; the phone is masked for roles without `personal_data.read`. */
export interface GridStaff {
  id: number;
  role: string;
  name: string;
  phone: string | null;
}

/** One org in full (`GET /api/v1/orgs/:id`). */
export interface OrgDetail extends OrgSummary {
  boundary: BoundaryGeometry | null;
  ancestors: { id: number; code: string; name: string; kind: OrgKind }[];
  staff: GridStaff[];
}

/** A page of a list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The orgs a point falls in (`GET /api/v1/orgs/locate`). */
export interface LocatedPoint {
  grid: LocatedOrg | null;
  community: LocatedOrg | null;
  town: LocatedOrg | null;
  district: LocatedOrg | null;
  city: LocatedOrg | null;
}
type LocatedOrg = { id: number; code: string; name: string; kind: string };

/** One level of the tree: the roots of the caller's scope, or the children of `parentId`. */
export async function fetchTreeLevel(parentId?: number, signal?: AbortSignal): Promise<OrgSummary[]> {
  const answer = await apiRequest<{ items: OrgSummary[] }>(
    withQuery('/api/v1/orgs/tree', { parentId }),
    signal ? { signal } : {},
  );
  return answer.items;
}

/** Orgs in scope, filtered. */
export function fetchOrgs(
  query: {
    q?: string;
    kind?: OrgKind;
    within?: number;
    active?: 'true' | 'false' | 'all';
    pageSize?: number;
  },
  signal?: AbortSignal,
): Promise<Page<OrgSummary>> {
  return apiRequest(withQuery('/api/v1/orgs', query), signal ? { signal } : {});
}

const detailCache = new Map<number, Promise<OrgDetail>>();

/** One org in full. Boundaries are large and rarely change, so the map reuses answers (`fresh` skips that). */
export function fetchOrgDetail(
  id: number,
  { fresh = false, signal }: { fresh?: boolean; signal?: AbortSignal } = {},
) {
  const cached = detailCache.get(id);
  if (cached && !fresh) return cached;
  const request = apiRequest<OrgDetail>(`/api/v1/orgs/${id}`, signal ? { signal } : {});
  detailCache.set(id, request);
  request.catch(() => detailCache.delete(id));
  return request;
}

/** Creates an org. */
export function createOrg(input: CreateOrgInput): Promise<OrgSummary> {
  detailCache.clear();
  return apiRequest('/api/v1/orgs', { method: 'POST', body: input });
}

/** Changes an org; `version` is the one the user read. */
export function updateOrg(id: number, input: UpdateOrgInput): Promise<OrgSummary> {
  detailCache.clear();
  return apiRequest(`/api/v1/orgs/${id}`, { method: 'PATCH', body: input });
}

/** Deactivates or re-activates an org. */
export function setOrgActive(id: number, active: boolean, version: number): Promise<OrgSummary> {
  detailCache.delete(id);
  return apiRequest(`/api/v1/orgs/${id}/${active ? 'activate' : 'deactivate'}`, {
    method: 'POST',
    body: { version },
  });
}

/** The grid, community, town and district of a point. */
export function locatePoint(lat: number, lng: number): Promise<LocatedPoint> {
  return apiRequest(withQuery('/api/v1/orgs/locate', { lat: lat.toFixed(6), lng: lng.toFixed(6) }));
}
