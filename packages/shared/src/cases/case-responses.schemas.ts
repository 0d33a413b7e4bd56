import { z } from 'zod';
import { Priority } from '../catalog/priority.js';
import { keysetPageOf } from '../lists/list.schemas.js';
import { CASE_MEDIATION_OFFERS } from '../mediation/case-mediation-lifecycle.js';
import { CASE_PETITION_OFFERS } from '../petitions/case-petition-lifecycle.js';
import { CASE_ACTIONS } from './case-actions.js';
import { CaseSource, CaseType, SlaLight, SupervisionLevel } from './case-enums.js';
import { CaseIdleReason } from './case-idle-reasons.js';
import { CaseState } from './case-states.js';

const iso = z.string().nullable();

/** An org a case refers to (its district, its lead unit, its owner …). */
export const CaseOrgRef = z.object({ id: z.number().int(), name: z.string(), kind: z.string() });
export type CaseOrgRef = z.output<typeof CaseOrgRef>;

/**
 * An action a case may offer its caller: the spine's, or a step of a module over the case (mediation's
 * 转人民调解, `POST /api/v1/cases/:id/actions/convert_to_dispute`; petition agency's 转信访代办), which a case in
 * full lists.
 */
export const CaseOfferedAction = z.enum(
  [...CASE_ACTIONS, ...CASE_MEDIATION_OFFERS, ...CASE_PETITION_OFFERS],
  {
    error: '未知的工单操作',
  },
);
export type CaseOfferedAction = z.infer<typeof CaseOfferedAction>;

/**
 * A case in lists: what a queue shows, personal data masked for those without `personal_data.read` — the
 * citizen's fields, and the personal numbers typed into its free text (title, content, notes …).
 */
export const CaseSummary = z
  .object({
    id: z.number().int(),
    /** 工单编号 (一档一号), e.g. `WH20261123000123` */
    number: z.string(),
    title: z.string(),
    state: CaseState,
    light: SlaLight,
    source: CaseSource,
    /** 渠道 code of an online source */
    channel: z.string().nullable(),
    type: CaseType,
    priority: Priority,
    category: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    district: CaseOrgRef.nullable(),
    town: CaseOrgRef.nullable(),
    leadUnit: CaseOrgRef.nullable(),
    /** the centre (or territorial level) that owns the case now */
    currentOrg: CaseOrgRef.nullable(),
    citizenName: z.string().nullable(),
    citizenPhone: z.string().nullable(),
    address: z.string().nullable(),
    acceptDeadline: iso,
    resolveDeadline: iso,
    supervisionLevel: SupervisionLevel.nullable(),
    /** the case this one was merged into */
    masterCaseId: z.number().int().nullable(),
    /** the version an action must name (optimistic locking) */
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /**
     * the actions this caller may take on the case now: the only source of action buttons (a list gives the
     * spine's; a case in full adds the modules' steps over it)
     */
    actions: z.array(CaseOfferedAction),
    /** why `actions` is empty for this caller (another centre holds it, another unit handles it …); else null */
    idleReason: CaseIdleReason.nullable(),
  })
  .meta({ id: 'CaseSummary' });
export type CaseSummary = z.output<typeof CaseSummary>;

/** One event of a case's append-only timeline. */
export const CaseEventView = z
  .object({
    seq: z.number().int(),
    /** the action (`dispatch` …), or `sla` for the clock's warnings and breaches */
    action: z.string(),
    /** the past-tense event, e.g. `case.dispatched` */
    event: z.string(),
    actor: z.object({
      userId: z.number().int().nullable(),
      name: z.string(),
      orgId: z.number().int().nullable(),
    }),
    at: z.string(),
    fromState: CaseState.nullable(),
    toState: CaseState,
    note: z.string().nullable(),
    /** what the event changed or recorded; texts masked as the caller reads free text */
    changes: z.record(z.string(), z.unknown()),
    /** ids of the case's attachments this event brought (a progress note's photos, a reply's documents) */
    attachments: z.array(z.number().int()),
    /**
     * the event's hash in the case's chain; null for a caller without `personal_data.read` where it is an
     * unkeyed (pre-0012) hash, from which the numbers masked in the event could be recomputed by trial
     */
    hash: z.string().nullable(),
  })
  .meta({ id: 'CaseEventView' });
export type CaseEventView = z.output<typeof CaseEventView>;

const Limit = z.object({ value: z.number(), unit: z.string() });

/** A case in full, with its timeline and the caller's actions (`GET /api/v1/cases/:id`, and every action's answer). */
export const CaseDetail = CaseSummary.extend({
  /** 诉求内容 */
  description: z.string(),
  citizenIdNumber: z.string().nullable(),
  anonymous: z.boolean(),
  keepPrivate: z.boolean(),
  location: z.object({ lng: z.number(), lat: z.number() }).nullable(),
  community: CaseOrgRef.nullable(),
  grid: CaseOrgRef.nullable(),
  coHandlers: z.array(CaseOrgRef),
  /** 首接: the first unit that signed for it */
  firstReceiver: CaseOrgRef.nullable(),
  policeMatter: z.boolean(),
  /** 119联动 */
  fireLinkage: z.boolean(),
  acceptLimit: Limit,
  resolveLimit: Limit,
  dispatchedAt: iso,
  acceptedAt: iso,
  repliedAt: iso,
  calledBackAt: iso,
  closedAt: iso,
  returns: z.number().int(),
  reworks: z.number().int(),
  reopens: z.number().int(),
  supervisions: z.number().int(),
  extension: z.object({
    requests: z.number().int(),
    status: z.string().nullable(),
    requestedDeadline: iso,
    reason: z.string().nullable(),
  }),
  callback: z.object({
    reached: z.boolean().nullable(),
    contacted: z.boolean().nullable(),
    solved: z.boolean().nullable(),
    satisfaction: z.string().nullable(),
  }),
  externalRef: z.string().nullable(),
  threeWayCall: z.boolean().nullable(),
  knowledgeEntryId: z.number().int().nullable(),
  timeline: z.array(CaseEventView),
  /** the dispute the case was converted to (转人民调解); null if it was not */
  disputeId: z.number().int().nullable(),
  /** that dispute's 纠纷编号; null if there is none */
  disputeNumber: z.string().nullable(),
  /** the petition the case was converted to (转信访代办); null if it was not */
  petitionId: z.number().int().nullable(),
}).meta({ id: 'CaseDetail' });
export type CaseDetail = z.output<typeof CaseDetail>;

/** A keyset page of cases (`GET /api/v1/cases`, `GET /api/v1/cases/by-phone`). */
export const CasePage = keysetPageOf(CaseSummary);
export type CasePage = z.output<typeof CasePage>;

/** A file of a case as the API shows it. */
export const AttachmentView = z
  .object({
    id: z.number().int(),
    caseId: z.number().int(),
    /** the file name as uploaded, personal numbers in it masked as the caller reads free text */
    name: z.string(),
    /** the type its content proved (magic bytes), e.g. `image/jpeg` */
    mime: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.object({
      userId: z.number().int().nullable(),
      name: z.string(),
      orgId: z.number().int().nullable(),
    }),
    uploadedAt: z.string(),
    /** where the browser downloads or previews it */
    url: z.string(),
  })
  .meta({ id: 'AttachmentView' });
export type AttachmentView = z.output<typeof AttachmentView>;

/** The attachments of a case, oldest first. */
export const AttachmentList = z.object({ items: z.array(AttachmentView) });
export type AttachmentList = z.output<typeof AttachmentList>;
