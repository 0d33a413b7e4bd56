import { useState } from 'react';
import { useApi } from '../../../platform/api/index.js';
import { searchCases } from '../../case-search/api/case-search.api.js';

/**
 * A work queue over `GET /api/v1/cases`: one fixed query, keyset pages with next / previous (the cursors seen
 * are kept in memory), and a reload after an action.
 */
export function useKeysetList(query: Record<string, string | number | undefined>, limit = 20) {
  const [stack, setStack] = useState<(string | undefined)[]>([undefined]);
  const cursor = stack.at(-1);
  const key = JSON.stringify(query);
  const page = useApi((signal) => searchCases(query, { cursor, limit }, signal), [key, cursor, limit]);
  return {
    page,
    pageNumber: stack.length,
    hasPrevious: stack.length > 1,
    hasNext: Boolean(page.data?.nextCursor),
    next: () => {
      const nextCursor = page.data?.nextCursor;
      if (nextCursor) setStack((s) => [...s, nextCursor]);
    },
    previous: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)),
    restart: () => setStack([undefined]),
  };
}
