import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import {
  type DisputeDetail,
  maskPhone,
  type PartyRole,
  type RoomAuthorKind,
  type RoomCodeInput,
  type RoomCodesIssued,
  type RoomConfirmInput,
  type RoomMessageView,
  type RoomSessionView,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { personalDataCipher } from '../../platform/crypto/personal-data-cipher.js';
import { AppError } from '../../platform/errors/app-error.js';
import { appendLifecycleEvent, runTransition } from '../../platform/lifecycle/transition.js';
import { publishLiveEvent } from '../../platform/realtime/realtime.js';
import { smsSenderOf } from '../../platform/sms/sms-sender.js';
import { findOrg } from '../orgs/orgs.repository.js';
import { committeesOfUser } from './committees.repository.js';
import { DISPUTE_DEFINITION, disputeNotFound } from './dispute-lifecycle.js';
import { findDispute, findPartiesOf, lockDispute } from './disputes.repository.js';
import { disputeEnvironment, getDisputeForParty, loadDisputeInScope } from './disputes.service.js';
import { partyPhone } from './party-contacts.js';
import {
  findPartiesWithLiveCode,
  findRoomSession,
  insertMessage,
  insertRoomSession,
  listMessages,
  type MessageRow,
  setRoomCodeHash,
} from './room.repository.js';
import { admitRoomCodeAttempt, noteRoomCodeSucceeded } from './room-code-guard.js';

/** How long a room code sent to a party's phone stays valid. */
const CODE_TTL_MS = 7 * 86_400_000;
/** How long a party's room session lasts. */
const SESSION_TTL_MS = 12 * 3_600_000;
/** The states in which the room is open: from the committee's assignment until the agreement's follow-up. */
const ROOM_OPEN_STATES = ['awaiting_consent', 'mediating', 'agreed'];
/** The live event of a new message (on the bus; the room's stream and the console's both hear it). */
export const ROOM_MESSAGE_TOPIC = 'dispute.room_message_posted';

/** The live event of a party's online confirmation: the room's stream tells its parties the dispute moved on. */
export const ROOM_CONFIRMATION_TOPIC = 'dispute.room_agreement_confirmed';

/** Who writes in or reads a room: the dispute's mediator (staff) or one of its parties (by his code). */
export interface RoomCaller {
  kind: RoomAuthorKind;
  disputeId?: number;
  partyId: number | null;
  partyRole: PartyRole | null;
  userId: number | null;
  name: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
const notAParty = () => new AppError('NOT_A_PARTY', '您不是该纠纷的当事人或调解员，不能进入调解室');

/** A party caller from his room token (`X-Room-Token`), or 401 ROOM_CODE_INVALID. */
export async function partyCallerOf(ctx: AppContext, token: string): Promise<RoomCaller> {
  const found = await findRoomSession(ctx.db, hashToken(token), ctx.clock.now());
  if (!found) throw new AppError('ROOM_CODE_INVALID', '调解室登录已失效，请重新输入访问码');
  const { party, session } = found;
  return {
    kind: 'party',
    disputeId: session.disputeId,
    partyId: party.id,
    partyRole: party.role as PartyRole,
    userId: null,
    name: party.name,
  };
}

/**
 * A staff caller of the room of dispute `id`: its committee's mediators (and an administrator). Anyone else
 * — another mediator, a dispatcher — is not in the room (403 NOT_A_PARTY).
 */
export async function staffCallerOf(ctx: AppContext, actor: Actor, id: number): Promise<RoomCaller> {
  const row = await loadDisputeInScope(ctx, actor, id);
  const admin = actor.roles.includes('admin');
  const member =
    row.committeeId !== null && (await committeesOfUser(ctx.db, actor.userId)).includes(row.committeeId);
  if (!admin && !(member && actor.permissions.has('mediation.room'))) throw notAParty();
  return { kind: 'mediator', partyId: null, partyRole: null, userId: actor.userId, name: actor.displayName };
}

/** Refuses a party caller in another dispute's room. */
export function assertCallerOf(caller: RoomCaller, disputeId: number): void {
  if (caller.kind === 'party' && caller.disputeId !== disputeId) throw notAParty();
}

function presentMessage(row: MessageRow, partyRoles: ReadonlyMap<number, PartyRole>): RoomMessageView {
  return {
    id: row.id,
    disputeId: row.disputeId,
    authorKind: row.authorKind as RoomAuthorKind,
    partyRole: row.partyId === null ? null : (partyRoles.get(row.partyId) ?? null),
    authorName: row.authorName,
    body: row.body,
    at: row.at.toISOString(),
  };
}

async function partyRolesOf(ctx: AppContext, disputeId: number): Promise<Map<number, PartyRole>> {
  const parties = (await findPartiesOf(ctx.db, [disputeId])).get(disputeId) ?? [];
  return new Map(parties.map((p) => [p.id, p.role as PartyRole]));
}

/** The room's messages after `after`, oldest first. */
export async function roomMessages(
  ctx: AppContext,
  disputeId: number,
  after?: number,
): Promise<RoomMessageView[]> {
  const [rows, roles] = await Promise.all([
    listMessages(ctx.db, disputeId, after),
    partyRolesOf(ctx, disputeId),
  ]);
  return rows.map((r) => presentMessage(r, roles));
}

/**
 * 在线调解室发言: the message is kept, appended to the dispute's timeline (chained like every event), and
 * published live to the room. Refused (409) when the room is not open.
 */
export async function postRoomMessage(
  ctx: AppContext,
  caller: RoomCaller,
  disputeId: number,
  body: string,
): Promise<RoomMessageView> {
  const now = ctx.clock.now();
  const { message, orgPath } = await ctx.db.transaction(async (tx) => {
    const row = await lockDispute(tx, disputeId);
    if (!row) throw disputeNotFound(disputeId);
    if (!ROOM_OPEN_STATES.includes(row.state)) {
      throw new AppError('TRANSITION_NOT_ALLOWED', '调解室未开放：纠纷尚未进入调解或已结束');
    }
    const message = await insertMessage(tx, {
      disputeId,
      authorKind: caller.kind,
      partyId: caller.partyId,
      userId: caller.userId,
      authorName: caller.name,
      body,
      at: now,
    });
    const event = {
      action: 'room_message',
      event: ROOM_MESSAGE_TOPIC,
      actorUserId: caller.userId,
      actorName: caller.kind === 'party' ? `当事人 ${caller.name}` : caller.name,
      actorOrgId: null,
      at: now,
      fromState: row.state,
      toState: row.state,
      note: body,
      changes: { messageId: message.id, authorKind: caller.kind, partyId: caller.partyId },
      attachments: [],
    };
    const { inserts, chain } = await appendLifecycleEvent(
      tx,
      DISPUTE_DEFINITION,
      ctx.chainKey,
      row,
      event,
      undefined,
    );
    await DISPUTE_DEFINITION.write(tx, disputeId, { patch: chain, now, bumpVersion: false }, inserts);
    return { message, orgPath: row.orgPath };
  });
  const view = presentMessage(message, await partyRolesOf(ctx, disputeId));
  await publishLiveEvent(ctx, {
    topic: ROOM_MESSAGE_TOPIC,
    at: view.at,
    audience: { orgPaths: [orgPath], permission: 'mediation.read' },
    data: { ...view },
  });
  return view;
}

/** A party's code as the server keeps it: the data key's blind index of the code, bound to that party. */
function roomCodeHashOf(ctx: AppContext, partyId: number, code: string): string {
  return personalDataCipher(ctx.dataKey).index('dispute_party.room_code', `${partyId}:${code}`);
}

/** Whether the party's kept hash is that of `code`, compared in constant time. */
function holdsRoomCode(ctx: AppContext, party: { id: number; roomCodeHash: string | null }, code: string) {
  if (!party.roomCodeHash) return false;
  const kept = Buffer.from(party.roomCodeHash);
  const given = Buffer.from(roomCodeHashOf(ctx, party.id, code));
  return kept.length === given.length && timingSafeEqual(kept, given);
}

/**
 * Gives each party with a phone a fresh 6-digit room code, kept only as its keyed hash, and sends it by SMS
 * when a gateway is configured (`SMS_GATEWAY_URL`). Without one, the codes are answered this once to the
 * issuing mediator (`code` on each item), to tell the parties by phone. No code is ever logged. A gateway
 * that refuses a message stops the issuing with 503 SMS_NOT_SENT (the codes sent before it stand; issuing
 * again replaces them all). Only the dispute's mediators.
 */
export async function issueRoomCodes(
  ctx: AppContext,
  actor: Actor,
  disputeId: number,
): Promise<RoomCodesIssued> {
  const row = await loadDisputeInScope(ctx, actor, disputeId);
  await staffCallerOf(ctx, actor, disputeId);
  const sms = smsSenderOf(ctx.config);
  const now = ctx.clock.now();
  const parties = (await findPartiesOf(ctx.db, [disputeId])).get(disputeId) ?? [];
  const items: RoomCodesIssued['items'] = [];
  for (const party of parties) {
    const phone = partyPhone(ctx, party);
    if (!phone) continue;
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await setRoomCodeHash(
      ctx.db,
      party.id,
      roomCodeHashOf(ctx, party.id, code),
      new Date(now.getTime() + CODE_TTL_MS),
    );
    await sms?.send({
      phone,
      text: `【善治】您的在线调解室访问码为 ${code}（纠纷编号 ${row.number}），7 日内有效，请勿告诉他人。`,
    });
    items.push({
      partyId: party.id,
      name: party.name,
      role: party.role as PartyRole,
      sentTo: maskPhone(phone)!,
      ...(sms ? {} : { code }),
    });
  }
  ctx.logger.info(
    { disputeNumber: row.number, parties: items.map((i) => i.partyId), by: sms ? 'sms' : 'mediator' },
    'room codes issued',
  );
  return { items };
}

/**
 * 进入调解室: a party's code exchanged for a session scoped to that dispute. Each attempt first passes the
 * room-code guard (429 with `Retry-After` for a locked number or a busy address); a wrong or expired code is
 * 401 ROOM_CODE_INVALID and stays counted, the right one is given back.
 */
export async function openRoomSession(
  ctx: AppContext,
  input: RoomCodeInput,
  address: string,
): Promise<RoomSessionView & { token: string }> {
  const now = ctx.clock.now();
  const reservations = await admitRoomCodeAttempt(ctx, { number: input.number, address }, now);
  const candidates = await findPartiesWithLiveCode(ctx.db, input.number, now);
  const found = candidates.find((c) => holdsRoomCode(ctx, c.party, input.code));
  if (!found) throw new AppError('ROOM_CODE_INVALID', '纠纷编号或访问码不正确，或访问码已过期');
  await noteRoomCodeSucceeded(ctx, reservations);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await insertRoomSession(ctx.db, {
    tokenHash: hashToken(token),
    disputeId: found.party.disputeId,
    partyId: found.party.id,
    expiresAt,
    createdAt: now,
  });
  return {
    token,
    disputeId: found.party.disputeId,
    disputeNumber: found.disputeNumber,
    title: found.title,
    partyId: found.party.id,
    partyName: found.party.name,
    partyRole: found.party.role as PartyRole,
    expiresAt: expiresAt.toISOString(),
  };
}

/**
 * A party as the actor of his own step on the shared lifecycle: a citizen, with the one permission his room
 * session grants (`mediation.confirm_agreement`) and the data scope of his dispute's org alone; the timeline
 * names him (当事人 …). No staff user: user id 0, as the portal's citizen.
 */
async function partyActorOf(ctx: AppContext, caller: RoomCaller): Promise<Actor> {
  const row = await findDispute(ctx.db, caller.disputeId!);
  if (!row) throw disputeNotFound(caller.disputeId!);
  const org = await findOrg(ctx.db, row.orgId);
  if (!org) throw disputeNotFound(row.id);
  return {
    userId: 0,
    username: 'party',
    displayName: `当事人 ${caller.name}`,
    orgId: org.id,
    orgCode: org.code,
    orgName: org.name,
    orgKind: org.kind,
    orgPath: org.path,
    roles: ['citizen'],
    permissions: new Set(['mediation.confirm_agreement']),
    scopePath: row.orgPath,
    ip: '',
  };
}

/**
 * 在线确认: the party of the room session confirms the agreement himself, through the shared lifecycle (one
 * transaction, the chained `confirm_agreement` event naming him as its actor). `partyId` must be his own
 * (403 NOT_A_PARTY otherwise); the confirmation's method is `online`. The room's stream tells the others
 * (`confirmed`). Answers the dispute as he sees it.
 */
export async function confirmAgreementAsParty(
  ctx: AppContext,
  caller: RoomCaller,
  input: RoomConfirmInput,
  ip: string,
): Promise<DisputeDetail> {
  const disputeId = caller.disputeId!;
  const actor = { ...(await partyActorOf(ctx, caller)), ip };
  const env = await disputeEnvironment(ctx, { party: { id: caller.partyId! } });
  const request = {
    id: disputeId,
    action: 'confirm_agreement' as const,
    input: { version: input.version, partyId: input.partyId, method: 'online' as const },
  };
  const row = await ctx.db.transaction((tx) => runTransition(tx, DISPUTE_DEFINITION, actor, request, env));
  await publishLiveEvent(ctx, {
    topic: ROOM_CONFIRMATION_TOPIC,
    at: env.now.toISOString(),
    audience: { orgPaths: [row.orgPath], permission: 'mediation.read' },
    data: { disputeId, partyId: input.partyId },
  });
  return getDisputeForParty(ctx, disputeId);
}
