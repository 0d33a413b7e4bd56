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
  /** Beijing minute of the day now: the merchant must be open */
  minuteOfDay: number;
}

/** A merchant who may take an order, as the centre picks one: open now? offered it before? how busy? */
export interface EligibleMerchant {
  id: number;
  name: string;
  score: number;
  openOrders: number;
  openNow: boolean;
  offeredBefore: boolean;
}

/**
 * The approved merchants who offer the order's item and cover its district or town, in the rule's order:
 * fewest open orders first, then the best score, then (fairness between equals) the one whose last offer is
 * oldest. `where` narrows them further.
 */
function rankedMerchants(t: DispatchTarget, areas: number[], where = sql`true`) {
  return sql`select * from (
          select m.id, m.name, m.score, m.last_offered_at as "lastOfferedAt",
            (select count(*) from market_orders o
              where o.merchant_id = m.id and o.state in ('offered', 'accepted', 'on_the_way', 'in_service'))::int
              as "openOrders",
            (m.opens_minute <= ${t.minuteOfDay} and ${t.minuteOfDay} < m.closes_minute) as "openNow",
            exists (select 1 from market_offers f where f.order_id = ${t.orderId} and f.merchant_id = m.id)
              as "offeredBefore"
          from market_merchants m
          where m.status = 'approved'
            and ${t.itemId} = any(m.item_ids)
            and m.area_org_ids && ${sql.raw(`array[${areas.join(',')}]::integer[]`)}
        ) e
        where ${where}
        order by e."openOrders", e.score desc, e."lastOfferedAt" asc nulls first, e.id`;
}

const areasOf = (t: DispatchTarget) => [t.districtId, t.townId].filter((id): id is number => id !== null);

/** The merchants who may take the order, in the rule's order (none for an order located nowhere). */
export async function eligibleMerchants(db: DbOrTx, t: DispatchTarget): Promise<EligibleMerchant[]> {
  const areas = areasOf(t);
  if (areas.length === 0) return [];
  const rows = await queryRows<EligibleMerchant & { lastOfferedAt: unknown }>(db, rankedMerchants(t, areas));
  return rows.map(({ lastOfferedAt: _, ...merchant }) => merchant);
}

/** 平台派单: the first merchant by the rule who is open now and was not offered the order before. */
export async function chooseMerchant(
  db: DbOrTx,
  t: DispatchTarget,
): Promise<{ id: number; name: string } | undefined> {
  const areas = areasOf(t);
  if (areas.length === 0) return undefined;
  const ranked = rankedMerchants(t, areas, sql`e."openNow" and not e."offeredBefore"`);
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
