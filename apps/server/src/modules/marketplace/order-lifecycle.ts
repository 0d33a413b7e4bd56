import {
  type CancelMarketOrderInput,
  type ComplainMarketOrderInput,
  type CompleteMarketOrderInput,
  type ContactOwnerInput,
  MARKET_ORDER_LIFECYCLE,
  type MarketOrderAction,
  type MarketOrderState,
  marketOrderPermissionOf,
  type RateMarketOrderInput,
} from '@shanzhi/shared';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { isInScope } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type {
  LifecycleDefinition,
  LifecycleHandler,
  LifecycleScene,
  TransitionEffect,
} from '../../platform/lifecycle/lifecycle-definition.js';
import { outboxInsertOf } from '../../platform/lifecycle/outbox.tables.js';
import { updateLifecycleRow } from '../../platform/lifecycle/row-writer.js';
import type { TransitionEnvironment } from '../../platform/lifecycle/transition.js';
import type { StoredFile } from '../cases/attachments/attachment-store.js';
import { type PreparedRegistration, writeRegistration } from '../cases/register-case.js';
import { orgs } from '../orgs/orgs.tables.js';
import { itemOfOrder } from './items.repository.js';
import { marketOrderEvents, marketOrders } from './marketplace.tables.js';
import { refreshMerchantScore } from './merchant-score.js';
import { closeOffer, findMerchantOfUser, insertOffer } from './merchants.repository.js';
import { lockOrder, type OrderRow, wasOfferedTo } from './orders.repository.js';

/**
 * What an order action runs under: the time and key, the 12345 case a complaint opens and the 完工照片 a
 * completion carries (both prepared before).
 */
export interface OrderEnvironment extends TransitionEnvironment {
  complaint?: { ctx: AppContext; prepared: PreparedRegistration };
  photo?: StoredFile;
}

/**
 * Everything an order action looks at: the row, the merchant the actor works for (if he is one), and whether
 * its item is served by merchants at all (挪车 is not).
 */
export interface OrderScene extends LifecycleScene<OrderRow> {
  merchantId: number | null;
  needsMerchant: boolean;
  /** the case a complaint opens, for `complain` */
  complaint?: OrderEnvironment['complaint'];
  /** the photo of the finished work, already in the attachment store, for `complete` */
  photo?: StoredFile;
}
/** What an order action does. */
export type OrderEffect = TransitionEffect<Partial<OrderRow>>;

/** 评价时限: a completed order may be rated within 7 days. */
export const RATING_WINDOW_MS = 7 * 86_400_000;

/** The platform's offer of an order to a merchant (or the centre's, 中心派单), until `expiresAt`. */
export interface OfferInput {
  version: number;
  merchantId: number;
  merchantName: string;
  expiresAt: Date;
}

const orderNotFound = (id: number) => new AppError('MARKET_ORDER_NOT_FOUND', `服务订单 ${id} 不存在`);

/** A merchant's actions are on his own orders only. */
const hisOrder = ({ row, merchantId }: OrderScene) =>
  merchantId !== null && row.merchantId === merchantId ? null : orderNotFound(row.id);

/** An offer is answered by its merchant, before it runs out (one that passed on: 409 OFFER_NOT_CURRENT). */
function currentOffer({ row, merchantId, now }: OrderScene): AppError | null {
  return merchantId !== null &&
    row.merchantId === merchantId &&
    row.offerExpiresAt &&
    row.offerExpiresAt > now
    ? null
    : new AppError('OFFER_NOT_CURRENT', '该派单已超时或已转派给其他商户');
}

/** An offer refused or run out: it counts against the merchant's score. */
const passedOn = async (tx: Tx, scene: OrderScene, outcome: string) => {
  await closeOffer(tx, scene.row.id, outcome, scene.now);
  if (scene.row.merchantId !== null) await refreshMerchantScore(tx, scene.row.merchantId, scene.now);
  return { merchantId: null, offerExpiresAt: null, passes: scene.row.passes + 1 };
};

const always = () => null;

/** 409 for an offer of an item no merchant serves (挪车: the centre calls the car's owner). */
export const notForMerchants = () =>
  new AppError('MARKET_ITEM_MISMATCH', '此项服务不派商户，请由服务中心联系处理');

/** An order the merchants serve: the centre may offer it to one. */
const servedByMerchants = ({ needsMerchant }: OrderScene) => (needsMerchant ? null : notForMerchants());

/** An offer of the order to a merchant until `expiresAt`, recorded with the merchant's last offer time. */
async function offerTo(tx: Tx, scene: OrderScene, input: OfferInput, by: string): Promise<OrderEffect> {
  await insertOffer(tx, {
    orderId: scene.row.id,
    merchantId: input.merchantId,
    offeredAt: scene.now,
    expiresAt: input.expiresAt,
  });
  return {
    patch: { merchantId: input.merchantId, offerExpiresAt: input.expiresAt },
    note: `${by}给${input.merchantName}`,
    changes: {
      merchantId: input.merchantId,
      merchantName: input.merchantName,
      expiresAt: input.expiresAt.toISOString(),
    },
  };
}

/** Each action's guard and effect. */
const HANDLERS = {
  offer: {
    guard: always,
    apply: (tx, scene, input) => offerTo(tx, scene, input, '派单'),
  } satisfies LifecycleHandler<OrderScene, OfferInput, OrderEffect>,
  assign: {
    guard: servedByMerchants,
    apply: (tx, scene, input) => offerTo(tx, scene, input, '中心派单'),
  } satisfies LifecycleHandler<OrderScene, OfferInput, OrderEffect>,
  contact_owner: {
    guard: (scene) =>
      scene.needsMerchant
        ? new AppError('MARKET_ITEM_MISMATCH', '联系车主仅用于挪车等由服务中心处理的服务')
        : null,
    apply: (_tx, scene, input) => ({ patch: { completedAt: scene.now }, note: input.note }),
  } satisfies LifecycleHandler<OrderScene, ContactOwnerInput, OrderEffect>,
  expire: {
    guard: always,
    apply: async (tx, scene) => ({
      patch: await passedOn(tx, scene, 'expired'),
      note: '商户未在时限内接单',
      changes: { merchantId: scene.row.merchantId },
    }),
  } satisfies LifecycleHandler<OrderScene, { version: number }, OrderEffect>,
  queue: {
    guard: always,
    apply: (_tx, _scene, input) => ({ note: input.reason }),
  } satisfies LifecycleHandler<OrderScene, { version: number; reason: string }, OrderEffect>,
  accept: {
    guard: currentOffer,
    async apply(tx, scene) {
      await closeOffer(tx, scene.row.id, 'accepted', scene.now);
      // its response time counts in its score
      if (scene.row.merchantId !== null) await refreshMerchantScore(tx, scene.row.merchantId, scene.now);
      const seconds = Math.round((scene.now.getTime() - scene.row.createdAt.getTime()) / 1000);
      return {
        patch: { acceptedAt: scene.now, offerExpiresAt: null },
        changes: { merchantId: scene.row.merchantId, secondsToAccept: seconds },
      };
    },
  } satisfies LifecycleHandler<OrderScene, { version: number }, OrderEffect>,
  refuse: {
    guard: currentOffer,
    apply: async (tx, scene, input) => ({
      patch: await passedOn(tx, scene, 'refused'),
      note: input.reason ?? null,
      changes: { merchantId: scene.row.merchantId },
    }),
  } satisfies LifecycleHandler<OrderScene, { version: number; reason?: string }, OrderEffect>,
  depart: { guard: hisOrder, apply: () => ({}) } satisfies LifecycleHandler<
    OrderScene,
    { version: number },
    OrderEffect
  >,
  start: { guard: hisOrder, apply: () => ({}) } satisfies LifecycleHandler<
    OrderScene,
    { version: number },
    OrderEffect
  >,
  complete: {
    guard: hisOrder,
    apply: (_tx, { now, photo }, input) => ({
      patch: {
        price: input.price,
        completedAt: now,
        ...(photo && {
          completionPhotoSha256: photo.sha256,
          completionPhotoMime: photo.mime,
          completionPhotoSize: photo.size,
        }),
      },
      note: input.note ?? null,
      changes: { price: input.price, ...(photo && { photo: { mime: photo.mime, size: photo.size } }) },
    }),
  } satisfies LifecycleHandler<OrderScene, CompleteMarketOrderInput, OrderEffect>,
  rate: {
    guard: ({ row, now }) =>
      row.completedAt && now.getTime() - row.completedAt.getTime() <= RATING_WINDOW_MS
        ? null
        : new AppError('RATING_WINDOW_CLOSED', '订单完成已超过 7 天，不能再评价'),
    async apply(tx, scene, input) {
      // the score is read back by the dispatch rule: the rating counts from the next offer on
      await tx.update(marketOrders).set({ stars: input.stars }).where(eq(marketOrders.id, scene.row.id));
      if (scene.row.merchantId !== null) await refreshMerchantScore(tx, scene.row.merchantId, scene.now);
      return {
        patch: { stars: input.stars, ratingComment: input.comment || null },
        note: input.comment || null,
        changes: { stars: input.stars },
      };
    },
  } satisfies LifecycleHandler<OrderScene, RateMarketOrderInput, OrderEffect>,
  complain: {
    guard: ({ row }) =>
      row.caseId === null ? null : new AppError('CONFLICT', '该订单已投诉，请关注投诉工单的办理'),
    async apply(tx, scene, input) {
      if (!scene.complaint) throw new AppError('INTERNAL', 'a complaint without a prepared case');
      const { row } = await writeRegistration(scene.complaint.ctx, scene.complaint.prepared, tx);
      return {
        patch: { caseId: row.id },
        note: input.content,
        changes: { caseId: row.id, caseNumber: row.number },
      };
    },
  } satisfies LifecycleHandler<OrderScene, ComplainMarketOrderInput, OrderEffect>,
  cancel: {
    guard(scene) {
      const { actor, row } = scene;
      if (actor.roles.includes('merchant')) {
        return (
          hisOrder(scene) ??
          (row.state === 'offered' ? new AppError('FORBIDDEN', '待接单的订单请拒单') : null)
        );
      }
      if (actor.roles.includes('citizen') && !['ordered', 'offered', 'queued'].includes(row.state)) {
        return new AppError('FORBIDDEN', '商户已接单，请联系商户或服务中心取消');
      }
      return null;
    },
    async apply(tx, scene, input) {
      if (scene.row.state === 'offered') await closeOffer(tx, scene.row.id, 'cancelled', scene.now);
      const byMerchant = scene.actor.roles.includes('merchant');
      return {
        patch: { offerExpiresAt: null },
        note: input.reason,
        changes: {
          by: byMerchant ? 'merchant' : scene.actor.roles.includes('citizen') ? 'citizen' : 'centre',
        },
      };
    },
  } satisfies LifecycleHandler<OrderScene, CancelMarketOrderInput, OrderEffect>,
};

/** Refuses an actor whose data scope does not reach the order's district (centre staff of a district). */
async function assertOrderInScope(tx: Tx, actor: Actor, row: OrderRow): Promise<void> {
  if (row.districtId === null || actor.scopePath === '/') return;
  const [district] = await tx.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, row.districtId));
  if (district && !isInScope(actor, district.path))
    throw new AppError('OUT_OF_SCOPE', '该订单不在您的管辖范围内');
}

/**
 * The scene of an action: a merchant reaches the orders offered to or taken by his merchant, and those once
 * offered to him (to see they passed on); a portal citizen proved the order his by its code before.
 */
export async function orderSceneOf(tx: Tx, actor: Actor, row: OrderRow, now: Date): Promise<OrderScene> {
  const { needsMerchant } = await itemOfOrder(tx, row.itemId);
  if (actor.roles.includes('merchant')) {
    const merchant = await findMerchantOfUser(tx, actor.userId);
    const reaches =
      merchant !== undefined &&
      (row.merchantId === merchant.id || (await wasOfferedTo(tx, row.id, merchant.id)));
    if (!reaches) throw orderNotFound(row.id);
    return { actor, row, now, merchantId: merchant.id, needsMerchant };
  }
  if (!actor.roles.includes('citizen')) await assertOrderInScope(tx, actor, row);
  return { actor, row, now, merchantId: null, needsMerchant };
}

/** What an order's event tells the outbox's subscribers. */
export interface MarketOrderOutboxPayload {
  orderId: number;
  number: string;
  state: string;
  /** the merchant offered the order or holding it, if any */
  merchantId: number | null;
}

/** The order lifecycle on the shared mechanism. */
export const ORDER_DEFINITION: LifecycleDefinition<
  OrderRow,
  MarketOrderState,
  MarketOrderAction,
  OrderScene,
  OrderEffect,
  OrderEnvironment
> = {
  lifecycle: MARKET_ORDER_LIFECYCLE,
  events: { table: marketOrderEvents, tableName: 'market_order_events', subjectKey: 'orderId' },
  lock: lockOrder,
  notFound: orderNotFound,
  versionConflict: (current) =>
    new AppError('VERSION_CONFLICT', `服务订单已被他人处理（当前版本 ${current}），请刷新后重试`),
  sceneOf: async (tx, actor, row, env) => ({
    ...(await orderSceneOf(tx, actor, row, env.now)),
    complaint: env.complaint,
    photo: env.photo,
  }),
  permits: (actor, action) => actor.permissions.has(marketOrderPermissionOf(action)),
  handlerOf: (action) =>
    (HANDLERS[action as keyof typeof HANDLERS] ?? { guard: always, apply: () => ({}) }) as LifecycleHandler<
      OrderScene,
      never,
      OrderEffect
    >,
  outboxRow: (db, after, event) =>
    outboxInsertOf(db, event, {
      orderId: after.id,
      number: after.number,
      state: after.state,
      merchantId: after.merchantId,
    } satisfies MarketOrderOutboxPayload),
  write: (db, id, change, companions) =>
    updateLifecycleRow<OrderRow>(db, marketOrders, id, change, companions),
};
