import { ApiError, apiRequest } from '../../../platform/api/index.js';

/** The classifier's suggestion for a request (`POST /api/v1/intelligence/classify`). */
export interface ClassifySuggestion {
  categories: { categoryId: number; code: string; name: string; probability: number }[];
  unit: { orgId: number; code: string; name: string; probability: number } | null;
  police: { flagged: boolean; score: number; reasons: string[] };
  modelVersion: string;
}

/** A possible duplicate of a request being registered. */
export interface DuplicateCandidate {
  caseId: number;
  number: string;
  score: number;
  reasons: string[];
}

const missing = new Set<string>();

/** A call to an intelligence route that may not exist yet: null once the server says the route is missing. */
async function optional<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T | null> {
  if (missing.has(path)) return null;
  try {
    return await apiRequest<T>(path, { method: 'POST', body, ...(signal ? { signal } : {}) });
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'ROUTE_NOT_FOUND' || error.status === 404)) {
      missing.add(path);
      return null;
    }
    throw error;
  }
}

/** The classifier's category, unit and 110 suggestion; null when the platform has no classifier. */
export function classifyRequest(
  input: { title: string; description: string },
  signal?: AbortSignal,
): Promise<ClassifySuggestion | null> {
  return optional('/api/v1/intelligence/classify', input, signal);
}

/** Possible duplicates among recent cases; null when the platform has no duplicate finder. */
export async function findDuplicates(
  input: {
    title: string;
    description: string;
    lng?: number;
    lat?: number;
    categoryId?: number;
    phone?: string;
  },
  signal?: AbortSignal,
): Promise<DuplicateCandidate[] | null> {
  const answer = await optional<{ candidates?: DuplicateCandidate[] } | DuplicateCandidate[]>(
    '/api/v1/intelligence/duplicates',
    input,
    signal,
  );
  if (answer === null) return null;
  return Array.isArray(answer) ? answer : (answer.candidates ?? []);
}
