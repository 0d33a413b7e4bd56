import type {
  CreateOrgInput,
  GridStaffView,
  LocatedPointView,
  OrgDetail,
  OrgListQuery,
  OrgSummary,
  OrgTreeLevel,
  Page,
  UpdateOrgInput,
} from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';
import { fetchAllPages } from '../../../platform/lists/use-paged-list.js';

export type { GridStaffView as GridStaff, LocatedPointView as LocatedPoint, OrgDetail, OrgSummary, Page };

/** One level of the tree: the roots of the caller's scope, or the children of `parentId`. */
export async function fetchTreeLevel(parentId?: number, signal?: AbortSignal): Promise<OrgSummary[]> {
  const answer = await apiRequest<OrgTreeLevel>(
    withQuery('/api/v1/orgs/tree', { parentId }),
    signal ? { signal } : {},
  );
  return answer.items;
}

/** Orgs in scope, filtered: one page (the first unless `page` says otherwise). */
export function fetchOrgs(query: Partial<OrgListQuery>, signal?: AbortSignal): Promise<Page<OrgSummary>> {
  return apiRequest(withQuery('/api/v1/orgs', query), signal ? { signal } : {});
}

/** Every org in scope of one kind (units, centres …), page after page: what a picker offers. */
export function fetchAllOrgs(kind: OrgListQuery['kind'], signal?: AbortSignal): Promise<OrgSummary[]> {
  return fetchAllPages((page) => fetchOrgs({ kind, ...page }, signal));
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
export function locatePoint(lat: number, lng: number): Promise<LocatedPointView> {
  return apiRequest(withQuery('/api/v1/orgs/locate', { lat: lat.toFixed(6), lng: lng.toFixed(6) }));
}
