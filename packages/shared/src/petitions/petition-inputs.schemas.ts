import { z } from 'zod';
import { Satisfaction } from '../cases/case-enums.js';
import { Instant } from '../grid/grid-common.schemas.js';
import { PhoneNumber, ResidentIdNumber } from '../grid/grid-resident.schemas.js';
import { actionBody, bodyError, optionalText, text } from '../lifecycle/action-body.js';
import { KeysetQuery } from '../lists/list.schemas.js';
import { PetitionContactChannel, PetitionMode, PetitionRiskKind } from './petition-enums.js';
import type { PetitionActionOnPetition } from './petition-lifecycle.js';
import { PetitionState } from './petition-lifecycle.js';

/**
 * A petitioner (信访人): identity is required (信访工作条例 art. 22: real name), his ID number and phone are
 * stored encrypted and shown masked; the ID number finds his earlier petitions on the same matter.
 */
export const PetitionerInput = z.strictObject(
  {
    /** 姓名 */
    name: text('信访人姓名', 1, 50),
    /** 公民身份号码 */
    idNumber: ResidentIdNumber,
    /** 联系电话 */
    phone: PhoneNumber.optional(),
    /** 住址 */
    address: optionalText('住址', 200),
  },
  { error: bodyError },
);
export type PetitionerInput = z.infer<typeof PetitionerInput>;

/** `POST /api/v1/petitions` 信访代办登记: by an agent at his agency point. */
export const CreatePetitionInput = z.strictObject(
  {
    /** 代办方式 */
    mode: PetitionMode,
    /** 信访事项: what the petitioner asks, in his words */
    matter: text('信访事项', 5, 4000),
    /** 责任单位: the body responsible for the matter, when known */
    responsibleBody: optionalText('责任单位', 100),
    /** 信访人: one or several (a joint petition) */
    petitioners: z.array(PetitionerInput).min(1, '至少填写一名信访人').max(10, '信访人最多 10 名'),
    /** 委托事项 of a 委托代办书 (委托 only): what the agent is entrusted with; the matter when left out */
    entrustedScope: optionalText('委托事项', 1000),
  },
  { error: bodyError },
);
export type CreatePetitionInput = z.infer<typeof CreatePetitionInput>;

/** The largest scan of a signed 委托代办书 accepted, in bytes once decoded. */
export const PETITION_SCAN_MAX_BYTES = 5 * 1024 * 1024;

/**
 * 已签署的委托代办书: the scan of the signed document, as base64 or a `data:…;base64,` URL, a PDF or a JPEG, PNG or
 * WebP picture; the server decides what it is by its first bytes, not by its name.
 */
export const SignedEntrustmentScan = z
  .string({ error: '请上传签署后的委托代办书' })
  .min(16, '扫描件内容为空')
  .max(
    Math.ceil((PETITION_SCAN_MAX_BYTES * 4) / 3) + 64,
    `扫描件不能超过 ${PETITION_SCAN_MAX_BYTES / 1024 / 1024} MB`,
  );

/** The input of each action on a petition: `version` plus what the action records. */
export const PETITION_ACTION_INPUTS = {
  accept: actionBody({ note: optionalText('受理说明', 1000) }),
  refuse: actionBody({ reason: text('不予受理理由', 2, 1000) }),
  verify: actionBody({
    /** 核实单位: the body the agent verified the matter with */
    body: text('核实单位', 2, 100),
    /** what the body said */
    findings: text('核实情况', 2, 2000),
  }),
  contact: actionBody({
    /** 联系对象: the petitioner or a body */
    party: text('联系对象', 1, 100),
    channel: PetitionContactChannel,
    note: text('联系情况', 2, 2000),
  }),
  extend: actionBody({
    /** calendar days the answer limit moves by; all extensions together stay within the configured maximum */
    days: z.number({ error: '请填写延期天数' }).int('延期天数须为整数').min(1, '延期至少 1 天'),
    /** why: the petitioner is told */
    reason: text('延期理由', 2, 1000),
    /** the head of the body who approved it (负责人批准) */
    approvedBy: text('批准人', 1, 50),
  }),
  answer: actionBody({ answer: text('处理意见', 2, 4000) }),
  feedback: actionBody({ note: text('反馈情况', 2, 2000) }),
  request_review: actionBody({ reason: text('复查请求', 2, 2000) }),
  review: actionBody({ answer: text('复查意见', 2, 4000) }),
  request_re_review: actionBody({ reason: text('复核请求', 2, 2000) }),
  start_hearing: actionBody({
    /** 听证事项: what the hearing is to establish, where and with whom */
    note: text('听证事项', 2, 1000),
  }),
  end_hearing: actionBody({ note: text('听证情况', 2, 2000) }),
  re_review: actionBody({ answer: text('复核意见', 2, 4000) }),
  close: actionBody({
    /** 化解: whether the petitioner's problem was resolved */
    resolved: z.boolean({ error: '请选择是否化解' }),
    note: optionalText('办结说明', 1000),
  }),
  visit_back: actionBody({ satisfaction: Satisfaction, note: optionalText('回访情况', 1000) }),
  flag_risk: actionBody({
    /** 风险类型 */
    kind: PetitionRiskKind,
    /** what was seen: words, threats, conduct */
    reason: text('风险情况', 2, 1000),
  }),
  unflag_risk: actionBody({ reason: text('解除理由', 2, 1000) }),
  take: actionBody({ note: optionalText('认领说明', 500) }),
  attach_signed_entrustment: actionBody({ scan: SignedEntrustmentScan }),
} as const satisfies Record<PetitionActionOnPetition, z.ZodType>;

/** The input of action `A`. */
export type PetitionActionInput<A extends PetitionActionOnPetition> = z.infer<
  (typeof PETITION_ACTION_INPUTS)[A]
>;

/** `GET /api/v1/petitions`: the petitions of the caller's scope, newest first. */
export const PetitionListQuery = KeysetQuery.extend({
  state: PetitionState.optional(),
  mode: PetitionMode.optional(),
  /** only those whose running limit has passed (超期) */
  overdue: z.enum(['true', 'false']).optional(),
  /** 关键词 in the matter */
  q: z.string().trim().min(1).max(100).optional(),
  /** only those flagged for escalation risk (风险预警), or only those not flagged */
  risk: z.enum(['true', 'false']).optional(),
  /** 待认领: only those waiting for an agent (from the portal), or only those that have one */
  unclaimed: z.enum(['true', 'false']).optional(),
}).strict();
export type PetitionListQuery = z.infer<typeof PetitionListQuery>;

/** `GET /api/v1/petitions/stats`: one org's subtree (default the caller's scope) over a period of registration. */
export const PetitionStatsQuery = z
  .object({
    org: z.coerce.number().int().positive().optional(),
    from: Instant.optional(),
    to: Instant.optional(),
  })
  .strict();
export type PetitionStatsQuery = z.infer<typeof PetitionStatsQuery>;
