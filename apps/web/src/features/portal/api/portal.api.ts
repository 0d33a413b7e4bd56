import type {
  PortalCaptcha,
  PortalCaseView,
  PortalRatingInput,
  PortalSubmitInput,
  PortalSubmitted,
  PortalSuggestInput,
  PortalSuggestion,
  PortalTrackQuery,
  PublicFaqItem,
  PublicFaqList,
} from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

export type { PortalCaseView as PortalCase, PortalSuggestion };

/** Options of the portal's public calls: a 401 there is never an expired staff session (no login page). */
export const PUBLIC = { skipAuthRedirect: true } as const;

/**
 * Submits a request (网上提交) with its photos, as multipart: the request as JSON in `data`, then the photos.
 * Answers the new case's number.
 */
export function submitPortalCase(
  input: PortalSubmitInput,
  photos: readonly File[],
): Promise<PortalSubmitted> {
  const body = new FormData();
  body.append('data', JSON.stringify(input));
  for (const photo of photos) body.append('photos', photo, photo.name);
  return apiRequest('/api/v1/portal/cases', { method: 'POST', body, ...PUBLIC });
}

/** The answer to a captcha the portal asked for after repeated wrong phones. */
export type PortalCaptchaAnswer = Required<Pick<PortalTrackQuery, 'captchaId' | 'captchaAnswer'>>;

/**
 * The public view of a case by its number and the phone given with it, with the answer to a captcha when the
 * server asked for one (`CAPTCHA_REQUIRED`).
 */
export function trackPortalCase(
  number: string,
  phone: string,
  captcha?: PortalCaptchaAnswer,
): Promise<PortalCaseView> {
  return apiRequest(
    withQuery(`/api/v1/portal/cases/${encodeURIComponent(number)}`, { phone, ...captcha }),
    PUBLIC,
  );
}

/** A new captcha to answer: its id and its picture (SVG markup). */
export function fetchPortalCaptcha(): Promise<PortalCaptcha> {
  return apiRequest('/api/v1/portal/captcha', PUBLIC);
}

/** Rates a closed case, once. */
export function ratePortalCase(number: string, input: PortalRatingInput): Promise<PortalCaseView> {
  return apiRequest(`/api/v1/portal/cases/${encodeURIComponent(number)}/rating`, {
    method: 'POST',
    body: input,
    ...PUBLIC,
  });
}

/** The public FAQ, best matches of `q` first. */
export async function fetchPublicFaq(q: string, signal?: AbortSignal): Promise<PublicFaqItem[]> {
  const answer = await apiRequest<PublicFaqList>(
    withQuery('/api/v1/public/faq', { q: q.trim(), limit: 20 }),
    { ...PUBLIC, ...(signal ? { signal } : {}) },
  );
  return answer.items;
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
