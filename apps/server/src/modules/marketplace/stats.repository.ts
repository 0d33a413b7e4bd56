import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../platform/db/database.js';

/**
 * The orders counted: placed in [from, to); a merchant's own when `merchantId` is given; the centre's staff
 * those located in their scope (`scopePath`) and those located nowhere, as their order list shows them.
 */
export interface StatsScope {
  from: Date;
  to: Date;
  merchantId?: number;
  scopePath?: string;
}

function where(s: StatsScope): SQL {
  const own = s.merchantId === undefined ? sql`` : sql` and o.merchant_id = ${s.merchantId}`;
  const inScope = s.scopePath
    ? sql` and (o.district_id is null or exists (select 1 from orgs sd
          where sd.id = o.district_id and sd.path like ${`${s.scopePath}%`}))`
    : sql``;
  return sql`o.created_at >= ${s.from.toISOString()} and o.created_at < ${s.to.toISOString()}${own}${inScope}`;
}

const DONE = sql`o.state in ('completed', 'rated')`;

/** The period's totals, ratings and acceptance times. */
export async function orderTotals(db: DbOrTx, s: StatsScope) {
  const [row] = await queryRows<{
    orders: number;
    completed: number;
    cancelled: number;
    rated: number;
    satisfied: number;
    average_stars: number | null;
    median: number | null;
    p90: number | null;
  }>(
    db,
    sql`select count(*)::int as orders,
          count(*) filter (where ${DONE})::int as completed,
          count(*) filter (where o.state = 'cancelled')::int as cancelled,
          count(o.stars)::int as rated,
          count(*) filter (where o.stars >= 4)::int as satisfied,
          avg(o.stars)::float as average_stars,
          percentile_cont(0.5) within group (order by extract(epoch from o.accepted_at - o.created_at))::float as median,
          percentile_cont(0.9) within group (order by extract(epoch from o.accepted_at - o.created_at))::float as p90
        from market_orders o where ${where(s)}`,
  );
  return row!;
}

/** Orders and completions by item, most ordered first. */
export function ordersByItem(db: DbOrTx, s: StatsScope) {
  return queryRows<{ itemId: number; name: string; orders: number; completed: number }>(
    db,
    sql`select i.id as "itemId", i.name, count(*)::int as orders, count(*) filter (where ${DONE})::int as completed
        from market_orders o join market_items i on i.id = o.item_id
        where ${where(s)} group by i.id, i.name order by orders desc, i.id`,
  );
}

/** Orders by district (null: outside every grid), most first. */
export function ordersByDistrict(db: DbOrTx, s: StatsScope) {
  return queryRows<{ districtId: number | null; name: string | null; orders: number }>(
    db,
    sql`select o.district_id as "districtId", d.name, count(*)::int as orders
        from market_orders o left join orgs d on d.id = o.district_id
        where ${where(s)} group by o.district_id, d.name order by orders desc`,
  );
}

/** Orders by Beijing month. */
export function ordersByMonth(db: DbOrTx, s: StatsScope) {
  return queryRows<{ month: string; orders: number }>(
    db,
    sql`select to_char(o.created_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*)::int as orders
        from market_orders o where ${where(s)} group by month order by month`,
  );
}

/** The merchants ranked by completed orders, then by their ratings: the first 20. */
export function rankMerchants(db: DbOrTx, s: StatsScope) {
  return queryRows<{
    merchantId: number;
    name: string;
    completed: number;
    averageStars: number | null;
    score: number;
  }>(
    db,
    sql`select m.id as "merchantId", m.name, count(*)::int as completed, avg(o.stars)::float as "averageStars", m.score
        from market_orders o join market_merchants m on m.id = o.merchant_id
        where ${where(s)} and ${DONE}
        group by m.id, m.name, m.score order by completed desc, "averageStars" desc nulls last, m.id limit 20`,
  );
}
