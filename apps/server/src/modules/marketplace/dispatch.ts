import type { MarketDispatchWeights } from '@shanzhi/shared';
import { platformActor } from '../../platform/auth/platform-actor.js';
import type { Tx } from '../../platform/db/database.js';
import { runTransition, type TransitionEnvironment } from '../../platform/lifecycle/transition.js';
import type { ItemRow } from './items.repository.js';
import { chooseMerchant, type DispatchTarget } from './merchants.repository.js';
import { type OfferInput, ORDER_DEFINITION } from './order-lifecycle.js';
import type { OrderRow } from './orders.repository.js';

/** After this many refusals or offers run out, an order goes to the centre's queue. */
export const MAX_PASSES = 3;

/** The platform dispatching (平台派单), recorded as 系统. */
export const MARKET_SYSTEM_ACTOR = platformActor([
  'market_order.offer',
  'market_order.expire',
  'market_order.queue',
]);

/** The Beijing minute of the day of an instant (merchants' hours are Beijing time). */
function beijingMinuteOf(at: Date): number {
  return (at.getUTCHours() * 60 + at.getUTCMinutes() + 8 * 60) % 1440;
}

/** What the dispatch rule, with `weights`, looks at in order `order` at `now`. */
export function dispatchTargetOf(order: OrderRow, now: Date, weights: MarketDispatchWeights): DispatchTarget {
  return {
    orderId: order.id,
    itemId: order.itemId,
    districtId: order.districtId,
    townId: order.townId,
    longitude: order.longitude,
    latitude: order.latitude,
    minuteOfDay: beijingMinuteOf(now),
    weights,
  };
}

/**
 * The platform's next step with an order placed or passed on: offer it to the merchant the rule (with `weights`,
 * the settings read before the transaction) chooses, with
 * the item's acceptance limit; or, for an item no merchant serves (挪车: the platform calls the car's owner),
 * after `MAX_PASSES` passes, or when no merchant covers the place and is open, put it in the centre's queue.
 * Each step is an event on the order's timeline.
 */
export async function dispatchOrder(
  tx: Tx,
  order: OrderRow,
  item: Pick<ItemRow, 'needsMerchant' | 'acceptMinutes'>,
  env: TransitionEnvironment,
  weights: MarketDispatchWeights,
): Promise<OrderRow> {
  const system = { ...env, bySystem: true };
  const queue = (reason: string) => {
    const input = { version: order.version, reason };
    return runTransition(
      tx,
      ORDER_DEFINITION,
      MARKET_SYSTEM_ACTOR,
      { id: order.id, action: 'queue', input },
      system,
    );
  };
  if (!item.needsMerchant) return queue('此项服务由服务中心联系处理（挪车：平台联系车主）');
  if (order.passes >= MAX_PASSES) return queue(`已有 ${order.passes} 家商户拒单或超时未接，转服务中心派单`);
  const merchant = await chooseMerchant(tx, dispatchTargetOf(order, env.now, weights));
  if (!merchant) return queue('服务区域内暂无营业中且提供此项服务的商户，转服务中心派单');
  const expiresAt = new Date(env.now.getTime() + item.acceptMinutes * 60_000);
  const input: OfferInput = {
    version: order.version,
    merchantId: merchant.id,
    merchantName: merchant.name,
    expiresAt,
  };
  return runTransition(
    tx,
    ORDER_DEFINITION,
    MARKET_SYSTEM_ACTOR,
    { id: order.id, action: 'offer', input },
    system,
  );
}
