import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api-error.js';

/** The state of one load: the last data, the last error, and whether a request is running. */
export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** runs the load again (after a write, or from a "retry" button) */
  reload: () => void;
  /** replaces the data locally, e.g. with the answer of a write */
  setData: (data: T) => void;
}

/**
 * Runs `load` when the component mounts and whenever `deps` change, aborting the previous request, and keeps
 * loading / error / data for the page to show. A failure that is not an {@link ApiError} becomes a
 * `BAD_RESPONSE` one, so pages deal with a single error type.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): ApiState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what the load depends on
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    loadRef
      .current(controller.signal)
      .then((value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setLoading(false);
      })
      .catch((cause: unknown) => {
        if (controller.signal.aborted) return;
        setError(toApiError(cause));
        setLoading(false);
      });
    return () => controller.abort();
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload, setData };
}

/** Any failure as an {@link ApiError}. */
export function toApiError(cause: unknown): ApiError {
  if (cause instanceof ApiError) return cause;
  return new ApiError(0, 'BAD_RESPONSE', cause instanceof Error ? cause.message : String(cause));
}

/** `path?key=value…` leaving out undefined, null and empty values. */
export function withQuery(
  path: string,
  params: Record<string, string | number | boolean | null | undefined>,
) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
