import type {
  CaseAction,
  CaseActionInput,
  CaseDetail,
  CaseListQuery,
  CasePage,
  CaseSummary,
  RegisterInput,
  TimelineVerification,
} from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';
import type { KeysetRequest } from '../../../platform/lists/use-keyset-pages.js';

export type {
  CaseDetail,
  CaseEventView as CaseEvent,
  CaseOrgRef,
  CasePage,
  CaseSummary,
  TimelineVerification,
} from '@shanzhi/shared';

/**
 * Filters of `GET /api/v1/cases` (the shared `CaseListQuery` without its page): lists as arrays, or as the
 * address writes them, comma-joined.
 */
export type CaseListFilters = {
  [K in keyof Omit<CaseListQuery, 'cursor' | 'limit'>]?: CaseListQuery[K] | string | number;
};

/** A case list filter as query parameters: lists comma-joined (what the address and the export carry). */
export type CaseListParams = { [K in keyof CaseListFilters]?: string | number };

/** The query parameters of a case list filter: lists comma-joined, empty ones left out. */
function paramsOf(filters: CaseListFilters): CaseListParams {
  return Object.fromEntries(
    Object.entries(filters).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.join(',') || undefined : (value as string | number | undefined),
    ]),
  );
}

/**
 * A keyset page of the cases in the caller's scope matching the filters (the first page without `cursor`):
 * the one fetcher of `GET /api/v1/cases`.
 */
export function fetchCases(
  query: CaseListFilters & Partial<KeysetRequest>,
  signal?: AbortSignal,
): Promise<CasePage> {
  const { cursor, limit, ...filters } = query;
  return apiRequest(
    withQuery('/api/v1/cases', { ...paramsOf(filters), cursor, limit }),
    signal ? { signal } : {},
  );
}

/** How many cases a queue holds, up to `cap` (a keyset list does not count). */
export async function countCases(filters: CaseListFilters, cap = 100, signal?: AbortSignal): Promise<string> {
  const page = await fetchCases({ ...filters, limit: cap }, signal);
  return page.nextCursor ? `${cap}+` : String(page.items.length);
}

/** A caller's earlier cases, newest first (来电历史): the first keyset page of them. */
export async function fetchCasesByPhone(phone: string, signal?: AbortSignal): Promise<CaseSummary[]> {
  const answer = await apiRequest<CasePage>(
    withQuery('/api/v1/cases/by-phone', { phone, limit: 10 }),
    signal ? { signal } : {},
  );
  return answer.items;
}

/** One case in full, with its timeline and the caller's actions. */
export function fetchCase(id: number, signal?: AbortSignal): Promise<CaseDetail> {
  return apiRequest(`/api/v1/cases/${id}`, signal ? { signal } : {});
}

/** Registers a case (登记). */
export function registerCase(input: RegisterInput): Promise<CaseDetail> {
  return apiRequest('/api/v1/cases', { method: 'POST', body: input });
}

/** Takes a lifecycle action on a case; the body carries the version the user saw. Answers the case after it. */
export function takeCaseAction<A extends Exclude<CaseAction, 'register'>>(
  id: number,
  action: A,
  input: CaseActionInput<A>,
): Promise<CaseDetail> {
  return apiRequest(`/api/v1/cases/${id}/actions/${action}`, { method: 'POST', body: input });
}

/** Recomputes the hash chain of a case's timeline on the server (一事一档 tamper evidence). */
export function verifyCaseTimeline(id: number, signal?: AbortSignal): Promise<TimelineVerification> {
  return apiRequest(`/api/v1/cases/${id}/timeline/verify`, signal ? { signal } : {});
}

/** Finds a case by its number (一档一号) within the caller's scope, or null. */
export async function findCaseByNumber(number: string, signal?: AbortSignal): Promise<CaseSummary | null> {
  const page = await fetchCases({ q: number, limit: 5 }, signal);
  return page.items.find((item) => item.number === number) ?? null;
}
