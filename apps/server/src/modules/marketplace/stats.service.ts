import {
  beijingMidnightOfDate,
  type MarketStats,
  type MarketStatsQuery,
  toBeijingDate,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { fieldError } from '../../platform/errors/app-error.js';
import { findMerchantOfUser } from './merchants.repository.js';
import {
  ordersByDistrict,
  ordersByItem,
  ordersByMonth,
  orderTotals,
  rankMerchants,
} from './stats.repository.js';

const DAY_MS = 86_400_000;

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * 民需我应的数字: the orders placed in a period of Beijing days (the last 365 by default) — by item, district
 * and month, acceptance times (median, p90), completion and satisfaction rates, the merchants ranked. A
 * merchant sees his own orders' numbers, the centre's staff those of their scope.
 */
export async function marketStats(
  ctx: AppContext,
  actor: Actor,
  query: MarketStatsQuery,
): Promise<MarketStats> {
  const today = toBeijingDate(ctx.clock.now());
  const to = query.to ?? today;
  const from = query.from ?? toBeijingDate(new Date(beijingMidnightOfDate(to).getTime() - 364 * DAY_MS));
  if (from > to) throw fieldError('from', 'after_to', '开始日期不能晚于结束日期');
  const merchant = actor.roles.includes('merchant')
    ? await findMerchantOfUser(ctx.db, actor.userId)
    : undefined;
  const scope = {
    from: beijingMidnightOfDate(from),
    to: new Date(beijingMidnightOfDate(to).getTime() + DAY_MS),
    // a merchant without a merchant counts nothing
    merchantId: actor.roles.includes('merchant') ? (merchant?.id ?? -1) : undefined,
    scopePath: actor.roles.includes('merchant') ? undefined : actor.scopePath,
  };
  const [totals, byItem, byDistrict, byMonth, merchants] = await Promise.all([
    orderTotals(ctx.db, scope),
    ordersByItem(ctx.db, scope),
    ordersByDistrict(ctx.db, scope),
    ordersByMonth(ctx.db, scope),
    rankMerchants(ctx.db, scope),
  ]);
  return {
    from,
    to,
    orders: totals.orders,
    completed: totals.completed,
    cancelled: totals.cancelled,
    completionRate: rate(totals.completed, totals.orders),
    satisfactionRate: rate(totals.satisfied, totals.rated),
    averageStars: totals.average_stars,
    acceptSeconds: { median: totals.median, p90: totals.p90 },
    byItem,
    byDistrict,
    byMonth,
    merchants,
  };
}
