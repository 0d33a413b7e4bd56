import { z } from 'zod';
import { SlaLight } from '../cases/case-enums.js';
import { KeysetQuery, keysetPageOf } from '../lists/list.schemas.js';
import { DisputeAction, DisputeOutcome, DisputeState } from './dispute-lifecycle.js';
import {
  AgreementForm,
  ConfirmationStage,
  DisputeField,
  DisputeSource,
  PartyConfirmationMethod,
  PartyKind,
  PartyRole,
  ReferralTarget,
  SessionMode,
} from './mediation-enums.js';
import { Difficulty } from './mediation-stats.schemas.js';

const int = z.number().int();
const iso = z.string().nullable();
const Ref = z.object({ id: int, name: z.string() });

/** A party as the API shows him: phone and ID number masked; name and address masked without `personal_data.read`. */
export const PartyView = z.object({
  id: int,
  role: PartyRole,
  kind: PartyKind,
  name: z.string(),
  idNumber: z.string().nullable(),
  creditCode: z.string().nullable(),
  representative: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  email: z.string().nullable(),
  /** the party's confirmation of the agreement, if given */
  confirmedAt: iso,
  confirmationMethod: PartyConfirmationMethod.nullable(),
});
export type PartyView = z.infer<typeof PartyView>;

/** A session (调解记录) with its minutes. */
export const SessionView = z.object({
  id: int,
  mode: SessionMode,
  heldAt: z.string(),
  place: z.string().nullable(),
  videoLink: z.string().nullable(),
  attendees: z.string().nullable(),
  minutes: z.string(),
  mediatorName: z.string(),
  recordedAt: z.string(),
});
export type SessionView = z.infer<typeof SessionView>;

/** One term of the agreement. */
export const AgreementTermView = z.object({
  seq: int,
  content: z.string(),
  how: z.string(),
  dueDate: z.string(),
});

/** The agreement (调解协议). */
export const AgreementView = z.object({
  form: AgreementForm,
  facts: z.string(),
  issues: z.string().nullable(),
  terms: z.array(AgreementTermView),
  effectiveAt: z.string(),
  /** where the 调解协议书 is downloaded as Word (written agreements) */
  docxUrl: z.string().nullable(),
  /** where the 调解协议书 is downloaded as PDF (written agreements) */
  pdfUrl: z.string().nullable(),
});
export type AgreementView = z.infer<typeof AgreementView>;

/**
 * The judicial-confirmation window (司法确认, 30 days from the agreement taking effect) and where an
 * application stands.
 */
export const ConfirmationWindowView = z.object({
  opensAt: z.string(),
  closesAt: z.string(),
  /** whether an application may still be made now */
  open: z.boolean(),
  /** whole days left (0 on the last day, negative once closed) */
  daysLeft: int,
  /** whether the dispute's field allows confirmation at all (not identity, adoption or marriage) */
  available: z.boolean(),
  stage: ConfirmationStage.nullable(),
  court: z.string().nullable(),
  appliedAt: iso,
  acceptedAt: iso,
  ruledAt: iso,
});
export type ConfirmationWindowView = z.infer<typeof ConfirmationWindowView>;

/** One event of a dispute's timeline (room messages included). */
export const DisputeEventView = z.object({
  seq: int,
  action: z.string(),
  event: z.string(),
  actorName: z.string(),
  at: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  note: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
  /** ids of the dispute's evidence files this event brought (the portal application's) */
  attachments: z.array(int),
});
export type DisputeEventView = z.infer<typeof DisputeEventView>;

/** 证据材料: a file kept with a dispute, downloaded by staff who may read the dispute. */
export const DisputeEvidenceView = z.object({
  id: int,
  /** the file name as sent (free text, masked as the dispute's text is) */
  name: z.string(),
  /** the type its content proved */
  mime: z.string(),
  size: int,
  uploadedByName: z.string(),
  uploadedAt: z.string(),
  url: z.string(),
});
export type DisputeEvidenceView = z.infer<typeof DisputeEvidenceView>;

/** A dispute in lists (`GET /api/v1/mediation/disputes`). */
export const DisputeListItem = z.object({
  id: int,
  /** 纠纷编号, e.g. `TJ2026120600012` */
  number: z.string(),
  version: int,
  title: z.string(),
  source: DisputeSource,
  field: DisputeField,
  state: DisputeState,
  difficulty: Difficulty,
  outcome: DisputeOutcome.nullable(),
  org: Ref,
  committee: Ref.nullable(),
  mediator: Ref.nullable(),
  /** the applicants' and respondents' names (masked without `personal_data.read`) */
  applicantNames: z.array(z.string()),
  respondentNames: z.array(z.string()),
  /** 调解期限: 30 days (by default) from acceptance, by the working calendar */
  deadline: iso,
  light: SlaLight.nullable(),
  createdAt: z.string(),
  acceptedAt: iso,
  endedAt: iso,
  actions: z.array(DisputeAction),
});
export type DisputeListItem = z.infer<typeof DisputeListItem>;

/** A dispute in full (`GET /api/v1/mediation/disputes/:id`, and every action's answer). */
export const DisputeDetail = DisputeListItem.extend({
  facts: z.string(),
  claims: z.string(),
  occurredAt: iso,
  courtReference: z.string().nullable(),
  /** the 12345 case it came from, if any */
  caseId: int.nullable(),
  /** the psychological-hotline case opened for it, if any */
  hotlineCaseId: int.nullable(),
  /** the case opened for a department when mediation failed (转部门办理) */
  transferCaseId: int.nullable(),
  referralTarget: ReferralTarget.nullable(),
  extendedDays: int,
  parties: z.array(PartyView),
  sessions: z.array(SessionView),
  agreement: AgreementView.nullable(),
  confirmation: ConfirmationWindowView.nullable(),
  timeline: z.array(DisputeEventView),
  /** 证据材料, oldest first */
  evidence: z.array(DisputeEvidenceView),
});
export type DisputeDetail = z.infer<typeof DisputeDetail>;

/** `GET /api/v1/mediation/disputes`: newest first, in the caller's scope. */
export const DisputeListQuery = KeysetQuery.extend({
  state: DisputeState.optional(),
  /** disputes arising in this org's subtree */
  org: z.coerce.number().int().positive().optional(),
  field: DisputeField.optional(),
  /** one mediator's disputes (`me` is the caller) */
  mediator: z.union([z.literal('me'), z.coerce.number().int().positive()]).optional(),
  committee: z.coerce.number().int().positive().optional(),
  /** 关键词: number, title or facts */
  q: z.string().trim().min(1).max(100).optional(),
}).strict();
export type DisputeListQuery = z.infer<typeof DisputeListQuery>;

/** A keyset page of disputes. */
export const DisputePage = keysetPageOf(DisputeListItem);
export type DisputePage = z.infer<typeof DisputePage>;

/** The answer of `POST /api/v1/mediation/disputes`: the new dispute in full. */
export const CreateDisputeResult = DisputeDetail;

/**
 * The answer of `POST /api/v1/portal/mediation/applications`: what the citizen may see of the registered
 * dispute — its number, state and committee, how many files were kept, and how to follow it. No party's data.
 */
export const MediationApplied = z.object({
  /** 纠纷编号: the citizen quotes it, and enters the online room with it */
  number: z.string(),
  state: DisputeState,
  /** the committee it went to, by territory and field (null when none covers the place) */
  committeeName: z.string().nullable(),
  /** how many evidence files were kept with it */
  evidenceCount: int,
  /** how to follow it */
  hint: z.string(),
});
export type MediationApplied = z.infer<typeof MediationApplied>;
