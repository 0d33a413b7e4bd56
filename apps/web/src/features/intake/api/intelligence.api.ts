import type { ClassifyResult, DuplicateAnswer, DuplicateDraftRequest } from '@shanzhi/shared';
import { apiRequest } from '../../../platform/api/index.js';

/**
 * The classifier's suggestion for a request (`POST /api/v1/intelligence/classify`): calibrated probabilities,
 * `uncertain` when the top category is below the floor; `modelVersion` null and no categories while the
 * platform has no trained model yet.
 */
export type ClassifySuggestion = ClassifyResult;

/** A possible duplicate of a request being registered (no personal data). */
export type { DuplicateCandidate } from '@shanzhi/shared';

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
export function findDuplicates(
  input: Omit<DuplicateDraftRequest, 'windowDays'>,
  signal?: AbortSignal,
): Promise<DuplicateAnswer> {
  return apiRequest<DuplicateAnswer>('/api/v1/intelligence/duplicates', {
    method: 'POST',
    body: input,
    ...(signal ? { signal } : {}),
  });
}
