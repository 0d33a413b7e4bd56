import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../platform/db/database.js';

/** What a merchant's score is made of: its ratings, how fast it accepts, how often it lets orders down. */
export interface MerchantRecord {
  /** mean stars of its rated orders, null before the first rating */
  meanStars: number | null;
  /** over the last 90 days, the median share of the acceptance limit its accepted offers took (0–1), null when none */
  medianAcceptShare: number | null;
  /** over the last 90 days, the offers it answered or let run out (refused · expired · accepted) */
  offers: number;
  /** of those, the ones it refused or let run out */
  missedOffers: number;
  /** over the last 90 days, the orders it took and then cancelled */
  cancellations: number;
}

/** How far back response times, refusals and cancellations count. */
export const SCORE_WINDOW_DAYS = 90;

/**
 * 综合评分 on the 1–5 scale (below `MERCHANT_REVIEW_SCORE_THRESHOLD` it is flagged 待复核):
 *
 *   score = clamp(stars − slow − letDown, 1, 5), rounded to 0.01
 *   stars   = mean stars of its ratings (5 before the first)
 *   slow    = 2 × max(0, medianAcceptShare − 0.5): nothing while it accepts within half the item's limit,
 *             up to 1 point when it takes the whole limit
 *   letDown = 2 × (missedOffers + cancellations) / max(1, offers): the share of offers refused or let run
 *             out and of orders taken then cancelled, 2 points when it lets every order down
 */
export function merchantScoreOf(r: MerchantRecord): number {
  const stars = r.meanStars ?? 5;
  const slow = r.medianAcceptShare === null ? 0 : 2 * Math.max(0, r.medianAcceptShare - 0.5);
  const letDown = (2 * (r.missedOffers + r.cancellations)) / Math.max(1, r.offers);
  const score = Math.min(5, Math.max(1, stars - slow - letDown));
  return Math.round(score * 100) / 100;
}

/** The record of merchant `merchantId` as of `now`. */
async function merchantRecordOf(db: DbOrTx, merchantId: number, now: Date): Promise<MerchantRecord> {
  const since = new Date(now.getTime() - SCORE_WINDOW_DAYS * 86_400_000).toISOString();
  const [row] = await queryRows<MerchantRecord>(
    db,
    sql`select
          (select avg(stars)::float from market_orders where merchant_id = ${merchantId} and stars is not null)
            as "meanStars",
          (select percentile_cont(0.5) within group (order by
              extract(epoch from answered_at - offered_at) / nullif(extract(epoch from expires_at - offered_at), 0))
            from market_offers
            where merchant_id = ${merchantId} and outcome = 'accepted' and offered_at >= ${since}::timestamptz)::float
            as "medianAcceptShare",
          (select count(*) from market_offers
            where merchant_id = ${merchantId} and outcome in ('accepted', 'refused', 'expired')
              and offered_at >= ${since}::timestamptz)::int as "offers",
          (select count(*) from market_offers
            where merchant_id = ${merchantId} and outcome in ('refused', 'expired')
              and offered_at >= ${since}::timestamptz)::int as "missedOffers",
          (select count(*) from market_order_events e join market_orders o on o.id = e.order_id
            where o.merchant_id = ${merchantId} and e.action = 'cancel' and e.changes->>'by' = 'merchant'
              and e.at >= ${since}::timestamptz)::int as "cancellations"`,
  );
  return row!;
}

/** Sets a merchant's score from its record (after a rating, a refusal, an offer run out, a cancellation). */
export async function refreshMerchantScore(db: DbOrTx, merchantId: number, now: Date): Promise<void> {
  const score = merchantScoreOf(await merchantRecordOf(db, merchantId, now));
  await db.execute(sql`update market_merchants set score = ${score} where id = ${merchantId}`);
}
