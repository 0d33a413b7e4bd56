import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type CursorTrail, useKeysetPages } from '../../../platform/lists/use-keyset-pages.js';
import { fetchCases } from '../../cases/api/cases.api.js';
import { apiQueryOf, type CaseSearchFilters, filtersFromParams, paramsFromFilters } from '../url-filters.js';

// The first page has no cursor; in the `prev` stack of the URL it is written as this mark.
const FIRST = '-';

/**
 * The trail of cursors in the address: the current page's `cursor` and the stack of those before it in
 * `prev`, so 上一页 works and so does the browser's back button, each page being a history entry.
 */
function useAddressTrail(filters: CaseSearchFilters): CursorTrail {
  const [params, setParams] = useSearchParams();
  const prev = (params.get('prev') ?? '').split('~').filter(Boolean);
  return {
    cursors: [...prev.map((c) => (c === FIRST ? undefined : c)), params.get('cursor') ?? undefined],
    go(cursors) {
      const search = paramsFromFilters(filters);
      const current = cursors.at(-1);
      const before = cursors.slice(0, -1).map((c) => c ?? FIRST);
      if (current) search.set('cursor', current);
      if (before.length > 0) search.set('prev', before.join('~'));
      setParams(search);
    },
  };
}

/**
 * The case list driven by the URL: filters, page size and the keyset pages walked so far. Changing a filter
 * starts again from the first page.
 */
export function useCaseSearch() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const query = useMemo(() => apiQueryOf(filters), [filters]);
  const trail = useAddressTrail(filters);
  const pages = useKeysetPages(
    (page, signal) => fetchCases({ ...query, ...page }, signal),
    JSON.stringify(query),
    filters.limit,
    trail,
  );
  const go = (next: CaseSearchFilters) => setParams(paramsFromFilters(next));
  return {
    filters,
    query,
    pages,
    setFilters: (next: Omit<CaseSearchFilters, 'sort' | 'limit'>) =>
      go({ ...next, sort: filters.sort, limit: filters.limit }),
    setSort: (sort: CaseSearchFilters['sort']) => go({ ...filters, sort }),
    setLimit: (limit: number) => go({ ...filters, limit }),
  };
}
