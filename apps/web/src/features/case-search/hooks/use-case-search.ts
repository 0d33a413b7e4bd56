import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApi } from '../../../platform/api/index.js';
import { searchCases } from '../api/case-search.api.js';
import { apiQueryOf, type CaseSearchFilters, filtersFromParams, paramsFromFilters } from '../url-filters.js';

// The first page has no cursor; in the `prev` stack of the URL it is written as this mark.
const FIRST = '-';

/**
 * The case list driven by the URL: filters, page size, the keyset cursor of the current page and the stack
 * of cursors before it (so 上一页 works, and so does the browser's back button, each page being a history
 * entry). Changing a filter starts again from the first page.
 */
export function useCaseSearch() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const cursor = params.get('cursor') ?? undefined;
  const prev = (params.get('prev') ?? '').split('~').filter(Boolean);
  const query = useMemo(() => apiQueryOf(filters), [filters]);
  const page = useApi(
    (signal) => searchCases(query, { cursor, limit: filters.limit }, signal),
    [JSON.stringify(query), cursor, filters.limit],
  );

  function go(next: CaseSearchFilters, position: { cursor?: string; prev?: string[] } = {}) {
    const search = paramsFromFilters(next);
    if (position.cursor) search.set('cursor', position.cursor);
    if (position.prev?.length) search.set('prev', position.prev.join('~'));
    setParams(search);
  }

  return {
    filters,
    query,
    page,
    pageNumber: prev.length + 1,
    hasPrevious: prev.length > 0,
    hasNext: Boolean(page.data?.nextCursor),
    setFilters: (next: Omit<CaseSearchFilters, 'sort' | 'limit'>) =>
      go({ ...next, sort: filters.sort, limit: filters.limit }),
    setSort: (sort: CaseSearchFilters['sort']) => go({ ...filters, sort }),
    setLimit: (limit: number) => go({ ...filters, limit }),
    next: () => {
      const nextCursor = page.data?.nextCursor;
      if (nextCursor) go(filters, { cursor: nextCursor, prev: [...prev, cursor ?? FIRST] });
    },
    previous: () => {
      const back = prev.at(-1);
      if (back === undefined) return;
      go(filters, { ...(back === FIRST ? {} : { cursor: back }), prev: prev.slice(0, -1) });
    },
  };
}
