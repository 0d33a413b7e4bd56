import { z } from 'zod';

const weight = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .min(0, `${label}不能为负数`)
    .max(100, `${label}不能超过 100`);

/**
 * 派单规则权重: the platform offers an order to the merchant with the lowest cost
 *
 *   cost = openOrders × 在办订单数 + score × (5 − 综合评分) + distance × 距离公里数
 *
 * (a merchant without a base point counts as `defaultDistanceKm` away); between equal costs, the one whose last
 * offer is oldest (fairness). `GET`/`PUT /api/v1/market/settings/dispatch`.
 */
export const MarketDispatchWeights = z.strictObject({
  /** cost of each order the merchant has open (offered, accepted, on the way, in service) */
  openOrders: weight('在办订单权重'),
  /** cost of each star its score is below 5 */
  score: weight('评分权重'),
  /** cost of each km from its base point to the order */
  distance: weight('距离权重'),
  /** the km counted for a merchant without a base point */
  defaultDistanceKm: z
    .number({ error: '请填写默认距离' })
    .min(0, '默认距离不能为负数')
    .max(100, '默认距离不能超过 100 公里'),
});
export type MarketDispatchWeights = z.infer<typeof MarketDispatchWeights>;

/** The defaults: one open order weighs as much as 2 stars of score or 10 km. */
export const DEFAULT_MARKET_DISPATCH_WEIGHTS: MarketDispatchWeights = {
  openOrders: 10,
  score: 5,
  distance: 1,
  defaultDistanceKm: 5,
};
