import { useCallback, useState } from 'react';
import { useApi } from '../../../platform/api/index.js';
import { type CaseListFilters, type CasePage, fetchCases } from '../api/cases.api.js';

/** A server-paged case list (keyset pages): the current page, and moves to the next and previous ones. */
export interface CasePages {
  page: CasePage | undefined;
  loading: boolean;
  error: ReturnType<typeof useApi<CasePage>>['error'];
  /** 1-based number of the page shown */
  pageNumber: number;
  hasNext: boolean;
  next: () => void;
  previous: () => void;
  reload: () => void;
}

/**
 * Walks the keyset pages of `GET /api/v1/cases` for `filters` (their JSON is the dependency): remembers the
 * cursors of the pages seen so that 上一页 goes back without offsets; a change of filters starts again.
 */
export function useCasePages(filters: CaseListFilters, pageSize = 20): CasePages {
  const key = JSON.stringify(filters);
  const [trail, setTrail] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key,
    cursors: [undefined],
  });
  const cursors = trail.key === key ? trail.cursors : [undefined];
  const cursor = cursors.at(-1);
  const list = useApi(
    (signal) => fetchCases({ ...filters, limit: pageSize, ...(cursor ? { cursor } : {}) }, signal),
    [key, cursor, pageSize],
  );
  const nextCursor = list.data?.nextCursor ?? null;
  const next = useCallback(() => {
    if (nextCursor) setTrail({ key, cursors: [...cursors, nextCursor] });
  }, [key, cursors, nextCursor]);
  const previous = useCallback(() => {
    if (cursors.length > 1) setTrail({ key, cursors: cursors.slice(0, -1) });
  }, [key, cursors]);
  return {
    page: list.data,
    loading: list.loading,
    error: list.error,
    pageNumber: cursors.length,
    hasNext: nextCursor !== null,
    next,
    previous,
    reload: list.reload,
  };
}

/** How many cases a queue holds, up to `cap` (the list API pages; it does not count). */
export async function countCases(filters: CaseListFilters, cap = 100, signal?: AbortSignal): Promise<string> {
  const page = await fetchCases({ ...filters, limit: cap }, signal);
  return page.nextCursor ? `${cap}+` : String(page.items.length);
}
