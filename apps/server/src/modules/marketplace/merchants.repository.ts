import type { MarketDispatchWeights } from '@shanzhi/shared';
import { and, eq, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../platform/db/database.js';
import { marketMerchantStaff, marketMerchants, marketOffers } from './marketplace.tables.js';

/** The merchant a staff account works for, if any. */
export async function findMerchantOfUser(
  db: DbOrTx,
  userId: number,
): Promise<{ id: number; name: string } | undefined> {
  const [row] = await db
    .select({ id: marketMerchants.id, name: marketMerchants.name })
    .from(marketMerchantStaff)
    .innerJoin(marketMerchants, eq(marketMerchants.id, marketMerchantStaff.merchantId))
    .where(eq(marketMerchantStaff.userId, userId));
  return row;
}

/** What the dispatch rule looks at in an order. */
export interface DispatchTarget {
  orderId: number;
  itemId: number;
  districtId: number | null;
  townId: number | null;
  /** the order's point (GCJ-02): merchants with a service radius cover it within the radius */
  longitude: number;
  latitude: number;
  /** Beijing minute of the day now: the merchant must be open */
  minuteOfDay: number;
  /** the rule's weights (settings) */
  weights: MarketDispatchWeights;
}

/** A merchant who may take an order, as the centre picks one: open now? offered it before? how busy, how far? */
export interface EligibleMerchant {
  id: number;
  name: string;
  score: number;
  openOrders: number;
  openNow: boolean;
  offeredBefore: boolean;
  /** km from its base point to the order, null for a merchant without one */
  distanceKm: number | null;
}

/** Great-circle distance in km (haversine) from a merchant's base point `m` to the order's point. */
const distanceKmSql = (t: DispatchTarget) =>
  sql`case when m.base_longitude is null or m.base_latitude is null then null else
        12742 * asin(least(1, sqrt(
          power(sin(radians(m.base_latitude - ${t.latitude}::float) / 2), 2)
          + cos(radians(${t.latitude}::float)) * cos(radians(m.base_latitude))
            * power(sin(radians(m.base_longitude - ${t.longitude}::float) / 2), 2))))
      end`;

/**
 * The approved merchants who offer the order's item and cover the order — its district or town is in their
 * areas, or its point is within their service radius — in the rule's order: the lowest weighted cost of open
 * orders, score below 5 and distance (see `MarketDispatchWeights`), then (fairness between equals) the one whose
 * last offer is oldest. `where` narrows them further.
 */
function rankedMerchants(t: DispatchTarget, where = sql`true`) {
  const areas = [t.districtId, t.townId].filter((id): id is number => id !== null);
  const w = t.weights;
  const cost = sql`${w.openOrders}::float * e."openOrders" + ${w.score}::float * (5 - e.score)
    + ${w.distance}::float * coalesce(e."distanceKm", ${w.defaultDistanceKm}::float)`;
  return sql`select * from (
          select m.id, m.name, m.score, m.last_offered_at as "lastOfferedAt",
            (select count(*) from market_orders o
              where o.merchant_id = m.id and o.state in ('offered', 'accepted', 'on_the_way', 'in_service'))::int
              as "openOrders",
            (m.opens_minute <= ${t.minuteOfDay} and ${t.minuteOfDay} < m.closes_minute) as "openNow",
            exists (select 1 from market_offers f where f.order_id = ${t.orderId} and f.merchant_id = m.id)
              as "offeredBefore",
            ${distanceKmSql(t)}::float as "distanceKm",
            m.area_org_ids && ${sql.raw(`'{${areas.join(',')}}'::integer[]`)} as "inArea",
            m.radius_km
          from market_merchants m
          where m.status = 'approved' and ${t.itemId} = any(m.item_ids)
        ) e
        where (e."inArea" or e."distanceKm" <= e.radius_km) and ${where}
        order by ${cost}, e."lastOfferedAt" asc nulls first, e.id`;
}

/** The merchants who may take the order, in the rule's order. */
export async function eligibleMerchants(db: DbOrTx, t: DispatchTarget): Promise<EligibleMerchant[]> {
  const rows = await queryRows<
    EligibleMerchant & { lastOfferedAt: unknown; inArea: unknown; radius_km: unknown }
  >(db, rankedMerchants(t));
  return rows.map(({ lastOfferedAt: _, inArea: __, radius_km: ___, ...merchant }) => merchant);
}

/** 平台派单: the first merchant by the rule who is open now and was not offered the order before. */
export async function chooseMerchant(
  db: DbOrTx,
  t: DispatchTarget,
): Promise<{ id: number; name: string } | undefined> {
  const ranked = rankedMerchants(t, sql`e."openNow" and not e."offeredBefore"`);
  const [row] = await queryRows<{ id: number; name: string }>(db, sql`${ranked} limit 1`);
  return row;
}

/** Records an offer and the merchant's last offer time. */
export async function insertOffer(
  db: DbOrTx,
  offer: { orderId: number; merchantId: number; offeredAt: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(marketOffers).values({ ...offer, outcome: 'pending' });
  await db
    .update(marketMerchants)
    .set({ lastOfferedAt: offer.offeredAt })
    .where(eq(marketMerchants.id, offer.merchantId));
}

/** Ends the order's pending offer with `outcome` (accepted · refused · expired · cancelled). */
export async function closeOffer(db: DbOrTx, orderId: number, outcome: string, at: Date): Promise<void> {
  await db
    .update(marketOffers)
    .set({ outcome, answeredAt: at })
    .where(and(eq(marketOffers.orderId, orderId), eq(marketOffers.outcome, 'pending')));
}

/** The staff accounts of merchant `merchantId`. */
export async function staffUserIdsOf(db: DbOrTx, merchantId: number): Promise<number[]> {
  const rows = await db
    .select({ userId: marketMerchantStaff.userId })
    .from(marketMerchantStaff)
    .where(eq(marketMerchantStaff.merchantId, merchantId));
  return rows.map((r) => r.userId);
}
