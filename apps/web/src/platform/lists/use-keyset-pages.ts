import type { KeysetPage } from '@shanzhi/shared';
import { useState } from 'react';
import { type ApiState, useApi } from '../api/use-api.js';

/** Which page of a keyset list: the cursor of the previous answer (none for the first) and how many. */
export interface KeysetRequest {
  cursor?: string | undefined;
  limit: number;
}

/**
 * Where the cursors of the pages seen are kept — each entry the cursor that opened a page, the first page's
 * `undefined` — so that 上一页 goes back without offsets: in memory (a queue), or in the address (the case
 * search, where the back button walks the pages too).
 */
export interface CursorTrail {
  cursors: readonly (string | undefined)[];
  go(cursors: (string | undefined)[]): void;
}

/** A keyset list as a page shows it: the current page, where it is, and the moves. */
export interface KeysetPages<T> {
  page: ApiState<KeysetPage<T>>;
  /** 1-based number of the page shown */
  pageNumber: number;
  hasPrevious: boolean;
  hasNext: boolean;
  next(): void;
  previous(): void;
  /** back to the first page */
  restart(): void;
}

/** A trail in memory that starts again whenever `key` (the list's filters) changes. */
function useMemoryTrail(key: string): CursorTrail {
  const [trail, setTrail] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key,
    cursors: [undefined],
  });
  return {
    cursors: trail.key === key ? trail.cursors : [undefined],
    go: (cursors) => setTrail({ key, cursors }),
  };
}

/**
 * The one way a page walks a keyset list of the API (`?cursor=&limit=` → `{ items, nextCursor }`): `load`
 * fetches one page for the filters named by `key` (their JSON); a change of `key` starts again from the first
 * page. The trail of cursors is kept in memory unless one is given.
 */
export function useKeysetPages<T>(
  load: (page: KeysetRequest, signal: AbortSignal) => Promise<KeysetPage<T>>,
  key: string,
  limit: number,
  given?: CursorTrail,
): KeysetPages<T> {
  const memory = useMemoryTrail(key);
  const trail = given ?? memory;
  const cursors = trail.cursors.length > 0 ? trail.cursors : [undefined];
  const cursor = cursors.at(-1);
  const page = useApi((signal) => load({ cursor, limit }, signal), [key, cursor, limit]);
  const nextCursor = page.data?.nextCursor ?? null;
  return {
    page,
    pageNumber: cursors.length,
    hasPrevious: cursors.length > 1,
    hasNext: nextCursor !== null,
    next: () => {
      if (nextCursor) trail.go([...cursors, nextCursor]);
    },
    previous: () => {
      if (cursors.length > 1) trail.go(cursors.slice(0, -1));
    },
    restart: () => trail.go([undefined]),
  };
}
