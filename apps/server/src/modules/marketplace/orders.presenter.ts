import {
  type MarketChannel,
  type MarketOrderAction,
  type MarketOrderState,
  type MarketOrderView,
  maskPersonName,
  maskPhone,
} from '@shanzhi/shared';
import { readsPersonalData } from '../../platform/auth/free-text-masking.js';
import { lifecycleActionOptions } from '../../platform/lifecycle/transition.js';
import { ORDER_DEFINITION, type OrderScene } from './order-lifecycle.js';
import { completionPhotoUrl } from './order-photos.js';
import type { findOrderEvents, OrderListRow } from './orders.repository.js';

/** The platform's own actions: never a button. */
const PLATFORM_ACTIONS: MarketOrderAction[] = ['order', 'offer', 'expire', 'queue'];
/** The states in which the merchant who took the order reads the citizen's contact. */
const TAKEN: MarketOrderState[] = ['accepted', 'on_the_way', 'in_service', 'completed', 'rated'];

/** Whether the viewer reads the citizen's contact in full: the citizen, the merchant once he accepted, staff with `personal_data.read`. */
function readsContact(scene: OrderScene): boolean {
  const { actor, row, merchantId } = scene;
  if (actor.roles.includes('citizen')) return true;
  if (actor.roles.includes('merchant')) {
    return row.merchantId === merchantId && TAKEN.includes(row.state as MarketOrderState);
  }
  return readsPersonalData(actor);
}

/** Whether the viewer sees the order's 完工照片: there is one, and he is not a merchant it passed on from. */
function showsPhoto({ row, merchantId }: OrderScene): boolean {
  return row.completionPhotoSha256 !== null && (merchantId === null || row.merchantId === merchantId);
}

/** An order as its viewer may see it, with its timeline and the actions he may take now. */
export function presentOrder(
  scene: OrderScene & { row: OrderListRow },
  events: Awaited<ReturnType<typeof findOrderEvents>>,
): MarketOrderView {
  const { row } = scene;
  const full = readsContact(scene);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: row.id,
    number: row.number,
    version: row.version,
    itemId: row.itemId,
    itemName: row.itemName,
    state: row.state as MarketOrderState,
    channel: row.channel as MarketChannel,
    address: row.address,
    location: { longitude: row.longitude, latitude: row.latitude },
    districtName: row.districtName,
    townName: row.townName,
    phone: full ? row.phone : (maskPhone(row.phone) ?? ''),
    contactName: full ? row.contactName : maskPersonName(row.contactName),
    answers: row.answers as Record<string, string>,
    wantedAt: iso(row.wantedAt),
    merchantId: row.merchantId,
    merchantName: row.merchantName,
    offerExpiresAt: iso(row.offerExpiresAt),
    price: row.price,
    stars: row.stars,
    ratingComment: row.ratingComment,
    createdAt: row.createdAt.toISOString(),
    acceptedAt: iso(row.acceptedAt),
    completedAt: iso(row.completedAt),
    completionPhotoUrl: showsPhoto(scene) ? completionPhotoUrl(row.id, scene.actor) : null,
    caseNumber: row.caseNumber,
    actions: lifecycleActionOptions(ORDER_DEFINITION, scene, PLATFORM_ACTIONS).actions,
    timeline: events.map((e) => ({
      seq: e.seq,
      action: e.action,
      event: e.event,
      actorName: e.actorName,
      at: e.at.toISOString(),
      fromState: e.fromState,
      toState: e.toState,
      note: e.note,
      changes: e.changes as Record<string, unknown>,
    })),
  };
}
