import { z } from 'zod';
import { bodyError } from '../lifecycle/action-body.js';

/** A question an order of an item asks (the car's plate for 挪车 …). */
export const MarketItemQuestion = z.object({
  /** the answer's key in `answers` */
  key: z.string(),
  /** the question as shown */
  label: z.string(),
  /** whether an order must answer it */
  required: z.boolean(),
});
export type MarketItemQuestion = z.infer<typeof MarketItemQuestion>;

/** A service item (服务项目) as the API shows it. */
export const MarketItemView = z.object({
  id: z.number().int(),
  /** stable code (`unlock` …) */
  code: z.string(),
  name: z.string(),
  /** 维修 · 家政 · 出行 · 生活 */
  category: z.string(),
  description: z.string(),
  questions: z.array(MarketItemQuestion),
  /** 参考价格 in yuan */
  priceMin: z.number(),
  priceMax: z.number(),
  /** 接单时限: minutes a merchant has to accept an offer before it passes to the next */
  acceptMinutes: z.number().int(),
  /** false for 挪车: the platform contacts the car's owner, no merchant */
  needsMerchant: z.boolean(),
});
export type MarketItemView = z.infer<typeof MarketItemView>;

/** `GET /api/v1/market/items`. */
export const MarketItemList = z.object({ items: z.array(MarketItemView) });
export type MarketItemList = z.infer<typeof MarketItemList>;

/** A service item as its administrator sees it: active or not. */
export const MarketItemAdminView = MarketItemView.extend({ active: z.boolean() });
export type MarketItemAdminView = z.infer<typeof MarketItemAdminView>;

/** `GET /api/v1/market/items/all`: every item, active or not, in order. */
export const MarketItemAdminList = z.object({ items: z.array(MarketItemAdminView) });
export type MarketItemAdminList = z.infer<typeof MarketItemAdminList>;

/** `PUT /api/v1/market/items/:id` 编辑服务项目: its name, text, questions, price range, limit and whether offered. */
export const UpdateMarketItemInput = z
  .strictObject(
    {
      /** 项目名称 */
      name: z
        .string({ error: '请填写项目名称' })
        .trim()
        .min(1, '请填写项目名称')
        .max(20, '项目名称不能超过 20 个字'),
      /** 项目说明 */
      description: z
        .string({ error: '请填写项目说明' })
        .trim()
        .min(1, '请填写项目说明')
        .max(200, '项目说明不能超过 200 个字'),
      /** what an order asks */
      questions: z
        .array(
          z.strictObject({
            key: z
              .string({ error: '请填写问题标识' })
              .regex(/^[a-z][a-z0-9_]{0,29}$/, '问题标识须为小写字母开头的字母、数字或下划线'),
            label: z
              .string({ error: '请填写问题' })
              .trim()
              .min(1, '请填写问题')
              .max(60, '问题不能超过 60 个字'),
            required: z.boolean({ error: '请选择是否必答' }),
          }),
          { error: '问题列表无效' },
        )
        .max(10, '问题不能超过 10 个')
        .refine((qs) => new Set(qs.map((q) => q.key)).size === qs.length, '问题标识重复'),
      /** 参考价格下限, yuan */
      priceMin: z
        .number({ error: '请填写最低价' })
        .min(0, '最低价不能为负数')
        .max(100_000, '最低价不能超过 100000 元'),
      /** 参考价格上限, yuan */
      priceMax: z
        .number({ error: '请填写最高价' })
        .min(0, '最高价不能为负数')
        .max(100_000, '最高价不能超过 100000 元'),
      /** 接单时限, minutes (1–120) */
      acceptMinutes: z
        .number({ error: '请填写接单时限' })
        .int('接单时限须为整数分钟')
        .min(1, '接单时限为 1 到 120 分钟')
        .max(120, '接单时限为 1 到 120 分钟'),
      /** whether citizens may order it */
      active: z.boolean({ error: '请选择是否启用' }),
    },
    { error: bodyError },
  )
  .refine((input) => input.priceMin <= input.priceMax, {
    path: ['priceMax'],
    message: '最高价不能低于最低价',
  });
export type UpdateMarketItemInput = z.infer<typeof UpdateMarketItemInput>;
