import {
  DisputeDetail,
  PostRoomMessageInput,
  ROOM_TOKEN_HEADER,
  RoomCodeInput,
  RoomCodesIssued,
  RoomConfirmInput,
  RoomMessageList,
  RoomMessageQuery,
  RoomMessageView,
  RoomSessionOpened,
} from '@shanzhi/shared';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { actorOf, sessionTokenOf } from '../../platform/http/authenticate.js';
import { ErrorResponse, fileAnswer, IdParams, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import { contentDispositionOf } from '../../platform/http/file-answers.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { liveBusOf } from '../../platform/realtime/realtime.js';
import { resolveActor } from '../auth/auth.service.js';
import { openSseConnection, type SseConnection } from '../notifications/sse-connection.js';
import { AGREEMENT_FORMATS, type AgreementFormat, agreementDocumentForParty } from './agreement.service.js';
import { getDisputeForParty } from './disputes.service.js';
import {
  assertCallerOf,
  confirmAgreementAsParty,
  issueRoomCodes,
  openRoomSession,
  partyCallerOf,
  postRoomMessage,
  ROOM_CONFIRMATION_TOPIC,
  ROOM_MESSAGE_TOPIC,
  type RoomCaller,
  roomMessages,
  staffCallerOf,
} from './room.service.js';

const tags = ['mediation'];
/** The room's routes take a party's token or a staff session: they authenticate themselves. */
const ROOM_ACCESS = { public: true } as const;
const RoomHeaders = z.object({ [ROOM_TOKEN_HEADER]: z.string().min(20).max(200).optional() });

/** The party of the room token the request carries (401 without one, or with one expired). */
async function partyOfRequest(ctx: AppContext, request: FastifyRequest): Promise<RoomCaller> {
  const roomToken = request.headers[ROOM_TOKEN_HEADER];
  if (typeof roomToken !== 'string') throw new AppError('UNAUTHENTICATED', '请输入调解室访问码');
  return partyCallerOf(ctx, roomToken);
}

/**
 * Who calls the room of dispute `id`: a party by his room token (`X-Room-Token`, only for his dispute), or a
 * signed-in mediator of its committee; anyone else 403 NOT_A_PARTY, nobody 401.
 */
async function roomCallerOf(ctx: AppContext, request: FastifyRequest, id: number): Promise<RoomCaller> {
  const roomToken = request.headers[ROOM_TOKEN_HEADER];
  if (typeof roomToken === 'string') {
    const caller = await partyCallerOf(ctx, roomToken);
    assertCallerOf(caller, id);
    return caller;
  }
  const token = sessionTokenOf(request);
  if (!token) throw new AppError('UNAUTHENTICATED', '请先登录或输入调解室访问码');
  const actor = await resolveActor(ctx, token, request.ip);
  if (!actor.permissions.has('mediation.read')) throw new AppError('FORBIDDEN', '缺少权限 mediation.read');
  return staffCallerOf(ctx, actor, id);
}

function registerRoomStream(app: ApiInstance, ctx: AppContext): void {
  const open = new Set<SseConnection>();
  app.addHook('preClose', async () => {
    for (const connection of [...open]) connection.end();
  });
  app.get(
    '/api/v1/mediation/disputes/:id/messages/stream',
    {
      config: ROOM_ACCESS,
      schema: {
        tags,
        summary:
          '调解室实时消息 Server-sent events of the room: `ready`, then each new `message`, and `confirmed` when a party confirms the agreement online',
        params: IdParams,
        headers: RoomHeaders,
        response: {
          200: {
            description: 'Server-sent events',
            content: { 'text/event-stream': { schema: z.string() } },
          },
          ...STANDARD_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const caller = await roomCallerOf(ctx, request, id);
      let connection: SseConnection | undefined;
      const unsubscribe = await liveBusOf(ctx).subscribe((event) => {
        if (!connection?.open || event.data.disputeId !== id) return;
        if (event.topic === ROOM_MESSAGE_TOPIC) connection.send('message', event.data);
        else if (event.topic === ROOM_CONFIRMATION_TOPIC) connection.send('confirmed', event.data);
      });
      reply.hijack();
      const live = openSseConnection(reply.raw, () => {
        unsubscribe();
        open.delete(live);
      });
      connection = live;
      open.add(live);
      live.send('ready', { disputeId: id, as: caller.kind });
    },
  );
}

/** 当事人下载调解协议书: the party's agreement (by his room token) as `.docx` or `.pdf`, contacts masked. */
function registerPartyAgreementRoute(app: ApiInstance, ctx: AppContext, format: AgreementFormat): void {
  const { type } = AGREEMENT_FORMATS[format];
  app.get(
    `/api/v1/mediation/room/agreement.${format}`,
    {
      config: ROOM_ACCESS,
      schema: {
        tags,
        summary: `当事人下载调解协议书 The party’s agreement as .${format} (by his room token), the parties’ contacts masked`,
        headers: RoomHeaders,
        response: { 200: fileAnswer(type, `The .${format} of the agreement`), ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const caller = await partyOfRequest(ctx, request);
      const { fileName, bytes } = await agreementDocumentForParty(ctx, caller.disputeId!, format);
      return reply
        .header('content-type', type)
        .header('content-disposition', contentDispositionOf(fileName))
        .send(bytes);
    },
  );
}

/**
 * 在线调解室: the parties' codes, their sessions, the messages and their live stream, and a party's own steps
 * on the agreement (confirming it online, downloading it).
 */
export function registerRoomRoutes(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/mediation/disputes/:id/room-codes',
    {
      config: { permission: 'mediation.room' },
      schema: {
        tags,
        summary:
          '发送调解室访问码 A fresh 6-digit room code for each party with a phone: sent by SMS through `SMS_GATEWAY_URL`, or, with no gateway configured, answered this once (`code`) to tell the parties by phone',
        params: IdParams,
        response: { 200: RoomCodesIssued, ...STANDARD_ERRORS, 503: ErrorResponse },
      },
    },
    async (request) => issueRoomCodes(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/mediation/room/session',
    {
      config: ROOM_ACCESS,
      schema: {
        tags,
        summary:
          '当事人进入调解室 A party’s code exchanged for a session scoped to his dispute; 5 wrong codes for a number lock it for 30 minutes (429 ROOM_CODE_LOCKED), 20 from an address are 429 RATE_LIMITED, both with `Retry-After`',
        body: RoomCodeInput,
        response: { 200: RoomSessionOpened, ...STANDARD_ERRORS, 429: ErrorResponse },
      },
    },
    async (request) => openRoomSession(ctx, request.body, request.ip),
  );

  app.post(
    '/api/v1/mediation/room/confirm',
    {
      config: ROOM_ACCESS,
      schema: {
        tags,
        summary:
          '当事人在线确认协议 The party of the room token confirms the agreement himself (method online, recorded on the timeline with him as actor); `partyId` must be his own (403 NOT_A_PARTY). Mediators record paper confirmations with the `confirm_agreement` action',
        headers: RoomHeaders,
        body: RoomConfirmInput,
        response: { 200: DisputeDetail, ...STANDARD_ERRORS },
      },
    },
    async (request) =>
      confirmAgreementAsParty(ctx, await partyOfRequest(ctx, request), request.body, request.ip),
  );

  for (const format of Object.keys(AGREEMENT_FORMATS) as AgreementFormat[]) {
    registerPartyAgreementRoute(app, ctx, format);
  }

  app.get(
    '/api/v1/mediation/room/dispute',
    {
      config: ROOM_ACCESS,
      schema: {
        tags,
        summary:
          '当事人查看纠纷 The party’s own dispute (by his room token): state, sessions, agreement, window',
        headers: RoomHeaders,
        response: { 200: DisputeDetail, ...STANDARD_ERRORS },
      },
    },
    async (request) => getDisputeForParty(ctx, (await partyOfRequest(ctx, request)).disputeId!),
  );

  app.get(
    '/api/v1/mediation/disputes/:id/messages',
    {
      config: ROOM_ACCESS,
      schema: {
        tags,
        summary: '调解室消息 The room’s messages (its mediator and parties only)',
        params: IdParams,
        headers: RoomHeaders,
        querystring: RoomMessageQuery,
        response: { 200: RoomMessageList, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      await roomCallerOf(ctx, request, request.params.id);
      return { items: await roomMessages(ctx, request.params.id, request.query.after) };
    },
  );

  app.post(
    '/api/v1/mediation/disputes/:id/messages',
    {
      config: ROOM_ACCESS,
      schema: {
        tags,
        summary:
          '调解室发言 A message in the room, kept on the dispute’s timeline (its mediator and parties only)',
        params: IdParams,
        headers: RoomHeaders,
        body: PostRoomMessageInput,
        response: { 201: RoomMessageView, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const caller = await roomCallerOf(ctx, request, request.params.id);
      return reply.status(201).send(await postRoomMessage(ctx, caller, request.params.id, request.body.body));
    },
  );

  registerRoomStream(app, ctx);
}
