import { z } from 'zod';

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
