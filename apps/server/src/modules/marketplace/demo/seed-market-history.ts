import { randomBytes } from 'node:crypto';
import { toBeijingCompactDate } from '@shanzhi/shared';
import { and, count, eq, inArray, isNotNull } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { createDemoRandom } from '../../demo/demo-random.js';
import {
  chainTimeline,
  eventRows,
  headOf,
  insertAll,
  reserveIds,
} from '../../demo/grid-history/grid-history-writer.js';
import { orgs } from '../../orgs/orgs.tables.js';
import { users } from '../../users/users.tables.js';
import {
  marketItems,
  marketMerchantStaff,
  marketMerchants,
  marketOffers,
  marketOrderEvents,
  marketOrders,
} from '../marketplace.tables.js';
import { type HistoryMerchant, type HistoryPlace, planOrder } from './market-history-plan.js';

/**
 * The demo year's orders: Wuhai's 民需我应 served 124,000 in 2022 for 560,000 people; the demo city's history
 * is a tenth of a real year of 12345, and so is this.
 */
export const DEFAULT_HISTORY_ORDERS = 12_400;

/** Whether the marketplace has no order yet (a demo database written before it, or a fresh one). */
export async function isMarketHistoryDue(ctx: AppContext): Promise<boolean> {
  const [row] = await ctx.db.select({ n: count() }).from(marketOrders);
  return (row?.n ?? 0) === 0;
}

/** The grids with a point, each with the town and district above it. */
async function loadPlaces(ctx: AppContext): Promise<Map<number, HistoryPlace[]>> {
  const areas = await ctx.db
    .select({ id: orgs.id, kind: orgs.kind, name: orgs.name })
    .from(orgs)
    .where(inArray(orgs.kind, ['district', 'town']));
  const byId = new Map(areas.map((a) => [a.id, a]));
  const grids = await ctx.db
    .select({ path: orgs.path, lng: orgs.centerLng, lat: orgs.centerLat })
    .from(orgs)
    .where(and(eq(orgs.kind, 'grid'), isNotNull(orgs.centerLng)));
  const places = new Map<number, HistoryPlace[]>();
  for (const grid of grids) {
    const above = grid.path
      .split('/')
      .filter(Boolean)
      .map((id) => byId.get(Number(id)));
    const district = above.find((a) => a?.kind === 'district');
    const town = above.find((a) => a?.kind === 'town');
    if (!district) continue;
    const place = {
      districtId: district.id,
      townId: town?.id ?? null,
      longitude: grid.lng!,
      latitude: grid.lat!,
      areaName: `${district.name}${town?.name ?? ''}`,
    };
    places.set(district.id, [...(places.get(district.id) ?? []), place]);
  }
  return places;
}

/** The approved merchants, with the staff account of those that have one. */
async function loadMerchants(ctx: AppContext): Promise<HistoryMerchant[]> {
  const staff = await ctx.db
    .select({ merchantId: marketMerchantStaff.merchantId, userId: users.id, orgId: users.orgId })
    .from(marketMerchantStaff)
    .innerJoin(users, eq(users.id, marketMerchantStaff.userId));
  const rows = await ctx.db.select().from(marketMerchants).where(eq(marketMerchants.status, 'approved'));
  return rows.map((m) => {
    const account = staff.find((s) => s.merchantId === m.id);
    return {
      id: m.id,
      name: m.name,
      itemIds: m.itemIds,
      districtId: m.areaOrgIds[0]!,
      staff: account ? { userId: account.userId, orgId: account.orgId } : null,
    };
  });
}

/**
 * Writes a year of orders up to now (deterministic), each with its keyed timeline, chain head and offer — as
 * the lifecycle would have left them — in a few statements. Nothing when the marketplace has orders already.
 * Answers how many were written.
 */
export async function seedMarketHistory(ctx: AppContext, orders = DEFAULT_HISTORY_ORDERS): Promise<number> {
  if (!(await isMarketHistoryDue(ctx))) return 0;
  const items = await ctx.db.select().from(marketItems);
  const merchants = (await loadMerchants(ctx)).filter((m) => m.itemIds.length > 0);
  const places = await loadPlaces(ctx);
  const serving = merchants.filter((m) => places.has(m.districtId));
  if (serving.length === 0) return 0;
  const random = createDemoRandom(124_000);
  const now = ctx.clock.now().getTime();
  const plans = Array.from({ length: orders }, () => {
    const merchant = random.pick(serving);
    const itemId = random.pick(merchant.itemIds);
    const item = items.find((i) => i.id === itemId)!;
    const place = random.pick(places.get(merchant.districtId)!);
    // placed during the Beijing day (07:00–22:00), at most a day before now so every story has ended
    const day = Math.floor(now / 86_400_000) * 86_400_000 - random.int(1, 364) * 86_400_000;
    const createdAt = new Date(day - 8 * 3_600_000 + random.int(7 * 60, 22 * 60) * 60_000);
    return planOrder(random, item, merchant, place, createdAt);
  }).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  await ctx.db.transaction(async (tx) => {
    const ids = await reserveIds(tx, 'market_orders', plans.length);
    const timelines = plans.map((p, i) => chainTimeline(ctx.chainKey, 'orderId', ids[i]!, p.events));
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    const rows = plans.map((p, i) => ({
      id: ids[i],
      number: `FW${toBeijingCompactDate(p.createdAt)}${String(ids[i]).padStart(6, '0')}`,
      itemId: p.itemId,
      state: p.state,
      channel: 'portal',
      address: `${p.place.areaName}${random.int(1, 200)}号`,
      longitude: p.place.longitude,
      latitude: p.place.latitude,
      districtId: p.place.districtId,
      townId: p.place.townId,
      phone: p.phone,
      contactName: null,
      answers: {},
      wantedAt: null,
      accessCodeHash: randomBytes(32).toString('hex'),
      merchantId: p.merchant.id,
      offerExpiresAt: null,
      passes: 0,
      price: p.price,
      stars: p.stars,
      ratingComment: p.events.find((e) => e.action === 'rate')?.note ?? null,
      acceptedAt: iso(p.acceptedAt),
      completedAt: iso(p.completedAt),
      caseId: null,
      version: p.events.length - 1,
      createdAt: iso(p.createdAt),
      ...headOf(timelines[i]!),
    }));
    await insertAll(tx, marketOrders, rows, true);
    await insertAll(tx, marketOrderEvents, timelines.flatMap(eventRows));
    const offers = plans.map((p, i) => ({
      orderId: ids[i],
      merchantId: p.merchant.id,
      offeredAt: iso(p.offer.offeredAt),
      expiresAt: iso(p.offer.expiresAt),
      outcome: p.offer.outcome,
      answeredAt: iso(p.offer.answeredAt),
    }));
    await insertAll(tx, marketOffers, offers);
  });
  return plans.length;
}
