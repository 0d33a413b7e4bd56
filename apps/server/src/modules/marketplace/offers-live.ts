import { MARKET_ORDER_LIFECYCLE } from '@shanzhi/shared';
import type { OutboxSubscriber } from '../../platform/lifecycle/outbox-subscriber.js';
import type { LiveEvent } from '../../platform/realtime/live-event.js';
import { staffUserIdsOf } from './merchants.repository.js';
import type { MarketOrderOutboxPayload } from './order-lifecycle.js';

/**
 * An order offered to a merchant, by the platform or the centre, rings on his staff's desks
 * (`market_order.offered`, `market_order.assigned`), and an offer the citizen or the centre cancels leaves them
 * (`market_order.cancelled`): the desk reloads its offers at once instead of
 * waiting for its next look.
 */
export const marketOffersLive: OutboxSubscriber = {
  name: 'market-offers-live',
  topics: [
    MARKET_ORDER_LIFECYCLE.events.offer,
    MARKET_ORDER_LIFECYCLE.events.assign,
    MARKET_ORDER_LIFECYCLE.events.cancel,
  ],
  async handle(tx, events, now) {
    const live: LiveEvent[] = [];
    for (const event of events) {
      const { orderId, number, state, merchantId } = event.payload as MarketOrderOutboxPayload;
      if (merchantId === null) continue;
      const userIds = await staffUserIdsOf(tx, merchantId);
      if (userIds.length === 0) continue;
      live.push({
        topic: event.topic,
        at: now.toISOString(),
        audience: { userIds, permission: 'market.read' },
        data: { orderId, number, state },
      });
    }
    return live;
  },
};
