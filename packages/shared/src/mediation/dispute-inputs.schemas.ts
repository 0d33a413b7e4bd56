import { z } from 'zod';
import { isRealIsoDate } from '../calendar/beijing-time.js';
import { Instant } from '../grid/grid-common.schemas.js';
import { PhoneNumber, ResidentIdNumber } from '../grid/grid-resident.schemas.js';
import { actionBody, bodyError, id, optionalText, text } from '../lifecycle/action-body.js';
import {
  AgreementForm,
  ConfirmationRuling,
  DisputeField,
  DisputeSource,
  PartyConfirmationMethod,
  PartyKind,
  PartyRole,
  ReferralTarget,
  SessionMode,
} from './mediation-enums.js';
import { Difficulty } from './mediation-stats.schemas.js';

/** A Beijing calendar day, `YYYY-MM-DD`. */
export const MediationDay = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .regex(/^20\d{2}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .refine(isRealIsoDate, `${label}不是有效日期`);

/** 统一社会信用代码: 18 characters. */
const CreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJ-NP-RTUWXY]{18}$/, '统一社会信用代码须为 18 位');

/**
 * A party (当事人) as intake records him. At least one contact (phone, address or e-mail) is required: the
 * committee must be able to reach him. Phone and ID number are stored encrypted and shown masked.
 */
export const PartyInput = z
  .strictObject(
    {
      /** 申请人 or 被申请人 */
      role: PartyRole,
      /** 自然人 or 组织 */
      kind: PartyKind,
      /** 姓名 / 名称 */
      name: text('当事人姓名或名称', 1, 100),
      /** 身份证号码 (a person) */
      idNumber: ResidentIdNumber.optional(),
      /** 统一社会信用代码 (an organisation) */
      creditCode: CreditCode.optional(),
      /** 法定代表人/负责人 (an organisation) */
      representative: optionalText('法定代表人/负责人', 50),
      /** 联系电话: the room's access code is sent to it */
      phone: PhoneNumber.optional(),
      /** 联系地址 */
      address: optionalText('联系地址', 200),
      /** 电子邮箱 */
      email: z.email('电子邮箱格式不正确').optional(),
    },
    { error: bodyError },
  )
  .superRefine((party, ctx) => {
    if (!party.phone && !party.address && !party.email) {
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: '每位当事人至少填写一种联系方式（电话、地址或邮箱）',
        params: { reason: 'PARTY_CONTACT_REQUIRED' },
      });
    }
  });
export type PartyInput = z.infer<typeof PartyInput>;

/** What any intake records of a dispute: what, where, when and who (staff and the portal alike). */
const DISPUTE_INTAKE_SHAPE = {
  /** 纠纷类型: which specialised committee and which mediators' expertise it calls for */
  field: DisputeField,
  /** 纠纷标题 (简要案由) */
  title: text('纠纷标题', 2, 100),
  /** 纠纷事实: what happened */
  facts: text('纠纷事实', 5, 4000),
  /** 申请事项: what the applicant asks */
  claims: text('申请事项', 2, 2000),
  /** 纠纷发生地: the village/community (or town) where it arose; decides the committee by territory */
  orgId: id('纠纷发生地'),
  /** when it arose */
  occurredAt: Instant.optional(),
  /** 当事人: at least one applicant and one respondent */
  parties: z.array(PartyInput).min(2, '至少填写一名申请人和一名被申请人').max(20, '当事人最多 20 名'),
};

/** Refuses an intake without an applicant or without a respondent, on `parties`. */
function requireBothSides(input: { parties: readonly PartyInput[] }, ctx: z.RefinementCtx): void {
  for (const role of ['applicant', 'respondent'] as const) {
    if (!input.parties.some((p) => p.role === role)) {
      ctx.addIssue({
        code: 'custom',
        path: ['parties'],
        message: role === 'applicant' ? '至少填写一名申请人' : '至少填写一名被申请人',
      });
    }
  }
}

/** `POST /api/v1/mediation/disputes` 纠纷登记. */
export const CreateDisputeInput = z
  .strictObject(
    {
      /** 来源 */
      source: DisputeSource,
      ...DISPUTE_INTAKE_SHAPE,
      /** the court's referral number (诉前调解委派号) for a court referral */
      courtReference: optionalText('委派案号', 60),
    },
    { error: bodyError },
  )
  .superRefine(requireBothSides);
export type CreateDisputeInput = z.infer<typeof CreateDisputeInput>;

/** The most evidence files (证据材料) a citizen sends with an online application. */
export const MEDIATION_MAX_EVIDENCE = 5;

/** The kinds of evidence file the portal takes: photos and PDFs, decided by the content's first bytes. */
export const MEDIATION_EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

/** Whether a type is one the portal takes as evidence. */
export function isMediationEvidenceType(type: string | null | undefined): boolean {
  return (MEDIATION_EVIDENCE_TYPES as readonly (string | null | undefined)[]).includes(type);
}

/**
 * `POST /api/v1/portal/mediation/applications` 网上申请调解: the intake a citizen fills in on the portal. Its
 * source is always 网上申请 and the staff's own fields (来源, 委派案号) are refused. With evidence files it is
 * sent as multipart/form-data: this object as JSON in the `data` part, then up to `MEDIATION_MAX_EVIDENCE`
 * `evidence` parts (photos or PDFs).
 */
export const MediationApplicationInput = z
  .strictObject(DISPUTE_INTAKE_SHAPE, { error: bodyError })
  .superRefine(requireBothSides);
export type MediationApplicationInput = z.infer<typeof MediationApplicationInput>;

/** `accept` 受理: the committee takes it; the mediation limit starts. */
export const AcceptDisputeInput = actionBody({
  /** 难易程度 (以调定补 pays by it); 一般纠纷 when absent */
  difficulty: Difficulty.default('ordinary'),
  note: optionalText('受理意见', 500),
});

/** `assign` 指派: a committee and one of its mediators (see the suggestion). */
export const AssignDisputeInput = actionBody({
  committeeId: id('调委会'),
  mediatorId: id('调解员'),
  note: optionalText('指派说明', 500),
});

/** `consent` 同意调解: the respondent's recorded consent. */
export const ConsentDisputeInput = actionBody({ note: optionalText('同意情况', 500) });

/** `refuse` 拒绝调解: the respondent refuses; the dispute ends (人民调解法 art. 17). */
export const RefuseDisputeInput = actionBody({ reason: text('拒绝理由', 2, 500) });

/** `extend` 延长期限: the parties agreed to more time. */
export const ExtendDisputeInput = actionBody({
  days: z
    .number({ error: '请填写延长天数' })
    .int('延长天数须为整数')
    .min(1, '至少延长 1 天')
    .max(60, '最多延长 60 天'),
  reason: text('延期理由', 2, 500),
});

/** `record_session` 记录调解: a session with its minutes (调解笔录). */
export const RecordSessionInput = actionBody({
  /** 调解方式 */
  mode: SessionMode,
  /** when it was held (or starts, for a video session) */
  heldAt: Instant,
  /** 调解地点 (in person) */
  place: optionalText('调解地点', 200),
  /** 视频会议链接 (video) */
  videoLink: z.url({ error: '视频会议链接须为网址' }).max(500).optional(),
  /** 参加人员 */
  attendees: optionalText('参加人员', 500),
  /** 调解笔录 */
  minutes: text('调解笔录', 5, 10000),
}).superRefine((input, ctx) => {
  if (input.mode === 'video' && !input.videoLink) {
    ctx.addIssue({ code: 'custom', path: ['videoLink'], message: '视频调解须填写会议链接' });
  }
});

/** One term of an agreement: what, how, and by when (人民调解法 art. 29). */
export const AgreementTermInput = z.strictObject(
  {
    /** 协议内容 */
    content: text('协议内容', 2, 1000),
    /** 履行方式 */
    how: text('履行方式', 2, 500),
    /** 履行期限 */
    dueDate: MediationDay('履行期限'),
  },
  { error: bodyError },
);
export type AgreementTermInput = z.infer<typeof AgreementTermInput>;

/** `agree` 达成协议: the terms (at least one), its form, and the facts and issues it settles. */
export const AgreeDisputeInput = actionBody({
  form: AgreementForm,
  /** 纠纷主要事实 as the agreement states them; the dispute's facts when absent */
  facts: optionalText('纠纷事实', 4000),
  /** 争议事项 */
  issues: optionalText('争议事项', 2000),
  terms: z
    .array(AgreementTermInput, { error: '请填写协议条款' })
    .min(1, '协议至少有一项条款')
    .max(30, '协议条款最多 30 项'),
  /** when it took effect (signed and sealed); now when absent */
  effectiveAt: Instant.optional(),
});

/** `confirm_agreement` 当事人确认: a party's confirmation, online or by a scan of the signed paper. */
export const ConfirmAgreementInput = actionBody({
  partyId: id('当事人'),
  method: PartyConfirmationMethod,
  note: optionalText('确认说明', 500),
});

/** `fail` 调解不成. */
export const FailDisputeInput = actionBody({ reason: text('调解不成原因', 2, 1000) });

/** `escalate` 上移: one level up the tree; the committee above takes it. */
export const EscalateDisputeInput = actionBody({ reason: text('上移理由', 2, 1000) });

/** `refer` 引导诉讼/仲裁. */
export const ReferDisputeInput = actionBody({ to: ReferralTarget, note: text('告知情况', 2, 1000) });

/** `refer_to_hotline` 转心理援助热线: a psychological crisis becomes a case of the 24-hour hotline. */
export const ReferToHotlineInput = actionBody({ note: text('情况说明', 2, 1000) });

/**
 * `transfer_to_case` 转部门办理: a dispute mediation could not settle becomes a case of the spine for the
 * department the matter belongs to (a landlord's repairs to housing, wages to labour inspection …).
 */
export const TransferToCaseInput = actionBody({ note: text('转办说明', 2, 1000) });

/** `record_performance` 回访: the agreement was performed. */
export const RecordPerformanceInput = actionBody({
  visitedAt: Instant.optional(),
  note: text('回访情况', 2, 1000),
});

/** `apply_confirmation` 申请司法确认: the parties' joint application, within 30 days of the agreement. */
export const ApplyConfirmationInput = actionBody({
  court: text('受理法院', 2, 100),
  appliedAt: Instant.optional(),
  note: optionalText('申请说明', 500),
});

/** `record_confirmation_ruling` 记录法院裁定: acceptance, refusal, confirmation or rejection. */
export const RecordConfirmationRulingInput = actionBody({
  ruling: ConfirmationRuling,
  at: Instant.optional(),
  note: optionalText('裁定说明', 1000),
});

/** `close` 结案归档. */
export const CloseDisputeInput = actionBody({ note: optionalText('结案说明', 1000) });

/** The body of each action on an existing dispute (`POST /api/v1/mediation/disputes/:id/actions/:action`). */
export const DISPUTE_ACTION_INPUTS = {
  accept: AcceptDisputeInput,
  assign: AssignDisputeInput,
  consent: ConsentDisputeInput,
  refuse: RefuseDisputeInput,
  extend: ExtendDisputeInput,
  record_session: RecordSessionInput,
  agree: AgreeDisputeInput,
  confirm_agreement: ConfirmAgreementInput,
  fail: FailDisputeInput,
  escalate: EscalateDisputeInput,
  refer: ReferDisputeInput,
  refer_to_hotline: ReferToHotlineInput,
  transfer_to_case: TransferToCaseInput,
  record_performance: RecordPerformanceInput,
  apply_confirmation: ApplyConfirmationInput,
  record_confirmation_ruling: RecordConfirmationRulingInput,
  close: CloseDisputeInput,
} as const;
/** An action on an existing dispute. */
export type DisputeActionOnDispute = keyof typeof DISPUTE_ACTION_INPUTS;
/** The body of action `A`. */
export type DisputeActionInput<A extends DisputeActionOnDispute> = z.infer<(typeof DISPUTE_ACTION_INPUTS)[A]>;

/** `POST /api/v1/cases/:id/actions/convert_to_dispute`: a 12345 case that is a dispute becomes one. */
export const ConvertToDisputeInput = actionBody({
  /** 纠纷类型; 其他纠纷 when absent */
  field: DisputeField.optional(),
  /** 纠纷发生地; the case's community (or town, district) when absent */
  orgId: id('纠纷发生地').optional(),
  /** the respondent, when the case names him */
  respondent: PartyInput.optional(),
});
export type ConvertToDisputeInput = z.infer<typeof ConvertToDisputeInput>;

/** The answer of `convert_to_dispute`. */
export const ConvertToDisputeResult = z.object({ disputeId: z.number().int(), caseId: z.number().int() });
export type ConvertToDisputeResult = z.infer<typeof ConvertToDisputeResult>;
