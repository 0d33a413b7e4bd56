import { z } from 'zod';
import { defineLifecycle, type Transition } from '../lifecycle/lifecycle-table.js';

/**
 * States of a service order (民需我应 便民服务订单):
 * - `ordered`    — 待派单: placed, or passed on after a refusal or an offer that ran out
 * - `offered`    — 待接单: offered to one merchant, who must answer within the item's limit
 * - `queued`     — 中心待派: no merchant took it, or no merchant serves it (挪车); the centre's queue
 * - `accepted`   — 已接单
 * - `on_the_way` — 在途
 * - `in_service` — 服务中
 * - `completed`  — 已完成: the price agreed and paid offline is recorded
 * - `rated`      — 已评价
 * - `cancelled`  — 已取消
 */
export const MARKET_ORDER_STATES = [
  'ordered',
  'offered',
  'queued',
  'accepted',
  'on_the_way',
  'in_service',
  'completed',
  'rated',
  'cancelled',
] as const;
export const MarketOrderState = z.enum(MARKET_ORDER_STATES);
export type MarketOrderState = z.infer<typeof MarketOrderState>;

/** Chinese label of each state. */
export const MARKET_ORDER_STATE_LABELS: Record<MarketOrderState, string> = {
  ordered: '待派单',
  offered: '待接单',
  queued: '中心待派',
  accepted: '已接单',
  on_the_way: '在途',
  in_service: '服务中',
  completed: '已完成',
  rated: '已评价',
  cancelled: '已取消',
};

/** Every action of an order's lifecycle, in order. */
export const MARKET_ORDER_ACTIONS = [
  'order',
  'offer',
  'expire',
  'queue',
  'assign',
  'contact_owner',
  'accept',
  'refuse',
  'depart',
  'start',
  'complete',
  'rate',
  'complain',
  'cancel',
] as const;
export const MarketOrderAction = z.enum(MARKET_ORDER_ACTIONS);
export type MarketOrderAction = z.infer<typeof MarketOrderAction>;

/** The states an order can still be cancelled from. */
const OPEN: MarketOrderState[] = ['ordered', 'offered', 'queued', 'accepted', 'on_the_way'];

/**
 * The order lifecycle as data. The platform itself (`admin`, acting as 系统) offers, lets an offer run out and
 * queues; the centre offers an order of its queue to a merchant it picks (中心派单), or for 挪车 calls the car's
 * owner itself and records it (联系车主); merchants answer and serve; the citizen rates.
 */
export const MARKET_ORDER_TRANSITIONS = {
  order: { from: [null], to: 'ordered', roles: ['citizen', 'agent', 'admin'], label: '下单' },
  offer: { from: ['ordered'], to: 'offered', roles: ['admin'], label: '派单' },
  expire: { from: ['offered'], to: 'ordered', roles: ['admin'], label: '超时转派' },
  queue: { from: ['ordered'], to: 'queued', roles: ['admin'], label: '转中心' },
  assign: { from: ['queued'], to: 'offered', roles: ['dispatcher', 'admin'], label: '中心派单' },
  contact_owner: {
    from: ['queued'],
    to: 'completed',
    roles: ['dispatcher', 'agent', 'admin'],
    label: '联系车主',
  },
  accept: { from: ['offered'], to: 'accepted', roles: ['merchant'], label: '接单' },
  refuse: { from: ['offered'], to: 'ordered', roles: ['merchant'], label: '拒单' },
  depart: { from: ['accepted'], to: 'on_the_way', roles: ['merchant'], label: '出发' },
  start: { from: ['accepted', 'on_the_way'], to: 'in_service', roles: ['merchant'], label: '开始服务' },
  complete: { from: ['in_service'], to: 'completed', roles: ['merchant'], label: '完成' },
  rate: { from: ['completed'], to: 'rated', roles: ['citizen'], label: '评价' },
  // a complaint about the service becomes a 12345 case linked to the order; the order's state stays
  complain: {
    from: ['accepted', 'on_the_way', 'in_service', 'completed', 'rated'],
    to: 'same',
    roles: ['citizen'],
    label: '投诉',
  },
  cancel: {
    from: OPEN,
    to: 'cancelled',
    roles: ['citizen', 'merchant', 'dispatcher', 'admin'],
    label: '取消',
  },
} as const satisfies Record<MarketOrderAction, Transition<MarketOrderState>>;

/** The order lifecycle for the shared mechanism. */
export const MARKET_ORDER_LIFECYCLE = defineLifecycle<MarketOrderState, MarketOrderAction>({
  noun: '服务订单',
  stateLabels: MARKET_ORDER_STATE_LABELS,
  actions: MARKET_ORDER_ACTIONS,
  transitions: MARKET_ORDER_TRANSITIONS,
  events: {
    order: 'market_order.ordered',
    offer: 'market_order.offered',
    expire: 'market_order.offer_expired',
    queue: 'market_order.queued',
    assign: 'market_order.assigned',
    contact_owner: 'market_order.owner_contacted',
    accept: 'market_order.accepted',
    refuse: 'market_order.refused',
    depart: 'market_order.departed',
    start: 'market_order.started',
    complete: 'market_order.completed',
    rate: 'market_order.rated',
    complain: 'market_order.complained',
    cancel: 'market_order.cancelled',
  },
});
