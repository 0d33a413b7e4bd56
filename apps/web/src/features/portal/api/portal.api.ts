import type {
  PortalRatingInput,
  PortalSubmitInput,
  PortalSuggestInput,
  PublicFaqItem,
} from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

/** A case as the portal shows it to its citizen (public parts, masked). */
export interface PortalCase {
  number: string;
  type: string;
  typeLabel: string;
  category: string | null;
  title: string;
  status: string;
  statusLabel: string;
  citizenName: string | null;
  phone: string | null;
  address: string | null;
  submittedAt: string;
  closedAt: string | null;
  answer: string | null;
  timeline: { step: string; label: string; at: string; unit: string | null }[];
  canRate: boolean;
  rating: { satisfaction: string; label: string; at: string } | null;
}

/** Options of the portal's public calls: a 401 there is never an expired staff session (no login page). */
export const PUBLIC = { skipAuthRedirect: true } as const;

/**
 * Submits a request (网上提交) with its photos, as multipart: the request as JSON in `data`, then the photos.
 * Answers the new case's number.
 */
export function submitPortalCase(
  input: PortalSubmitInput,
  photos: readonly File[],
): Promise<{ number: string }> {
  const body = new FormData();
  body.append('data', JSON.stringify(input));
  for (const photo of photos) body.append('photos', photo, photo.name);
  return apiRequest('/api/v1/portal/cases', { method: 'POST', body, ...PUBLIC });
}

/** The public view of a case by its number and the phone given with it. */
export function trackPortalCase(number: string, phone: string): Promise<PortalCase> {
  return apiRequest(withQuery(`/api/v1/portal/cases/${encodeURIComponent(number)}`, { phone }), PUBLIC);
}

/** Rates a closed case, once. */
export function ratePortalCase(number: string, input: PortalRatingInput): Promise<PortalCase> {
  return apiRequest(`/api/v1/portal/cases/${encodeURIComponent(number)}/rating`, {
    method: 'POST',
    body: input,
    ...PUBLIC,
  });
}

/** The public FAQ, best matches of `q` first. */
export async function fetchPublicFaq(q: string, signal?: AbortSignal): Promise<PublicFaqItem[]> {
  const answer = await apiRequest<{ items: PublicFaqItem[] }>(
    withQuery('/api/v1/public/faq', { q: q.trim(), limit: 20 }),
    { ...PUBLIC, ...(signal ? { signal } : {}) },
  );
  return answer.items;
}

/** Likely categories for the citizen's text, and whether it looks like a police matter. */
export interface PortalSuggestion {
  categories: { id: number; name: string; probability: number }[];
  police: boolean;
}

/** Likely categories for what the citizen has written so far (`POST /api/v1/portal/suggest`). */
export function suggestPortalCategory(
  input: PortalSuggestInput,
  signal?: AbortSignal,
): Promise<PortalSuggestion> {
  return apiRequest('/api/v1/portal/suggest', {
    method: 'POST',
    body: input,
    ...PUBLIC,
    ...(signal ? { signal } : {}),
  });
}
