import { type KeysetPages, useKeysetPages } from '../../../platform/lists/use-keyset-pages.js';
import { type CaseListFilters, type CaseSummary, fetchCases } from '../api/cases.api.js';

/**
 * A work queue: the keyset pages of the case list for fixed `filters` (their JSON is the dependency; a
 * change starts again from the first page), walked in memory.
 */
export function useCaseQueue(filters: CaseListFilters, limit = 20): KeysetPages<CaseSummary> {
  return useKeysetPages(
    (page, signal) => fetchCases({ ...filters, ...page }, signal),
    JSON.stringify(filters),
    limit,
  );
}
