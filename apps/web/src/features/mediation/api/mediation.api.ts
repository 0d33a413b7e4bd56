import type {
  AddMediatorInput,
  AssignmentSuggestion,
  CommitteeInput,
  CommitteeView,
  ConvertToDisputeInput,
  ConvertToDisputeResult,
  CreateDisputeInput,
  DisputeActionInput,
  DisputeActionOnDispute,
  DisputeDetail,
  DisputeListItem,
  DisputeListQuery,
  KeysetPage,
  MediationStatsQuery,
  MediationStatsView,
  MediatorListQuery,
  MediatorView,
  RoomCodesIssued,
  RoomMessageView,
  SubsidyStatement,
  SubsidyStatementQuery,
} from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

/** Query values as the URL carries them (absent ones left out). */
type QueryOf<Q> = { [K in keyof Q]?: Q[K] | undefined };

const BASE = '/api/v1/mediation';

/** `GET /api/v1/mediation/disputes`: a keyset page of disputes in the caller's scope, newest first. */
export function fetchDisputes(
  query: QueryOf<DisputeListQuery>,
  signal?: AbortSignal,
): Promise<KeysetPage<DisputeListItem>> {
  return apiRequest(withQuery(`${BASE}/disputes`, query), opts(signal));
}

/** `GET /api/v1/mediation/disputes/:id`: a dispute with its parties, sessions, agreement, timeline, actions. */
export function fetchDispute(id: number, signal?: AbortSignal): Promise<DisputeDetail> {
  return apiRequest(`${BASE}/disputes/${id}`, opts(signal));
}

/** `POST /api/v1/mediation/disputes`: 纠纷登记. */
export function registerDispute(input: CreateDisputeInput): Promise<DisputeDetail> {
  return apiRequest(`${BASE}/disputes`, { method: 'POST', body: input });
}

/** `POST /api/v1/mediation/disputes/:id/actions/:action`: one lifecycle action; answers the dispute after it. */
export function takeDisputeAction<A extends DisputeActionOnDispute>(
  id: number,
  action: A,
  body: DisputeActionInput<A>,
): Promise<DisputeDetail> {
  return apiRequest(`${BASE}/disputes/${id}/actions/${action}`, { method: 'POST', body });
}

/** `GET /api/v1/mediation/disputes/:id/assignment`: the suggested committee and its mediators, best first. */
export function fetchAssignmentSuggestion(id: number, signal?: AbortSignal): Promise<AssignmentSuggestion> {
  return apiRequest(`${BASE}/disputes/${id}/assignment`, opts(signal));
}

/** Where the 调解协议书 (.docx) of a dispute is downloaded. */
export function agreementDocxUrl(id: number): string {
  return `${BASE}/disputes/${id}/agreement.docx`;
}

/** `GET /api/v1/mediation/committees`: the committees of the caller's scope with their studios. */
export async function fetchCommittees(signal?: AbortSignal): Promise<CommitteeView[]> {
  return (await apiRequest<{ items: CommitteeView[] }>(`${BASE}/committees`, opts(signal))).items;
}

/** `POST /api/v1/mediation/committees`: 新建调解组织. */
export function createCommittee(input: CommitteeInput): Promise<CommitteeView> {
  return apiRequest(`${BASE}/committees`, { method: 'POST', body: input });
}

/** `PUT /api/v1/mediation/committees/:id`: 编辑调解组织. */
export function updateCommittee(id: number, input: CommitteeInput): Promise<CommitteeView> {
  return apiRequest(`${BASE}/committees/${id}`, { method: 'PUT', body: input });
}

/** `POST /api/v1/mediation/committees/:id/mediators`: 添加调解员 (an existing user). */
export function addMediator(committeeId: number, input: AddMediatorInput): Promise<MediatorView> {
  return apiRequest(`${BASE}/committees/${committeeId}/mediators`, { method: 'POST', body: input });
}

/** `DELETE /api/v1/mediation/committees/:id/mediators/:mediatorId`: 移除调解员. */
export async function removeMediator(committeeId: number, mediatorId: number): Promise<void> {
  await apiRequest(`${BASE}/committees/${committeeId}/mediators/${mediatorId}`, { method: 'DELETE' });
}

/** `GET /api/v1/mediation/mediators?committee=&field=`: mediators with their expertise and load. */
export async function fetchMediators(
  query: QueryOf<MediatorListQuery>,
  signal?: AbortSignal,
): Promise<MediatorView[]> {
  return (await apiRequest<{ items: MediatorView[] }>(withQuery(`${BASE}/mediators`, query), opts(signal)))
    .items;
}

/** `GET /api/v1/mediation/stats?org=&from=&to=&field=`: the numbers of a subtree and a period. */
export function fetchMediationStats(
  query: QueryOf<MediationStatsQuery>,
  signal?: AbortSignal,
): Promise<MediationStatsView> {
  return apiRequest(withQuery(`${BASE}/stats`, query), opts(signal));
}

/** `GET /api/v1/mediation/subsidies/statement?month=&committee=`: a month's 以调定补 statement. */
export function fetchSubsidyStatement(
  query: QueryOf<SubsidyStatementQuery>,
  signal?: AbortSignal,
): Promise<SubsidyStatement> {
  return apiRequest(withQuery(`${BASE}/subsidies/statement`, query), opts(signal));
}

/** Where the month's statement is exported to Excel. */
export function subsidyStatementXlsxUrl(query: QueryOf<SubsidyStatementQuery>): string {
  return withQuery(`${BASE}/subsidies/statement.xlsx`, query);
}

/** `GET /api/v1/mediation/disputes/:id/messages?after=`: the room's messages, oldest first. */
export async function fetchRoomMessages(
  id: number,
  after: number | undefined,
  signal?: AbortSignal,
): Promise<RoomMessageView[]> {
  return (
    await apiRequest<{ items: RoomMessageView[] }>(
      withQuery(`${BASE}/disputes/${id}/messages`, { after }),
      opts(signal),
    )
  ).items;
}

/** `POST /api/v1/mediation/disputes/:id/messages`: the mediator writes in the room. */
export function postRoomMessage(id: number, body: string): Promise<RoomMessageView> {
  return apiRequest(`${BASE}/disputes/${id}/messages`, { method: 'POST', body: { body } });
}

/** `POST /api/v1/mediation/disputes/:id/room-codes`: a fresh 6-digit room code to each party with a phone. */
export function sendRoomCodes(id: number): Promise<RoomCodesIssued> {
  return apiRequest(`${BASE}/disputes/${id}/room-codes`, { method: 'POST' });
}

/** The room's live stream: server-sent `ready`, then a `message` event for each new message. */
export function roomStreamUrl(id: number): string {
  return `${BASE}/disputes/${id}/messages/stream`;
}

/** `POST /api/v1/cases/:id/actions/convert_to_dispute`: a 12345 case that is a dispute becomes one. */
export function convertCaseToDispute(
  caseId: number,
  input: ConvertToDisputeInput,
): Promise<ConvertToDisputeResult> {
  return apiRequest(`/api/v1/cases/${caseId}/actions/convert_to_dispute`, { method: 'POST', body: input });
}
