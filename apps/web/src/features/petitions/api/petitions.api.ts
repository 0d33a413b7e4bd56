import type {
  ConvertToPetitionInput,
  ConvertToPetitionResult,
  CreatePetitionInput,
  KeysetPage,
  PetitionActionInput,
  PetitionActionOnPetition,
  PetitionDetail,
  PetitionListQuery,
  PetitionStatsQuery,
  PetitionStatsReport,
  PetitionTimeLimits,
  PetitionView,
} from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

/** Query values as the URL carries them (absent ones left out). */
type QueryOf<Q> = { [K in keyof Q]?: Q[K] | undefined };

const BASE = '/api/v1/petitions';

/** `GET /api/v1/petitions`: a keyset page of petitions in the caller's scope, newest first. */
export function fetchPetitions(
  query: QueryOf<PetitionListQuery>,
  signal?: AbortSignal,
): Promise<KeysetPage<PetitionView>> {
  return apiRequest(withQuery(BASE, query), opts(signal));
}

/** `GET /api/v1/petitions/:id`: a petition with its timeline, deadlines, entrustment and actions. */
export function fetchPetition(id: number, signal?: AbortSignal): Promise<PetitionDetail> {
  return apiRequest(`${BASE}/${id}`, opts(signal));
}

/** `POST /api/v1/petitions`: 信访代办登记. */
export function registerPetition(input: CreatePetitionInput): Promise<PetitionDetail> {
  return apiRequest(BASE, { method: 'POST', body: input });
}

/** `POST /api/v1/petitions/:id/actions/:action`: one lifecycle action; answers the petition after it. */
export function takePetitionAction<A extends PetitionActionOnPetition>(
  id: number,
  action: A,
  body: PetitionActionInput<A>,
): Promise<PetitionDetail> {
  return apiRequest(`${BASE}/${id}/actions/${action}`, { method: 'POST', body });
}

/** `POST /api/v1/cases/:id/actions/convert_to_petition`: a 12345 case that is a petition becomes one. */
export function convertCaseToPetition(
  caseId: number,
  input: ConvertToPetitionInput,
): Promise<ConvertToPetitionResult> {
  return apiRequest(`/api/v1/cases/${caseId}/actions/convert_to_petition`, { method: 'POST', body: input });
}

/**
 * `GET /api/v1/petitions/stats`: the numbers of an org's subtree (the caller's scope by default) over a period,
 * per agency point and month, with the repeats of the same period a year earlier.
 */
export function fetchPetitionStats(
  query: QueryOf<PetitionStatsQuery>,
  signal?: AbortSignal,
): Promise<PetitionStatsReport> {
  return apiRequest(withQuery(`${BASE}/stats`, query), opts(signal));
}

/** `GET /api/v1/petitions/settings`: the legal time limits in force (calendar days). */
export function fetchPetitionTimeLimits(signal?: AbortSignal): Promise<PetitionTimeLimits> {
  return apiRequest(`${BASE}/settings`, opts(signal));
}

/** `PUT /api/v1/petitions/settings`: sets the time limits; periods opened from now on follow them. */
export function savePetitionTimeLimits(input: PetitionTimeLimits): Promise<PetitionTimeLimits> {
  return apiRequest(`${BASE}/settings`, { method: 'PUT', body: input });
}
