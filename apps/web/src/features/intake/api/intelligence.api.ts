import { apiRequest } from '../../../platform/api/index.js';

/**
 * The classifier's suggestion for a request (`POST /api/v1/intelligence/classify`); `modelVersion` null and
 * no categories while the platform has no trained model yet.
 */
export interface ClassifySuggestion {
  categories: { categoryId: number; code: string; name: string; probability: number }[];
  unit: { orgId: number; code: string; name: string; probability: number } | null;
  police: { flagged: boolean; score: number; reasons: string[] };
  modelVersion: string | null;
}

/** A possible duplicate of a request being registered (`DuplicateCandidate`; no personal data). */
export interface DuplicateCandidate {
  caseId: number;
  number: string;
  title: string;
  state: string;
  categoryName: string | null;
  /** where it happened (grid, community …) */
  areaName: string | null;
  createdAt: string;
  /** in [0, 1] */
  score: number;
  /** 「同一来电号码」「描述相似度 0.86」… */
  reasons: string[];
  /** at or above the finder's threshold: very likely the same matter */
  likely: boolean;
}

/** The classifier's category, unit and 110 suggestion for the text typed so far. */
export function classifyRequest(
  input: { title: string; description: string },
  signal?: AbortSignal,
): Promise<ClassifySuggestion> {
  return apiRequest('/api/v1/intelligence/classify', {
    method: 'POST',
    body: { ...(input.title.trim() ? { title: input.title } : {}), description: input.description },
    ...(signal ? { signal } : {}),
  });
}

/** Possible duplicates among recent cases (same phone, similar text, same place or category), best first. */
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
): Promise<DuplicateCandidate[]> {
  const answer = await apiRequest<{ candidates: DuplicateCandidate[] }>('/api/v1/intelligence/duplicates', {
    method: 'POST',
    body: input,
    ...(signal ? { signal } : {}),
  });
  return answer.candidates;
}
