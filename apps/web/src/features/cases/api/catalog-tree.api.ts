import type { CategoryList, CategoryView } from '@shanzhi/shared';
import { apiRequest } from '../../../platform/api/index.js';

/** An active category as intake offers it. */
export type IntakeCategory = CategoryView;

let cached: Promise<IntakeCategory[]> | null = null;

/** The active categories in tree order; asked once per page load (the catalog changes rarely). */
export function fetchActiveCategories(): Promise<IntakeCategory[]> {
  cached ??= apiRequest<CategoryList>('/api/v1/catalog/categories').then(
    (answer) => answer.items,
    (error: unknown) => {
      cached = null;
      throw error;
    },
  );
  return cached;
}

/** The ids of the categories that have no children: the matters a case can be filed under (小类). */
export function leafIdsOf(categories: readonly IntakeCategory[]): Set<number> {
  const parents = new Set(categories.map((c) => c.parentId));
  return new Set(categories.filter((c) => !parents.has(c.id)).map((c) => c.id));
}
