import type { CaseAction, CaseActionInput, CaseListSort, RegisterInput } from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

/** An org a case refers to (district, unit, centre …). */
export interface CaseOrgRef {
  id: number;
  name: string;
  kind: string;
}

/** A case as lists show it (`CaseSummary` of the API); personal data already masked by the server. */
export interface CaseSummary {
  id: number;
  number: string;
  title: string;
  state: string;
  light: string;
  source: string;
  channel: string | null;
  type: string;
  priority: string;
  category: { id: number; name: string } | null;
  district: CaseOrgRef | null;
  town: CaseOrgRef | null;
  leadUnit: CaseOrgRef | null;
  currentOrg: CaseOrgRef | null;
  citizenName: string | null;
  citizenPhone: string | null;
  address: string | null;
  acceptDeadline: string | null;
  resolveDeadline: string | null;
  supervisionLevel: string | null;
  masterCaseId: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** the actions the signed-in user may take on the case now: the only source of action buttons */
  actions: CaseAction[];
}

/** One event of a case's append-only timeline. */
export interface CaseEvent {
  seq: number;
  action: string;
  event: string;
  actor: { userId: number | null; name: string; orgId: number | null };
  at: string;
  fromState: string | null;
  toState: string;
  note: string | null;
  changes: Record<string, unknown>;
  /** ids of the case's attachments this event brought (a progress note's photos, a reply's documents) */
  attachments: number[];
  hash: string;
}

/** A case in full (`GET /api/v1/cases/:id`). */
export interface CaseDetail extends CaseSummary {
  description: string;
  citizenIdNumber: string | null;
  anonymous: boolean;
  keepPrivate: boolean;
  location: { lng: number; lat: number } | null;
  community: CaseOrgRef | null;
  grid: CaseOrgRef | null;
  coHandlers: CaseOrgRef[];
  firstReceiver: CaseOrgRef | null;
  policeMatter: boolean;
  acceptLimit: { value: number; unit: string };
  resolveLimit: { value: number; unit: string };
  dispatchedAt: string | null;
  acceptedAt: string | null;
  repliedAt: string | null;
  calledBackAt: string | null;
  closedAt: string | null;
  returns: number;
  reworks: number;
  reopens: number;
  supervisions: number;
  extension: {
    requests: number;
    status: string | null;
    requestedDeadline: string | null;
    reason: string | null;
  };
  callback: {
    reached: boolean | null;
    contacted: boolean | null;
    solved: boolean | null;
    satisfaction: string | null;
  };
  externalRef: string | null;
  threeWayCall: boolean | null;
  knowledgeEntryId: number | null;
  timeline: CaseEvent[];
}

/** Filters of `GET /api/v1/cases` (see `CaseListQuery` in the shared package). */
export interface CaseListFilters {
  state?: string[];
  light?: string[];
  categoryId?: number;
  within?: number;
  q?: string;
  /** `pending`: only cases whose extension request awaits a decision */
  extension?: 'pending';
  sort?: CaseListSort;
  cursor?: string;
  limit?: number;
}

/** One keyset page of cases. */
export interface CasePage {
  items: CaseSummary[];
  nextCursor: string | null;
}

/** A keyset page of the cases in the caller's scope matching `filters`. */
export function fetchCases(filters: CaseListFilters, signal?: AbortSignal): Promise<CasePage> {
  return apiRequest(
    withQuery('/api/v1/cases', {
      state: filters.state?.join(','),
      light: filters.light?.join(','),
      categoryId: filters.categoryId,
      within: filters.within,
      q: filters.q,
      extension: filters.extension,
      sort: filters.sort,
      cursor: filters.cursor,
      limit: filters.limit,
    }),
    signal ? { signal } : {},
  );
}

/** A caller's earlier cases, newest first (来电历史). */
export async function fetchCasesByPhone(phone: string, signal?: AbortSignal): Promise<CaseSummary[]> {
  const answer = await apiRequest<{ items: CaseSummary[] }>(
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

/** The hash-chain check of a case's timeline (一事一档 tamper evidence). */
export interface TimelineVerification {
  valid: boolean;
  events: number;
  brokenAt?: number;
}

/** Recomputes the hash chain of a case's timeline on the server. */
export function verifyCaseTimeline(id: number, signal?: AbortSignal): Promise<TimelineVerification> {
  return apiRequest(`/api/v1/cases/${id}/timeline/verify`, signal ? { signal } : {});
}

/** Finds a case by its number (一档一号) within the caller's scope, or null. */
export async function findCaseByNumber(number: string, signal?: AbortSignal): Promise<CaseSummary | null> {
  const page = await fetchCases({ q: number, limit: 5 }, signal);
  return page.items.find((item) => item.number === number) ?? null;
}
