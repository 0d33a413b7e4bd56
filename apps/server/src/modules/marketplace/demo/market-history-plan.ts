import type { NewEvent } from '../../../platform/lifecycle/event-chain.js';
import type { DemoRandom } from '../../demo/demo-random.js';

/** A merchant as the history draws on it. */
export interface HistoryMerchant {
  id: number;
  name: string;
  itemIds: readonly number[];
  districtId: number;
  /** the staff account acting for it, if it has one (the demo `merchant`) */
  staff: { userId: number; orgId: number } | null;
}

/** A grid as the history places orders in it: its point and the town and district above it. */
export interface HistoryPlace {
  districtId: number;
  townId: number | null;
  longitude: number;
  latitude: number;
  areaName: string;
}

/** One order of the past, with its events in order and its offer. */
export interface PlannedOrder {
  itemId: number;
  itemName: string;
  merchant: HistoryMerchant;
  place: HistoryPlace;
  createdAt: Date;
  state: 'completed' | 'rated' | 'cancelled';
  acceptedAt: Date | null;
  completedAt: Date | null;
  price: number | null;
  stars: number | null;
  phone: string;
  events: NewEvent[];
  offer: { offeredAt: Date; expiresAt: Date; outcome: string; answeredAt: Date };
}

const MINUTE = 60_000;
const COMMENTS = ['师傅很专业', '来得很快', '价格合理', '服务态度好', '', '', '还可以'];

const event = (
  at: Date,
  step: Omit<NewEvent, 'at' | 'attachments' | 'changes'> & Partial<NewEvent>,
): NewEvent => ({
  changes: {},
  attachments: [],
  ...step,
  at,
});

const citizen = { actorUserId: null, actorName: '下单群众', actorOrgId: null };
const system = { actorUserId: null, actorName: '系统', actorOrgId: null };

/**
 * One order of the demo year: placed at `createdAt`, offered at once to a merchant of its district offering
 * the item; nine in ten are accepted within minutes and completed within hours (seven in ten of those rated,
 * mostly 4–5 stars), the rest cancelled by the citizen before acceptance — with the timeline the lifecycle
 * would have written.
 */
export function planOrder(
  random: DemoRandom,
  item: { id: number; name: string; priceMin: number; priceMax: number; acceptMinutes: number },
  merchant: HistoryMerchant,
  place: HistoryPlace,
  createdAt: Date,
): PlannedOrder {
  const actor = {
    actorUserId: merchant.staff?.userId ?? null,
    actorName: merchant.name,
    actorOrgId: merchant.staff?.orgId ?? null,
  };
  const offeredAt = new Date(createdAt.getTime() + 1000);
  const expiresAt = new Date(offeredAt.getTime() + item.acceptMinutes * MINUTE);
  const events = [
    event(createdAt, {
      ...citizen,
      action: 'order',
      event: 'market_order.ordered',
      fromState: null,
      toState: 'ordered',
      note: item.name,
      changes: { itemId: item.id, channel: 'portal' },
    }),
    event(offeredAt, {
      ...system,
      action: 'offer',
      event: 'market_order.offered',
      fromState: 'ordered',
      toState: 'offered',
      note: `派单给${merchant.name}`,
      changes: { merchantId: merchant.id, merchantName: merchant.name, expiresAt: expiresAt.toISOString() },
    }),
  ];
  const phone = `139${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
  const base = { itemId: item.id, itemName: item.name, merchant, place, createdAt, phone, events };
  if (random.next() < 0.1) {
    const at = new Date(offeredAt.getTime() + random.int(1, item.acceptMinutes - 1) * MINUTE);
    events.push(
      event(at, {
        ...citizen,
        action: 'cancel',
        event: 'market_order.cancelled',
        fromState: 'offered',
        toState: 'cancelled',
        note: '不需要了',
        changes: { by: 'citizen' },
      }),
    );
    return {
      ...base,
      state: 'cancelled',
      acceptedAt: null,
      completedAt: null,
      price: null,
      stars: null,
      offer: { offeredAt, expiresAt, outcome: 'cancelled', answeredAt: at },
    };
  }
  const acceptedAt = new Date(
    offeredAt.getTime() + random.int(20, Math.min(item.acceptMinutes * 60 - 30, 540)) * 1000,
  );
  const startedAt = new Date(acceptedAt.getTime() + random.int(10, 60) * MINUTE);
  const completedAt = new Date(startedAt.getTime() + random.int(20, 180) * MINUTE);
  const price = Math.round(item.priceMin + random.next() * (item.priceMax - item.priceMin));
  const seconds = Math.round((acceptedAt.getTime() - createdAt.getTime()) / 1000);
  events.push(
    event(acceptedAt, {
      ...actor,
      action: 'accept',
      event: 'market_order.accepted',
      fromState: 'offered',
      toState: 'accepted',
      note: null,
      changes: { merchantId: merchant.id, secondsToAccept: seconds },
    }),
    event(startedAt, {
      ...actor,
      action: 'start',
      event: 'market_order.started',
      fromState: 'accepted',
      toState: 'in_service',
      note: null,
    }),
    event(completedAt, {
      ...actor,
      action: 'complete',
      event: 'market_order.completed',
      fromState: 'in_service',
      toState: 'completed',
      note: null,
      changes: { price },
    }),
  );
  const offer = { offeredAt, expiresAt, outcome: 'accepted', answeredAt: acceptedAt };
  if (random.next() >= 0.7) {
    return { ...base, state: 'completed', acceptedAt, completedAt, price, stars: null, offer };
  }
  const stars = random.next() < 0.85 ? random.int(4, 5) : random.int(1, 3);
  const comment = random.pick(COMMENTS);
  events.push(
    event(new Date(completedAt.getTime() + random.int(5, 600) * MINUTE), {
      ...citizen,
      action: 'rate',
      event: 'market_order.rated',
      fromState: 'completed',
      toState: 'rated',
      note: comment || null,
      changes: { stars },
    }),
  );
  return { ...base, state: 'rated', acceptedAt, completedAt, price, stars, offer };
}
