import type {
  CategoryList,
  CategoryView,
  CreateCatalogCategoryInput,
  GridAdmissionList,
  UpdateCatalogCategoryInput,
} from '@shanzhi/shared';
import { apiRequest } from '../../../platform/api/index.js';
import { fetchAllOrgs, type OrgSummary } from '../../orgs/api/orgs.api.js';

export type { CategoryView };

/** Every category, active or not, in code order. */
export async function fetchCategories(signal?: AbortSignal): Promise<CategoryView[]> {
  const answer = await apiRequest<CategoryList>(
    '/api/v1/catalog/categories?active=all',
    signal ? { signal } : {},
  );
  return answer.items;
}

/** Creates a category (an area, a subcategory or a leaf). */
export function createCategory(input: CreateCatalogCategoryInput): Promise<CategoryView> {
  return apiRequest('/api/v1/catalog/categories', { method: 'POST', body: input });
}

/** Changes a category. */
export function updateCategory(id: number, input: UpdateCatalogCategoryInput): Promise<CategoryView> {
  return apiRequest(`/api/v1/catalog/categories/${id}`, { method: 'PATCH', body: input });
}

/** The grid item admission list (网格事项准入清单). */
export function fetchGridItems(signal?: AbortSignal): Promise<GridAdmissionList> {
  return apiRequest('/api/v1/catalog/grid-items', signal ? { signal } : {});
}

/** A unit a case may be dispatched to by default: functional units and social-governance centres. */
export type HandlingUnit = Pick<OrgSummary, 'code' | 'name'> & { kind: 'unit' | 'center' };

/** The functional units and centres, for the default-unit picker. */
export async function fetchHandlingUnits(signal?: AbortSignal): Promise<HandlingUnit[]> {
  const [units, centres] = await Promise.all([fetchAllOrgs('unit', signal), fetchAllOrgs('center', signal)]);
  return [...units, ...centres].map((org) => ({
    code: org.code,
    name: org.name,
    kind: org.kind as 'unit' | 'center',
  }));
}
