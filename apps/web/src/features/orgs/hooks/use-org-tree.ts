import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../../../platform/api/index.js';
import { fetchTreeLevel, type OrgSummary } from '../api/orgs.api.js';

/** Key of the roots' level in {@link OrgTreeState.levels}. */
export const ROOT_LEVEL = 0;

/** The lazily loaded org tree: the levels loaded so far, keyed by parent id (roots under {@link ROOT_LEVEL}). */
export interface OrgTreeState {
  levels: ReadonlyMap<number, OrgSummary[]>;
  rootError: ApiError | undefined;
  rootLoading: boolean;
  expandedKeys: number[];
  setExpandedKeys: (keys: number[]) => void;
  /** loads the children of `parentId` (again, when `force`) */
  loadLevel: (parentId: number, force?: boolean) => Promise<OrgSummary[]>;
  /** loads every level down a path of ancestors and opens them, so that the last one is visible */
  reveal: (ancestorIds: number[]) => Promise<void>;
  reloadRoots: () => void;
}

/** State and loaders of the lazy org tree (`GET /api/v1/orgs/tree?parentId=`). */
export function useOrgTree(): OrgTreeState {
  const [levels, setLevels] = useState<ReadonlyMap<number, OrgSummary[]>>(new Map());
  const levelsRef = useRef(levels);
  levelsRef.current = levels;
  const [rootError, setRootError] = useState<ApiError>();
  const [rootLoading, setRootLoading] = useState(true);
  const [expandedKeys, setExpandedKeys] = useState<number[]>([]);
  const [generation, setGeneration] = useState(0);

  const store = useCallback((parentId: number, items: OrgSummary[]) => {
    setLevels((previous) => new Map(previous).set(parentId, items));
    levelsRef.current = new Map(levelsRef.current).set(parentId, items);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads when asked to (generation)
  useEffect(() => {
    const controller = new AbortController();
    setRootLoading(true);
    setRootError(undefined);
    fetchTreeLevel(undefined, controller.signal)
      .then((roots) => {
        store(ROOT_LEVEL, roots);
        setRootLoading(false);
        // A single root (the city, or a district for a district dispatcher) opens by itself.
        if (roots.length === 1 && roots[0]) setExpandedKeys([roots[0].id]);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setRootError(toApiError(error));
        setRootLoading(false);
      });
    return () => controller.abort();
  }, [generation, store]);

  const loadLevel = useCallback(
    async (parentId: number, force = false) => {
      const known = levelsRef.current.get(parentId);
      if (known && !force) return known;
      const items = await fetchTreeLevel(parentId);
      store(parentId, items);
      return items;
    },
    [store],
  );

  const reveal = useCallback(
    async (ancestorIds: number[]) => {
      for (const id of ancestorIds) await loadLevel(id);
      setExpandedKeys((keys) => [...new Set([...keys, ...ancestorIds])]);
    },
    [loadLevel],
  );

  return {
    levels,
    rootError,
    rootLoading,
    expandedKeys,
    setExpandedKeys,
    loadLevel,
    reveal,
    reloadRoots: () => setGeneration((g) => g + 1),
  };
}
