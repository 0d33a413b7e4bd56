import {
  type DisputeDetail,
  type MediationApplicationInput,
  type MediationApplied,
  type PostRoomMessageInput,
  ROOM_TOKEN_HEADER,
  type RoomCodeInput,
  type RoomConfirmInput,
  type RoomMessageList,
  type RoomMessageView,
  type RoomSessionOpened,
} from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';
import { downloadFile } from '../../case-search/api/case-search.api.js';
import { PUBLIC } from '../../portal/api/portal.api.js';

const DISPUTES = '/api/v1/mediation/disputes';

/**
 * Sends an online application for mediation (网上申请调解) with its evidence files, as multipart: the
 * application as JSON in `data`, then the files. Answers the dispute's number and state and how to follow it.
 */
export function applyForMediation(
  input: MediationApplicationInput,
  evidence: readonly File[],
): Promise<MediationApplied> {
  const body = new FormData();
  body.append('data', JSON.stringify(input));
  for (const file of evidence) body.append('evidence', file, file.name);
  return apiRequest('/api/v1/portal/mediation/applications', { method: 'POST', body, ...PUBLIC });
}

/** A party's pass to a room: the session his code opened and its token. */
export type RoomPass = RoomSessionOpened;

/** Exchanges a party's dispute number and the code sent to his phone for a room session on that dispute. */
export function enterRoom(input: RoomCodeInput): Promise<RoomPass> {
  return apiRequest('/api/v1/mediation/room/session', { method: 'POST', body: input, ...PUBLIC });
}

/** The headers of a call made with a party's pass. */
export function partyHeaders(pass: RoomPass): Record<string, string> {
  return { [ROOM_TOKEN_HEADER]: pass.token };
}

/** The options of a call made with a party's pass. */
function asParty(pass: RoomPass) {
  return { ...PUBLIC, headers: partyHeaders(pass) };
}

/** The dispute as its party sees it in the room: state, agreement terms, version for the confirmation. */
export function fetchRoomDispute(pass: RoomPass): Promise<DisputeDetail> {
  return apiRequest('/api/v1/mediation/room/dispute', asParty(pass));
}

/** The room's messages after `after` (all of them without it), oldest first. */
export async function fetchRoomMessages(pass: RoomPass, after?: number): Promise<RoomMessageView[]> {
  const answer = await apiRequest<RoomMessageList>(
    withQuery(`${DISPUTES}/${pass.disputeId}/messages`, { after }),
    asParty(pass),
  );
  return answer.items;
}

/** Writes in the room as the party of the pass. */
export function postRoomMessage(pass: RoomPass, input: PostRoomMessageInput): Promise<RoomMessageView> {
  return apiRequest(`${DISPUTES}/${pass.disputeId}/messages`, {
    method: 'POST',
    body: input,
    ...asParty(pass),
  });
}

/** Where the room's new messages are pushed as server-sent events (read with the party's headers). */
export function roomStreamPath(pass: RoomPass): string {
  return `${DISPUTES}/${pass.disputeId}/messages/stream`;
}

/** 在线确认: the party of the pass confirms the agreement himself, at the version he read. */
export function confirmAgreementOnline(pass: RoomPass, dispute: DisputeDetail): Promise<DisputeDetail> {
  const body: RoomConfirmInput = { version: dispute.version, partyId: pass.partyId };
  return apiRequest('/api/v1/mediation/room/confirm', { method: 'POST', body, ...asParty(pass) });
}

/** The files the written agreement downloads as: Word to print, PDF to keep. */
export type AgreementFormat = 'docx' | 'pdf';

/** 下载协议书: the written agreement as the party of the pass may read it, with its file name. */
export function downloadAgreement(
  pass: RoomPass,
  format: AgreementFormat,
): Promise<{ blob: Blob; fileName: string | null }> {
  return downloadFile(`/api/v1/mediation/room/agreement.${format}`, () => {}, undefined, partyHeaders(pass));
}
