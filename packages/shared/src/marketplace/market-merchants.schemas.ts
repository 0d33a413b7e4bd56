import { z } from 'zod';
import { parseClockMinutes } from '../calendar/beijing-time.js';
import { CreditCode } from '../grid/grid-organisation.schemas.js';
import { actionBody, bodyError, id, optionalText, text } from '../lifecycle/action-body.js';
import { PageQuery, pageOf } from '../lists/list.schemas.js';
import { MarketMerchantAction, MarketMerchantStatus } from './market-merchant-lifecycle.js';
import { MarketLocation } from './market-orders.schemas.js';

/** A time of day `HH:MM` (Beijing); `24:00` stands for midnight at the end of the day. */
const CLOCK_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** The clock time `HH:MM` of a minute of the day (1440 → `24:00`). */
export function clockOfMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

const clock = (label: string) =>
  z.string({ error: `请填写${label}` }).regex(CLOCK_PATTERN, `${label}格式应为 HH:MM（如 08:30）`);

/** 商户联系电话: a mobile number (it becomes the merchant's first account name). */
export const MerchantPhone = z
  .string({ error: '请填写联系电话' })
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号');

/** An amount of yuan in a price list. */
const yuan = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .min(0, `${label}不能为负数`)
    .max(100_000, `${label}不能超过 100000 元`);

/** 价目: what the merchant asks for an item it offers, one price (min = max) or a range, in yuan. */
export const MerchantPrice = z
  .strictObject({
    /** the item */
    itemId: id('服务项目'),
    /** 最低价 */
    min: yuan('最低价'),
    /** 最高价 */
    max: yuan('最高价'),
  })
  .refine((p) => p.min <= p.max, { path: ['max'], message: '最高价不能低于最低价' });
export type MerchantPrice = z.infer<typeof MerchantPrice>;

/** `POST /api/v1/portal/market/merchant-applications` 商户入驻: who the merchant is, what, where and when. */
export const MerchantApplicationInput = z
  .strictObject(
    {
      /** 商户名称 */
      name: text('商户名称', 2, 40),
      /** 营业执照 统一社会信用代码 (GB 32100, check character verified) */
      licenceNo: CreditCode,
      /** 联系人 */
      contactName: text('联系人', 1, 40),
      /** 联系电话 (mobile) */
      contactPhone: MerchantPhone,
      /** 服务项目: active items it offers */
      itemIds: z
        .array(id('服务项目'), { error: '请选择服务项目' })
        .min(1, '请至少选择一项服务项目')
        .max(22, '服务项目过多')
        .refine((ids) => new Set(ids).size === ids.length, '服务项目重复'),
      /** 服务区域: the districts and towns (org ids) it covers */
      areaOrgIds: z
        .array(id('服务区域'), { error: '请选择服务区域' })
        .min(1, '请至少选择一个服务区域')
        .max(30, '服务区域过多')
        .refine((ids) => new Set(ids).size === ids.length, '服务区域重复'),
      /** 服务半径的中心: its base point (GCJ-02); with `radiusKm`, or neither */
      baseLocation: MarketLocation.optional(),
      /** 服务半径 in km around `baseLocation`: orders within it are covered besides the areas */
      radiusKm: z
        .number({ error: '服务半径须为数字' })
        .min(0.5, '服务半径不能小于 0.5 公里')
        .max(50, '服务半径不能超过 50 公里')
        .optional(),
      /** 营业开始 `HH:MM` */
      opensAt: clock('营业开始时间'),
      /** 营业结束 `HH:MM` (`24:00`: until midnight) */
      closesAt: clock('营业结束时间'),
      /** 价目表: one price or range per item offered */
      prices: z.array(MerchantPrice, { error: '请填写价目表' }).max(22, '价目过多'),
    },
    { error: bodyError },
  )
  .superRefine((input, ctx) => {
    if (input.radiusKm !== undefined && input.baseLocation === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['baseLocation'],
        message: '填写服务半径时请在地图上选择商户位置',
      });
    if (input.baseLocation !== undefined && input.radiusKm === undefined)
      ctx.addIssue({ code: 'custom', path: ['radiusKm'], message: '选择商户位置时请填写服务半径' });
    if (parseClockMinutes(input.opensAt) >= parseClockMinutes(input.closesAt))
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: '营业结束时间须晚于开始时间' });
    const offered = new Set(input.itemIds);
    const priced = input.prices.map((p) => p.itemId);
    input.prices.forEach((p, i) => {
      if (!offered.has(p.itemId))
        ctx.addIssue({
          code: 'custom',
          path: ['prices', i, 'itemId'],
          message: '价目中的项目不在所选服务项目中',
        });
      else if (priced.indexOf(p.itemId) !== i)
        ctx.addIssue({ code: 'custom', path: ['prices', i, 'itemId'], message: '同一项目只能填写一个价目' });
    });
    input.itemIds.forEach((itemId, i) => {
      if (!priced.includes(itemId))
        ctx.addIssue({ code: 'custom', path: ['itemIds', i], message: '请为每项服务填写价格' });
    });
  });
export type MerchantApplicationInput = z.infer<typeof MerchantApplicationInput>;

/** The answer of an application: its number (申请编号) to quote when asking about it. */
export const MerchantApplicationSubmitted = z.object({
  id: z.number().int(),
  /** 申请编号 `RZ` + Beijing date + 6-digit id */
  applicationNumber: z.string(),
  status: MarketMerchantStatus,
});
export type MerchantApplicationSubmitted = z.infer<typeof MerchantApplicationSubmitted>;

/** An org a merchant covers, by id and name. */
const NamedId = z.object({ id: z.number().int(), name: z.string() });

/** A merchant as the centre sees it, with the review actions the caller may take now. */
export const MarketMerchantView = z.object({
  id: z.number().int(),
  applicationNumber: z.string(),
  version: z.number().int(),
  name: z.string(),
  licenceNo: z.string(),
  /** masked without `personal_data.read` */
  contactName: z.string().nullable(),
  /** masked without `personal_data.read` */
  contactPhone: z.string(),
  status: MarketMerchantStatus,
  items: z.array(NamedId),
  areas: z.array(NamedId),
  /** 服务半径的中心, null without a radius */
  baseLocation: MarketLocation.nullable(),
  /** 服务半径 in km, null without one */
  radiusKm: z.number().nullable(),
  opensAt: z.string(),
  closesAt: z.string(),
  prices: z.array(z.object({ itemId: z.number().int(), min: z.number(), max: z.number() })),
  /** 综合评分 1–5 */
  score: z.number(),
  /** 待复核: the score is below the threshold */
  needsReview: z.boolean(),
  /** the reason of the last refusal, suspension or removal, or the reviewer's note */
  reviewNote: z.string().nullable(),
  /** the merchant's staff accounts */
  staffUsernames: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(MarketMerchantAction),
});
export type MarketMerchantView = z.infer<typeof MarketMerchantView>;

/** `GET /api/v1/market/merchants`: a page of merchants, newest application first. */
export const MarketMerchantListQuery = PageQuery.extend({
  status: MarketMerchantStatus.optional(),
  /** name or licence number contains */
  q: z.string().trim().max(60).optional(),
  /** `true`: only those flagged 待复核 */
  flagged: z.enum(['true', 'false']).optional(),
});
export type MarketMerchantListQuery = z.infer<typeof MarketMerchantListQuery>;

/** A page of merchants. */
export const MarketMerchantPage = pageOf(MarketMerchantView);
export type MarketMerchantPage = z.infer<typeof MarketMerchantPage>;

/** The body of each review action: the version seen, a reason where one is owed. */
export const MARKET_MERCHANT_ACTION_INPUTS = {
  approve: actionBody({ note: optionalText('审核意见', 200) }),
  refuse: actionBody({ reason: text('拒绝原因', 2, 200) }),
  suspend: actionBody({ reason: text('暂停原因', 2, 200) }),
  reinstate: actionBody({ note: optionalText('恢复说明', 200) }),
  remove: actionBody({ reason: text('清退原因', 2, 200) }),
} as const;
/** A review action's body. */
export type MarketMerchantActionInput = { version: number; note?: string; reason?: string };

/** The first staff account an approval creates: its initial password is shown this once. */
export const MerchantAccount = z.object({
  username: z.string(),
  /** 初始密码: shown to the reviewer once, never stored in clear */
  initialPassword: z.string(),
});
export type MerchantAccount = z.infer<typeof MerchantAccount>;

/** The answer of a review action: the merchant, and on approval its first account. */
export const MarketMerchantActed = z.object({
  merchant: MarketMerchantView,
  account: MerchantAccount.nullable(),
});
export type MarketMerchantActed = z.infer<typeof MarketMerchantActed>;
