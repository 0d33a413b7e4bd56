import { z } from 'zod';
import { bodyError, id, text, version } from '../lifecycle/action-body.js';
import { PartyRole } from './mediation-enums.js';

const int = z.number().int();

/** Who wrote in the room: the mediator (staff) or a party (through the portal with his code). */
export const ROOM_AUTHOR_KINDS = ['mediator', 'party'] as const;
export const RoomAuthorKind = z.enum(ROOM_AUTHOR_KINDS);
export type RoomAuthorKind = z.infer<typeof RoomAuthorKind>;
export const ROOM_AUTHOR_KIND_LABELS: Record<RoomAuthorKind, string> = {
  mediator: '调解员',
  party: '当事人',
};

/** `POST /api/v1/mediation/disputes/:id/messages`: a message in the online room (在线调解室). */
export const PostRoomMessageInput = z.strictObject({ body: text('消息内容', 1, 2000) }, { error: bodyError });
export type PostRoomMessageInput = z.infer<typeof PostRoomMessageInput>;

/** A message of the room; it is also on the dispute's timeline. */
export const RoomMessageView = z.object({
  id: int,
  disputeId: int,
  authorKind: RoomAuthorKind,
  /** the party's role, when a party wrote it */
  partyRole: PartyRole.nullable(),
  authorName: z.string(),
  body: z.string(),
  at: z.string(),
});
export type RoomMessageView = z.infer<typeof RoomMessageView>;

/** `GET /api/v1/mediation/disputes/:id/messages`: the room's messages, oldest first, after `after`. */
export const RoomMessageQuery = z.strictObject({
  after: z.coerce.number().int().min(0).optional(),
});
export type RoomMessageQuery = z.infer<typeof RoomMessageQuery>;
export const RoomMessageList = z.object({ items: z.array(RoomMessageView) });
export type RoomMessageList = z.infer<typeof RoomMessageList>;

/**
 * `POST /api/v1/mediation/room/session`: a party's access code (sent to his phone) exchanged for a party
 * session scoped to that one dispute.
 */
export const RoomCodeInput = z.strictObject(
  {
    /** 纠纷编号 */
    number: text('纠纷编号', 6, 30),
    /** 6-digit 调解室访问码 */
    code: z.string({ error: '请填写访问码' }).regex(/^\d{6}$/, '访问码为 6 位数字'),
  },
  { error: bodyError },
);
export type RoomCodeInput = z.infer<typeof RoomCodeInput>;

/** The party session: which dispute and which party it is for. */
export const RoomSessionView = z.object({
  disputeId: int,
  disputeNumber: z.string(),
  title: z.string(),
  partyId: int,
  partyName: z.string(),
  partyRole: PartyRole,
  expiresAt: z.string(),
});
export type RoomSessionView = z.infer<typeof RoomSessionView>;

/** The answer of `POST /api/v1/mediation/room/session`: the session and its token (send it as `X-Room-Token`). */
export const RoomSessionOpened = RoomSessionView.extend({ token: z.string() });
export type RoomSessionOpened = z.infer<typeof RoomSessionOpened>;

/**
 * The answer of `POST /api/v1/mediation/disputes/:id/room-codes`: which parties were given a fresh code, and
 * the phone it is for. With an SMS gateway the codes went by SMS and are not answered; without one each item
 * carries its `code`, answered this once to the issuing mediator to tell the party by phone (the server keeps
 * only a keyed hash of it and logs it nowhere).
 */
export const RoomCodesIssued = z.object({
  items: z.array(
    z.object({
      partyId: int,
      name: z.string(),
      role: PartyRole,
      sentTo: z.string(),
      /** the code itself, only when no SMS gateway sent it: to be told to the party by phone */
      code: z.string().optional(),
    }),
  ),
});
export type RoomCodesIssued = z.infer<typeof RoomCodesIssued>;

/**
 * `POST /api/v1/mediation/room/confirm` 在线确认: the party of the room token confirms the agreement as he read
 * it (`version` of the dispute), for himself only (`partyId` is his own; another party's is refused).
 */
export const RoomConfirmInput = z.strictObject(
  {
    version,
    /** the confirming party: the one the room token was opened for */
    partyId: id('当事人'),
  },
  { error: bodyError },
);
export type RoomConfirmInput = z.infer<typeof RoomConfirmInput>;

/** The header a party's room session travels in. */
export const ROOM_TOKEN_HEADER = 'x-room-token';
