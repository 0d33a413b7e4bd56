import { z } from 'zod';
import { CaseType, Satisfaction } from '../cases/case-enums.js';

/** The channel code of requests made on the citizen portal (channels are data; this one is the web portal). */
export const PORTAL_CHANNEL = 'web_portal';

/** 手机或座机: `13912345678`, `0473-1234567`, `04731234567`. */
export const PORTAL_PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** 工单编号 as printed: `WH` + 8-digit date + 6-digit sequence. */
export const CASE_NUMBER_PATTERN = /^WH\d{14}$/;

/** The citizen's phone: what the portal asks for and what proves a case is theirs when tracking it. */
export const PortalPhone = z
  .string({ error: '请填写联系电话' })
  .trim()
  .min(1, '请填写联系电话')
  .regex(PORTAL_PHONE_PATTERN, '请填写正确的手机号或座机号（如 0473-1234567）');

/** A case number typed by a citizen (upper-cased, spaces removed). */
export const PortalCaseNumber = z
  .string({ error: '请填写工单编号' })
  .trim()
  .transform((v) => v.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(CASE_NUMBER_PATTERN, '工单编号格式不正确，应为 WH 加 14 位数字'));

/** 诉求内容: the most characters a citizen's description may have on the portal. */
export const PORTAL_DESCRIPTION_MAX_LENGTH = 2000;

/**
 * `POST /api/v1/portal/cases`: a citizen's request from the public portal. The server pins source (`online`)
 * and channel (`web_portal`); the citizen says what, where, and how to reach them. Sent as JSON, or with
 * photos as multipart/form-data: this object as JSON in the `data` part, then up to `PORTAL_MAX_PHOTOS`
 * `photos` parts.
 */
export const PortalSubmitInput = z
  .strictObject(
    {
      /** 诉求类型 */
      type: CaseType,
      /** 标题: optional one-line summary; derived from the description when absent */
      title: z.string({ error: '标题必须是文字' }).trim().max(50, '标题不能超过 50 个字').optional(),
      /** 诉求内容: what happened and what the citizen asks for */
      description: z
        .string({ error: '请填写诉求内容' })
        .trim()
        .min(10, '请把诉求写清楚，至少 10 个字')
        .max(PORTAL_DESCRIPTION_MAX_LENGTH, `诉求内容不能超过 ${PORTAL_DESCRIPTION_MAX_LENGTH} 个字`),
      /** 事项: a catalog leaf the citizen took from the suggestion; the dispatcher may change it */
      categoryId: z.number({ error: '事项无效' }).int('事项无效').positive('事项无效').optional(),
      /** 姓名: how the callback addresses the citizen */
      citizenName: z.string({ error: '姓名必须是文字' }).trim().max(30, '姓名不能超过 30 个字').optional(),
      /** 联系电话 (required): the callback dials it and tracking asks for it */
      phone: PortalPhone,
      /** 事发地址: required when no point is picked on the map */
      address: z.string({ error: '地址必须是文字' }).trim().max(200, '地址不能超过 200 个字').optional(),
      /** 地图位置 (GCJ-02), picked on the map */
      location: z
        .strictObject({
          longitude: z.number({ error: '经度无效' }).min(-180, '经度无效').max(180, '经度无效'),
          latitude: z.number({ error: '纬度无效' }).min(-90, '纬度无效').max(90, '纬度无效'),
        })
        .optional(),
      /** 保密: the request must never be published */
      keepPrivate: z.boolean({ error: '保密必须是是或否' }).default(false),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? '含有不允许的字段' : '请求体必须是一个对象') },
  )
  .superRefine((v, ctx) => {
    if (!v.location && !v.address) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: '请填写事发地址或在地图上选择位置' });
    }
  });
export type PortalSubmitInput = z.infer<typeof PortalSubmitInput>;

/** 照片: how many photos a citizen may attach to a request on the portal. */
export const PORTAL_MAX_PHOTOS = 3;

/** The largest photo the portal takes, in bytes (a phone camera's picture fits easily). */
export const PORTAL_PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/** The kinds of photo the portal takes; the server decides by the content's first bytes, not by the name. */
export const PORTAL_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** Whether a type is one the portal takes as a photo. */
export function isPortalPhotoType(type: string | null | undefined): boolean {
  return (PORTAL_PHOTO_TYPES as readonly (string | null | undefined)[]).includes(type);
}

/** `POST /api/v1/portal/suggest`: what the citizen has written so far, for a suggested category. */
export const PortalSuggestInput = z.strictObject({
  title: z.string({ error: '标题必须是文字' }).trim().max(50, '标题不能超过 50 个字').optional(),
  description: z
    .string({ error: '请填写诉求内容' })
    .trim()
    .min(5, '请多写几个字')
    .max(2000, '诉求内容不能超过 2000 个字'),
});
export type PortalSuggestInput = z.infer<typeof PortalSuggestInput>;

/**
 * 验证码: the answer to a captcha of `GET /api/v1/portal/captcha`, which tracking and rating ask for after
 * repeated wrong phones. Both fields or neither.
 */
const PortalCaptchaFields = {
  /** the id the captcha came with */
  captchaId: z.uuid({ error: '验证码已失效，请换一张' }).optional(),
  /** the characters read in its picture (case does not matter) */
  captchaAnswer: z
    .string({ error: '请输入验证码' })
    .trim()
    .min(1, '请输入验证码')
    .max(10, '验证码不正确')
    .optional(),
};

/** Refuses a captcha answer without its id, or an id without an answer. */
function bothCaptchaFieldsOrNeither(
  value: { captchaId?: string | undefined; captchaAnswer?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (value.captchaId !== undefined && value.captchaAnswer === undefined) {
    ctx.addIssue({ code: 'custom', path: ['captchaAnswer'], message: '请输入验证码' });
  }
  if (value.captchaId === undefined && value.captchaAnswer !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['captchaId'], message: '验证码已失效，请换一张' });
  }
}

/** `GET /api/v1/portal/captcha`: a captcha to answer, its picture as SVG markup. */
export const PortalCaptcha = z.object({
  /** to send back with the answer (`captchaId`) */
  captchaId: z.string(),
  /** the picture: an `<svg>` document */
  svg: z.string(),
});
export type PortalCaptcha = z.infer<typeof PortalCaptcha>;

/**
 * `GET /api/v1/portal/cases/:number?phone=`: tracking a case needs its number and the phone given with it,
 * and after repeated wrong phones the answer to a captcha.
 */
export const PortalTrackQuery = z
  .strictObject({ phone: PortalPhone, ...PortalCaptchaFields })
  .superRefine(bothCaptchaFieldsOrNeither);
export type PortalTrackQuery = z.infer<typeof PortalTrackQuery>;

/** `POST /api/v1/portal/cases/:number/rating`: the citizen's own rating of a closed case, once. */
export const PortalRatingInput = z
  .strictObject({
    /** the phone given with the request, proving the case is theirs */
    phone: PortalPhone,
    /** 满意 / 基本满意 / 不满意 */
    satisfaction: Satisfaction,
    /** 评价内容 */
    comment: z
      .string({ error: '评价内容必须是文字' })
      .trim()
      .max(500, '评价内容不能超过 500 个字')
      .optional(),
    ...PortalCaptchaFields,
  })
  .superRefine(bothCaptchaFieldsOrNeither);
export type PortalRatingInput = z.infer<typeof PortalRatingInput>;

/** The public steps of a case a citizen sees (no internal steps, no staff names, no notes). */
export const PORTAL_STEPS = [
  'registered',
  'dispatched',
  'accepted',
  'replied',
  'closed',
  'reopened',
  'transferred',
] as const;
export type PortalStep = (typeof PORTAL_STEPS)[number];

/** Chinese label of each public step. */
export const PORTAL_STEP_LABELS: Record<PortalStep, string> = {
  registered: '已受理登记',
  dispatched: '已转交承办单位',
  accepted: '承办单位已签收',
  replied: '承办单位已办结反馈',
  closed: '已办结',
  reopened: '已重新办理',
  transferred: '已转公安110处理',
};

/** The status a citizen sees, coarser than the case's state. */
export const PORTAL_STATUSES = [
  'received',
  'handling',
  'replied',
  'closed',
  'transferred',
  'not_handled',
] as const;
export type PortalStatus = (typeof PORTAL_STATUSES)[number];

/** Chinese label of each public status. */
export const PORTAL_STATUS_LABELS: Record<PortalStatus, string> = {
  received: '已受理',
  handling: '办理中',
  replied: '已答复',
  closed: '已办结',
  transferred: '已转公安110',
  not_handled: '不予受理',
};
