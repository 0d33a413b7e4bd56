import { z } from 'zod';
import { Priority } from '../catalog/priority.js';
import { actionBody, bodyError, id, optionalText, text } from '../lifecycle/action-body.js';
import type { CaseAction } from './case-actions.js';
import { CaseSource, CaseType, Satisfaction, SupervisionLevel } from './case-enums.js';

/** Ids without repeats. */
function uniqueIds(label: string) {
  return z
    .array(id(label), { error: `${label}必须是列表` })
    .refine((ids) => new Set(ids).size === ids.length, `${label}不能重复`);
}

/** `register` 登记: the only action that creates a case, so it carries no version. */
export const RegisterInput = z
  .strictObject(
    {
      /** 来源: where the request came from */
      source: CaseSource,
      /** 渠道: code of the online channel (portal, mini-program …, kept as data); required for `online` */
      channelCode: z.string().trim().min(1, '请选择渠道').max(32, '渠道编码过长').optional(),
      /** 诉求类型 */
      type: CaseType,
      /** 标题: a one-line summary; the server derives one from the content when absent */
      title: optionalText('标题', 100),
      /** 诉求内容: what the citizen asks, in their words */
      content: text('诉求内容', 1, 5000),
      /** 事项目录: the catalog leaf, when classified at intake (the dispatcher may set it later) */
      categoryId: id('事项').optional(),
      /** 优先级: decides the time limits; defaults to 一般 */
      priority: Priority.default('normal'),
      /** 诉求人姓名 */
      citizenName: optionalText('诉求人姓名', 50),
      /** 联系电话: the number the callback will dial */
      citizenPhone: z
        .string({ error: '联系电话必须是文字' })
        .trim()
        .regex(/^[0-9+\-() ]{5,20}$/, '联系电话格式不正确')
        .optional(),
      /** 身份证号: only when the matter needs it (social security, petitions …) */
      citizenIdNumber: z
        .string({ error: '身份证号必须是文字' })
        .trim()
        .regex(/^[0-9]{17}[0-9Xx]$/, '身份证号格式不正确')
        .optional(),
      /** 匿名: the citizen's name and phone are hidden from the handling unit */
      anonymous: z.boolean({ error: '匿名必须是是或否' }).default(false),
      /** 保密: the request is never published (portal, open data) and its content stays with staff */
      keepPrivate: z.boolean({ error: '保密必须是是或否' }).default(false),
      /** 事发地址 */
      address: optionalText('事发地址', 200),
      /** 事发位置: longitude/latitude (GCJ-02, as the platform's maps), e.g. from a grid worker's phone */
      location: z
        .strictObject({
          longitude: z.number().min(-180).max(180),
          latitude: z.number().min(-90).max(90),
        })
        .optional(),
      /** 119联动: the fire service is to be brought in (a fire, smoke, an e-bike in a lift) */
      fireLinkage: z.boolean({ error: '119联动必须是是或否' }).optional(),
      /** 外部编号: 110 incident number, petition number, alert id …; required for `transfer_110` */
      externalRef: z.string().trim().min(1).max(64, '外部编号过长').optional(),
    },
    { error: bodyError },
  )
  .superRefine((v, ctx) => {
    if (v.source === 'online' && v.channelCode === undefined) {
      ctx.addIssue({ code: 'custom', path: ['channelCode'], message: '网络渠道来件须注明渠道' });
    }
    if (v.source === 'transfer_110' && v.externalRef === undefined) {
      ctx.addIssue({ code: 'custom', path: ['externalRef'], message: '110转入须填写110警情编号' });
    }
  });
export type RegisterInput = z.infer<typeof RegisterInput>;

/** `resolve_on_call` 直接办结: the agent answers at once, from the knowledge base. */
export const ResolveOnCallInput = actionBody({
  /** 知识库条目: the entry the answer came from, if any */
  knowledgeEntryId: id('知识库条目').optional(),
  /** 答复内容: what the citizen was told or what was done */
  answer: text('答复内容'),
});
export type ResolveOnCallInput = z.infer<typeof ResolveOnCallInput>;

/** `dispatch` 派单: one lead unit (主办) and optional co-handlers (协办). */
export const DispatchInput = actionBody({
  /** 主办单位: the unit responsible for the case */
  leadUnitId: id('主办单位'),
  /** 协办单位: units that help the lead unit; never the lead unit itself */
  coHandlerIds: uniqueIds('协办单位').max(20, '协办单位不能超过 20 个').optional(),
  /** 派单意见: instructions to the unit */
  note: optionalText('派单意见'),
}).superRefine((v, ctx) => {
  if (v.coHandlerIds?.includes(v.leadUnitId)) {
    ctx.addIssue({ code: 'custom', path: ['coHandlerIds'], message: '协办单位不能包含主办单位' });
  }
});
export type DispatchInput = z.infer<typeof DispatchInput>;

/** `accept` 签收. */
export const AcceptInput = actionBody({
  /** 签收意见 */
  note: optionalText('签收意见'),
});
export type AcceptInput = z.infer<typeof AcceptInput>;

/** `return` 退单: a mis-routed case goes back to the dispatcher (only within the acceptance limit). */
export const ReturnInput = actionBody({
  /** 退单理由: why the case is not this unit's, e.g. which unit it belongs to */
  reason: text('退单理由', 5, 500),
});
export type ReturnInput = z.infer<typeof ReturnInput>;

/** `progress` 办理过程记录. */
export const ProgressInput = actionBody({
  /** 办理情况: what was done */
  note: text('办理情况'),
  /** 附件: ids of uploaded photos or documents */
  attachmentIds: uniqueIds('附件').max(20, '附件不能超过 20 个').optional(),
});
export type ProgressInput = z.infer<typeof ProgressInput>;

/** `request_extension` 延期申请 (the service checks the limit: once, at most 10 working days). */
export const RequestExtensionInput = actionBody({
  /** 申请延至: the new resolve deadline, ISO 8601 with offset */
  newDeadline: z.iso.datetime({ offset: true, error: '延期时间格式不正确' }),
  /** 延期理由 */
  reason: text('延期理由', 5, 500),
});
export type RequestExtensionInput = z.infer<typeof RequestExtensionInput>;

/** `approve_extension` 同意延期. */
export const ApproveExtensionInput = actionBody({
  /** 审批意见 */
  note: optionalText('审批意见'),
});
export type ApproveExtensionInput = z.infer<typeof ApproveExtensionInput>;

/** `refuse_extension` 不同意延期. */
export const RefuseExtensionInput = actionBody({
  /** 审批意见 */
  note: optionalText('审批意见'),
});
export type RefuseExtensionInput = z.infer<typeof RefuseExtensionInput>;

/** `reply` 办结反馈: the unit's answer to the citizen, reviewed before it goes out. */
export const ReplyInput = actionBody({
  /** 办结内容: how the request was handled */
  content: text('办结内容', 5, 5000),
  /** 答复模板: the reply template used, if any */
  templateId: id('答复模板').optional(),
  /** 附件: ids of uploaded photos or documents */
  attachmentIds: uniqueIds('附件').max(20, '附件不能超过 20 个').optional(),
});
export type ReplyInput = z.infer<typeof ReplyInput>;

/** `review` 审核: approving the reply (sending it back is `rework`). */
export const ReviewInput = actionBody({
  /** 审核结论: only `approve`; a refusal is the separate action `rework` */
  outcome: z.literal('approve', { error: '审核结论只能是通过；不通过请用返工' }),
  /** 审核意见 */
  note: optionalText('审核意见'),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

/** `rework` 返工: the reply is not good enough; back to the handling unit. */
export const ReworkInput = actionBody({
  /** 返工理由 */
  reason: text('返工理由', 5, 500),
});
export type ReworkInput = z.infer<typeof ReworkInput>;

/** `close` 结案. */
export const CloseInput = actionBody({
  /** 结案意见 */
  note: optionalText('结案意见'),
});
export type CloseInput = z.infer<typeof CloseInput>;

/** `reopen` 重办: e.g. after an unsatisfied callback. */
export const ReopenInput = actionBody({
  /** 重办理由 */
  reason: text('重办理由', 5, 500),
});
export type ReopenInput = z.infer<typeof ReopenInput>;

/** `supervise` 督办. */
export const SuperviseInput = actionBody({
  /** 督办级别: 一般督办 or 挂牌督办 */
  level: SupervisionLevel,
  /** 督办意见: what is asked of the unit, by when */
  note: text('督办意见'),
});
export type SuperviseInput = z.infer<typeof SuperviseInput>;

/** `merge` 合并: this case is a duplicate and follows the master case. */
export const MergeInput = actionBody({
  /** 主工单: the case this duplicate joins (the service refuses itself or a merged/void master) */
  masterCaseId: id('主工单'),
});
export type MergeInput = z.infer<typeof MergeInput>;

/** `unmerge` 取消合并: the case was not a duplicate after all. */
export const UnmergeInput = actionBody({
  /** 取消合并理由 */
  reason: text('取消合并理由'),
});
export type UnmergeInput = z.infer<typeof UnmergeInput>;

/** `transfer_to_110` 转110 (两线联动). */
export const TransferTo110Input = actionBody({
  /** 三方通话: decided in a call of caller + 12345 + 110 */
  threeWayCall: z.boolean({ error: '请选择是否三方通话' }),
  /** 110警情编号, when 110 gave one */
  externalRef: z.string().trim().min(1).max(64, '警情编号过长').optional(),
  /** 转办说明 */
  note: text('转办说明'),
});
export type TransferTo110Input = z.infer<typeof TransferTo110Input>;

/** `transfer_from_110` 110转回: 110 passes back a case that is not a police matter. */
export const TransferFrom110Input = actionBody({
  /** 110警情编号 of the passing back */
  externalRef: text('110警情编号', 1, 64),
});
export type TransferFrom110Input = z.infer<typeof TransferFrom110Input>;

/** `escalate` 上报: to the next level up (the service finds that level in the org tree). */
export const EscalateInput = actionBody({
  /** 上报理由: why this level cannot settle it */
  reason: text('上报理由', 5, 500),
});
export type EscalateInput = z.infer<typeof EscalateInput>;

/** `consult` 会商: several units meet on a hard or disputed case. */
export const ConsultInput = actionBody({
  /** 会商单位: at least two */
  unitIds: uniqueIds('会商单位').min(2, '会商单位至少 2 个').max(30, '会商单位不能超过 30 个'),
  /** 会商纪要: what was agreed */
  note: text('会商纪要'),
});
export type ConsultInput = z.infer<typeof ConsultInput>;

/** `invalidate` 作废: spam, test call, harassment. */
export const InvalidateInput = actionBody({
  /** 作废理由 */
  reason: text('作废理由', 2, 500),
});
export type InvalidateInput = z.infer<typeof InvalidateInput>;

/**
 * `callback` 回访. `reached` says whether the callback got an answer at all: if not, it is an invalid
 * callback (无效回访) and carries no answers; if so, all three questions of 接诉即办 must be answered.
 * `contacted` is the citizen's answer to "did the handling unit contact you?" (响应), which is why it is not
 * the same thing as reaching the citizen.
 */
export const CallbackInput = actionBody({
  /** 回访接通: the citizen was reached and answered; false makes this an invalid callback */
  reached: z.boolean({ error: '请选择回访是否接通' }),
  /** 是否联系: the citizen says the handling unit contacted them (响应); null when not reached */
  contacted: z.boolean({ error: '请选择承办单位是否联系' }).nullable().default(null),
  /** 是否解决: the citizen says the problem is solved (解决); null when not reached */
  solved: z.boolean({ error: '请选择是否解决' }).nullable().default(null),
  /** 满意度: 满意 / 基本满意 / 不满意; null when not reached */
  satisfaction: Satisfaction.nullable().default(null),
  /** 回访记录 */
  note: optionalText('回访记录'),
}).superRefine((v, ctx) => {
  const answers = [
    ['contacted', '承办单位是否联系'],
    ['solved', '是否解决'],
    ['satisfaction', '满意度'],
  ] as const;
  for (const [field, label] of answers) {
    if (v.reached && v[field] === null) {
      ctx.addIssue({ code: 'custom', path: [field], message: `回访已接通，请填写${label}` });
    }
    if (!v.reached && v[field] !== null) {
      ctx.addIssue({ code: 'custom', path: [field], message: `回访未接通，不能填写${label}` });
    }
  }
});
export type CallbackInput = z.infer<typeof CallbackInput>;

/** The body schema of every action, by action: the server validates with it before anything else. */
export const ACTION_INPUT_SCHEMAS = {
  register: RegisterInput,
  resolve_on_call: ResolveOnCallInput,
  dispatch: DispatchInput,
  accept: AcceptInput,
  return: ReturnInput,
  progress: ProgressInput,
  request_extension: RequestExtensionInput,
  approve_extension: ApproveExtensionInput,
  refuse_extension: RefuseExtensionInput,
  reply: ReplyInput,
  review: ReviewInput,
  rework: ReworkInput,
  callback: CallbackInput,
  close: CloseInput,
  reopen: ReopenInput,
  supervise: SuperviseInput,
  merge: MergeInput,
  unmerge: UnmergeInput,
  transfer_to_110: TransferTo110Input,
  transfer_from_110: TransferFrom110Input,
  escalate: EscalateInput,
  consult: ConsultInput,
  invalidate: InvalidateInput,
} as const satisfies Record<CaseAction, z.ZodType>;

/** The parsed body of action `A`, e.g. `CaseActionInput<'dispatch'>` is `DispatchInput`. */
export type CaseActionInput<A extends CaseAction> = z.infer<(typeof ACTION_INPUT_SCHEMAS)[A]>;
