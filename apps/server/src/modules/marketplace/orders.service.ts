import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  type AssignMarketOrderInput,
  type ComplainMarketOrderInput,
  MARKET_WANTED_TIME_MESSAGES,
  type MarketChannel,
  type MarketDispatchWeights,
  type MarketItemList,
  type MarketMerchantChoiceList,
  type MarketOrderActionOnOrder,
  type MarketOrderList,
  type MarketOrderListQuery,
  type MarketOrderView,
  type Permission,
  type PlacedMarketOrder,
  type PlaceMarketOrderInput,
  type PortalMarketAction,
  toBeijingCompactDate,
  wantedTimeProblem,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx, Tx } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { decodeCursor, isInstantIdPosition, keysetPage } from '../../platform/http/lists.js';
import { nextEventId } from '../../platform/lifecycle/event-chain.js';
import { runCreation, runTransition } from '../../platform/lifecycle/transition.js';
import { locateChainAt } from '../orgs/grid-index.js';
import { dispatchOrder, dispatchTargetOf } from './dispatch.js';
import { readDispatchWeights } from './dispatch-settings.js';
import { presentItem } from './items.presenter.js';
import { findItem, type ItemRow, itemOfOrder, listItems } from './items.repository.js';
import { refreshMerchantScore } from './merchant-score.js';
import { eligibleMerchants, findMerchantOfUser } from './merchants.repository.js';
import { prepareComplaintCase } from './order-complaints.js';
import { notForMerchants, type OfferInput, ORDER_DEFINITION, orderSceneOf } from './order-lifecycle.js';
import { completionPhotoOf, openCompletionPhoto } from './order-photos.js';
import { presentOrder } from './orders.presenter.js';
import { findOrder, findOrderEvents, insertOrder, listOrders } from './orders.repository.js';

function environment(ctx: AppContext) {
  return { now: ctx.clock.now(), chainKey: ctx.chainKey };
}

const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');

/** 服务项目: the active items with their questions, price ranges and acceptance limits. */
export async function listMarketItems(ctx: AppContext): Promise<MarketItemList> {
  return { items: (await listItems(ctx.db)).map(presentItem) };
}

/** The item ordered, with every required question answered (400 naming the unanswered one). */
async function orderedItem(db: DbOrTx, input: PlaceMarketOrderInput): Promise<ItemRow> {
  const item = await findItem(db, input.itemId);
  if (!item) throw fieldError('itemId', 'not_found', '该服务项目不存在或已停用');
  for (const q of item.questions as { key: string; label: string; required: boolean }[]) {
    if (q.required && !input.answers?.[q.key]) {
      throw fieldError(`answers.${q.key}`, 'required', `请填写${q.label}`);
    }
  }
  return item;
}

/** 期望时间 of a booking: not past, within 7 days (400 on `wantedAt`: `past`, `too_far`). */
function assertWantedTime(input: PlaceMarketOrderInput, now: Date): void {
  const problem = input.wantedAt ? wantedTimeProblem(new Date(input.wantedAt), now) : null;
  if (problem) throw fieldError('wantedAt', problem, MARKET_WANTED_TIME_MESSAGES[problem]);
}

/**
 * 下单: an order from the portal (a citizen without an account), the 12345 agent on a call, or the API. The
 * point decides the district and town (a point outside every grid still makes an order: it goes to the
 * centre's queue, it is not lost); the platform then offers it to a merchant by the dispatch rule, in the
 * same transaction. The answer carries the 查询码 that lets the citizen follow, cancel and rate it.
 */
export async function placeOrder(
  ctx: AppContext,
  actor: Actor,
  channel: MarketChannel,
  input: PlaceMarketOrderInput,
): Promise<PlacedMarketOrder> {
  const item = await orderedItem(ctx.db, input);
  assertWantedTime(input, ctx.clock.now());
  const chain = await locateChainAt(ctx, { lng: input.location.longitude, lat: input.location.latitude });
  const env = environment(ctx);
  const weights = await readDispatchWeights(ctx);
  const accessCode = randomBytes(12).toString('base64url');
  const id = await ctx.db.transaction(async (tx) => {
    const orderId = await nextEventId(tx, 'market_orders');
    const row = await runCreation(
      tx,
      ORDER_DEFINITION,
      actor,
      'order',
      (state) => insertPlacedOrder(tx, { orderId, state, input, channel, env, accessCode, chain }),
      { note: item.name, changes: { itemId: item.id, channel } },
      { ...env, bySystem: actor.userId === 0 },
      undefined,
    );
    await dispatchOrder(tx, row, item, env, weights);
    return orderId;
  });
  return { order: await viewOf(ctx, actor, id), accessCode };
}

async function insertPlacedOrder(
  tx: Tx,
  p: {
    orderId: number;
    state: string;
    input: PlaceMarketOrderInput;
    channel: MarketChannel;
    env: { now: Date };
    accessCode: string;
    chain: Awaited<ReturnType<typeof locateChainAt>>;
  },
) {
  return insertOrder(tx, {
    id: p.orderId,
    number: `FW${toBeijingCompactDate(p.env.now)}${String(p.orderId).padStart(6, '0')}`,
    itemId: p.input.itemId,
    state: p.state,
    channel: p.channel,
    address: p.input.address,
    longitude: p.input.location.longitude,
    latitude: p.input.location.latitude,
    districtId: p.chain?.district?.id ?? null,
    townId: p.chain?.town?.id ?? null,
    phone: p.input.phone,
    contactName: p.input.contactName || null,
    answers: p.input.answers ?? {},
    wantedAt: p.input.wantedAt ? new Date(p.input.wantedAt) : null,
    accessCodeHash: hashCode(p.accessCode),
    createdAt: p.env.now,
    updatedAt: p.env.now,
  });
}

/** An order as `actor` may see it (404 when out of his reach). */
async function viewOf(ctx: AppContext, actor: Actor, id: number): Promise<MarketOrderView> {
  const row = await findOrder(ctx.db, id);
  if (!row) throw ORDER_DEFINITION.notFound(id);
  const now = ctx.clock.now();
  const scene = await ctx.db.transaction((tx) => orderSceneOf(tx, actor, row, now));
  return presentOrder({ ...scene, row }, await findOrderEvents(ctx.db, id));
}

/** An order for staff or a merchant. */
export function getOrder(ctx: AppContext, actor: Actor, id: number): Promise<MarketOrderView> {
  return viewOf(ctx, actor, id);
}

/**
 * Takes an action on an order through the shared mechanism. An order refused is dispatched on at once (to
 * the next merchant, or to the centre's queue) in the same transaction; a merchant's cancellation refreshes its
 * score.
 */
export async function actOnOrder(
  ctx: AppContext,
  actor: Actor,
  id: number,
  action: MarketOrderActionOnOrder,
  input: { version: number },
): Promise<MarketOrderView> {
  const env = environment(ctx);
  const complaint = action === 'complain' ? await complaintOf(ctx, id, input, actor.ip) : undefined;
  const photo = await completionPhotoOf(ctx, action, input);
  const weights = await readDispatchWeights(ctx);
  await ctx.db.transaction(async (tx) => {
    const prepared =
      action === 'assign'
        ? await offerOfAssignment(tx, id, input as AssignMarketOrderInput, env.now, weights)
        : input;
    const row = await runTransition(
      tx,
      ORDER_DEFINITION,
      actor,
      { id, action, input: prepared },
      { ...env, bySystem: actor.userId === 0, complaint, photo },
    );
    // a merchant's cancellation counts against its score once its event is written
    if (action === 'cancel' && actor.roles.includes('merchant') && row.merchantId !== null) {
      await refreshMerchantScore(tx, row.merchantId, env.now);
    }
    if (row.state === 'ordered') {
      const item = await findItem(tx, row.itemId);
      if (item) await dispatchOrder(tx, row, item, env, weights);
    }
  });
  return viewOf(ctx, actor, id);
}

/**
 * 中心派单: the offer of queued order `id` to the merchant the centre picked, with the item's acceptance limit —
 * a merchant who may take it (approved, offering the item, covering the place), or 409 MERCHANT_NOT_ELIGIBLE.
 */
async function offerOfAssignment(
  tx: Tx,
  id: number,
  input: AssignMarketOrderInput,
  now: Date,
  weights: MarketDispatchWeights,
): Promise<OfferInput> {
  const order = await findOrder(tx, id);
  if (!order) throw ORDER_DEFINITION.notFound(id);
  const { acceptMinutes, needsMerchant } = await itemOfOrder(tx, order.itemId);
  // the lifecycle's guard refuses it too, but only after the merchant was looked for
  if (!needsMerchant) throw notForMerchants();
  const merchant = (await eligibleMerchants(tx, dispatchTargetOf(order, now, weights))).find(
    (m) => m.id === input.merchantId,
  );
  if (!merchant) {
    const message = '该商户未通过审核、不提供此项服务或不覆盖订单所在区域';
    throw new AppError('MERCHANT_NOT_ELIGIBLE', message, [
      { field: 'merchantId', code: 'not_eligible', message },
    ]);
  }
  return {
    version: input.version,
    merchantId: merchant.id,
    merchantName: merchant.name,
    expiresAt: new Date(now.getTime() + acceptMinutes * 60_000),
  };
}

/** 可派商户: the merchants the centre may offer order `id` to, in the dispatch rule's order. */
export async function merchantsForOrder(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<MarketMerchantChoiceList> {
  const order = await findOrder(ctx.db, id);
  if (!order) throw ORDER_DEFINITION.notFound(id);
  const now = ctx.clock.now();
  // the order must be in the caller's reach, as to see it
  await ctx.db.transaction((tx) => orderSceneOf(tx, actor, order, now));
  const target = dispatchTargetOf(order, now, await readDispatchWeights(ctx));
  return { items: await eligibleMerchants(ctx.db, target) };
}

/** The case a complaint about order `id` opens, prepared before the action's transaction. */
async function complaintOf(ctx: AppContext, id: number, input: { version: number }, ip: string) {
  const order = await findOrder(ctx.db, id);
  if (!order) throw ORDER_DEFINITION.notFound(id);
  const { content } = input as ComplainMarketOrderInput;
  return { ctx, prepared: await prepareComplaintCase(ctx, order, content, ip) };
}

/** The citizen who placed an order, acting on the portal with its 查询码 (recorded without a user). */
function portalCitizen(ip: string): Actor {
  return {
    userId: 0,
    username: 'portal',
    displayName: '下单群众',
    orgId: 0,
    orgCode: 'portal',
    orgName: '群众门户',
    orgKind: 'city',
    orgPath: '/',
    roles: ['citizen'],
    permissions: new Set<Permission>([
      'market_order.order',
      'market_order.cancel',
      'market_order.rate',
      'market_order.complain',
    ]),
    scopePath: '/',
    ip,
  };
}

/** The portal citizen, once the order's code matches (404 otherwise: a wrong code says nothing). */
async function provenCitizen(ctx: AppContext, id: number, code: string, ip: string): Promise<Actor> {
  const row = await findOrder(ctx.db, id);
  const expected = Buffer.from(row?.accessCodeHash ?? '0'.repeat(64));
  if (!row || !timingSafeEqual(expected, Buffer.from(hashCode(code)))) throw ORDER_DEFINITION.notFound(id);
  return portalCitizen(ip);
}

/** 下单 on the portal, without an account. */
export function placePortalOrder(ctx: AppContext, input: PlaceMarketOrderInput, ip: string) {
  return placeOrder(ctx, portalCitizen(ip), 'portal', input);
}

/** The citizen's own order, by its code. */
export async function getPortalOrder(ctx: AppContext, id: number, code: string, ip: string) {
  return viewOf(ctx, await provenCitizen(ctx, id, code, ip), id);
}

/** The photo of the citizen's own order, by its code. */
export async function openPortalOrderPhoto(ctx: AppContext, id: number, code: string, ip: string) {
  return openCompletionPhoto(ctx, await provenCitizen(ctx, id, code, ip), id);
}

/** The citizen cancels or rates his own order, by its code. */
export async function actOnPortalOrder(
  ctx: AppContext,
  id: number,
  code: string,
  ip: string,
  action: PortalMarketAction,
  input: { version: number },
) {
  return actOnOrder(ctx, await provenCitizen(ctx, id, code, ip), id, action, input);
}

/** A keyset page of the orders the actor sees: a merchant his own, the centre's staff those of their scope. */
export async function listOrdersForActor(
  ctx: AppContext,
  actor: Actor,
  query: MarketOrderListQuery,
  offersOnly = false,
): Promise<MarketOrderList> {
  const merchant = actor.roles.includes('merchant')
    ? await findMerchantOfUser(ctx.db, actor.userId)
    : undefined;
  if (actor.roles.includes('merchant') && !merchant) return { items: [], nextCursor: null };
  const after = query.cursor ? decodeCursor(query.cursor, isInstantIdPosition) : undefined;
  const rows = await listOrders(ctx.db, {
    merchantId: merchant?.id,
    scopePath: merchant ? undefined : actor.scopePath,
    state: offersOnly ? 'offered' : query.state,
    itemId: query.itemId,
    q: query.q,
    after: after && { createdAt: new Date(after[0]), id: after[1] },
    limit: query.limit,
  });
  const now = ctx.clock.now();
  const items: MarketOrderView[] = [];
  for (const row of rows.slice(0, query.limit)) {
    const scene = { actor, row, now, merchantId: merchant?.id ?? null, needsMerchant: row.needsMerchant };
    items.push(presentOrder(scene, await findOrderEvents(ctx.db, row.id)));
  }
  return keysetPage(
    rows,
    query.limit,
    (r) => [r.createdAt.toISOString(), r.id],
    () => items,
  );
}
