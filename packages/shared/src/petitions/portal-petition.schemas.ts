import { z } from 'zod';
import { PhoneNumber, ResidentIdNumber } from '../grid/grid-resident.schemas.js';
import { bodyError, id, optionalText, text } from '../lifecycle/action-body.js';
import { type PetitionAction, PetitionState } from './petition-lifecycle.js';

/** `POST /api/v1/portal/petitions` 网上信访: a citizen's own petition, left at the agency point he picks. */
export const PortalPetitionInput = z.strictObject(
  {
    /** 姓名 (real name: 信访工作条例 art. 22) */
    name: text('姓名', 1, 50),
    /** 公民身份号码 */
    idNumber: ResidentIdNumber,
    /** 联系电话: the agent calls it, and it proves the petition is his when he follows it */
    phone: PhoneNumber,
    /** 信访事项: what he asks, in his words */
    matter: text('信访事项', 5, 4000),
    /** 责任单位, when he knows it */
    responsibleBody: optionalText('责任单位', 100),
    /** 代办点: one of `PortalAgencyPoints`, where an agent takes it up */
    orgId: id('代办点'),
  },
  { error: bodyError },
);
export type PortalPetitionInput = z.infer<typeof PortalPetitionInput>;

/** 信访编号 as printed: `XF-` and digits. */
export const PETITION_NUMBER_PATTERN = /^XF-\d{1,9}$/;

/** `GET /api/v1/portal/petitions/:number`: a petition number typed by a citizen (upper-cased, spaces removed). */
export const PortalPetitionParams = z.strictObject({
  number: z
    .string({ error: '请填写信访编号' })
    .trim()
    .transform((v) => v.replace(/\s+/g, '').toUpperCase())
    .pipe(z.string().regex(PETITION_NUMBER_PATTERN, '信访编号格式不正确，应为 XF- 加数字')),
});

/** What the citizen is told once his petition is registered. */
export const PortalPetitionSubmitted = z.object({
  number: z.string(),
  /** the agency point it waits at */
  orgName: z.string(),
  hint: z.string(),
});
export type PortalPetitionSubmitted = z.infer<typeof PortalPetitionSubmitted>;

/** The steps of a petition a citizen sees on the portal (the agents' own records stay inside). */
export const PORTAL_PETITION_STEPS = [
  'register',
  'take',
  'accept',
  'refuse',
  'extend',
  'answer',
  'request_review',
  'review',
  'request_re_review',
  're_review',
  'close',
] as const satisfies readonly PetitionAction[];

/** A petition as the portal shows it to the citizen who proved it is his (number + phone). */
export const PortalPetitionView = z.object({
  number: z.string(),
  state: PetitionState,
  stateLabel: z.string(),
  /** his matter, personal data in it masked */
  matter: z.string(),
  orgName: z.string(),
  /** whether an agent has taken it (代办员已认领) */
  taken: z.boolean(),
  submittedAt: z.string(),
  /** 受理期限 */
  acceptDeadline: z.string(),
  /** 答复期限, once accepted */
  answerDeadline: z.string().nullable(),
  timeline: z.array(z.object({ action: z.string(), label: z.string(), at: z.string() })),
});
export type PortalPetitionView = z.infer<typeof PortalPetitionView>;

/** `GET /api/v1/portal/petitions/points`: the agency points (代办点) a citizen may pick. */
export const PortalAgencyPoints = z.object({
  points: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type PortalAgencyPoints = z.infer<typeof PortalAgencyPoints>;
