import type {
  PortalAgencyPoints,
  PortalPetitionInput,
  PortalPetitionSubmitted,
  PortalPetitionView,
} from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';
import { type PortalCaptchaAnswer, PUBLIC } from '../../portal/api/portal.api.js';

const BASE = '/api/v1/portal/petitions';

/** 代办点 a citizen may leave his petition at. */
export async function fetchAgencyPoints(): Promise<PortalAgencyPoints['points']> {
  return (await apiRequest<PortalAgencyPoints>(`${BASE}/points`, PUBLIC)).points;
}

/** 网上信访: leaves a petition at an agency point; answers its number. */
export function submitPortalPetition(input: PortalPetitionInput): Promise<PortalPetitionSubmitted> {
  return apiRequest(BASE, { method: 'POST', body: input, ...PUBLIC });
}

/** The portal's view of a petition by its number and a petitioner's phone (with a captcha when asked for). */
export function trackPortalPetition(
  number: string,
  phone: string,
  captcha?: PortalCaptchaAnswer,
): Promise<PortalPetitionView> {
  return apiRequest(withQuery(`${BASE}/${encodeURIComponent(number)}`, { phone, ...captcha }), PUBLIC);
}
