import { and, asc, desc, eq, ilike, isNull, like, lt, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/database.js';
import { containsPattern, prefixPattern } from '../../platform/db/text-search.js';
import { cases } from '../cases/cases.tables.js';
import { orgs } from '../orgs/orgs.tables.js';
import {
  marketItems,
  marketMerchants,
  marketOffers,
  marketOrderEvents,
  marketOrders,
} from './marketplace.tables.js';

/** An order row. */
export type OrderRow = typeof marketOrders.$inferSelect;

/** An order with the names its view shows. */
export interface OrderListRow extends OrderRow {
  itemName: string;
  /** false for an item the centre handles itself (挪车) */
  needsMerchant: boolean;
  merchantName: string | null;
  districtName: string | null;
  townName: string | null;
  caseNumber: string | null;
}

const district = alias(orgs, 'district');
const town = alias(orgs, 'town');

function listQuery(db: DbOrTx) {
  return db
    .select({
      order: marketOrders,
      itemName: marketItems.name,
      needsMerchant: marketItems.needsMerchant,
      merchantName: marketMerchants.name,
      districtName: district.name,
      townName: town.name,
      caseNumber: cases.number,
    })
    .from(marketOrders)
    .innerJoin(marketItems, eq(marketItems.id, marketOrders.itemId))
    .leftJoin(marketMerchants, eq(marketMerchants.id, marketOrders.merchantId))
    .leftJoin(district, eq(district.id, marketOrders.districtId))
    .leftJoin(town, eq(town.id, marketOrders.townId))
    .leftJoin(cases, eq(cases.id, marketOrders.caseId));
}

type Joined = Awaited<ReturnType<ReturnType<typeof listQuery>['where']>>[number];
const flatten = ({ order, ...names }: Joined): OrderListRow => ({ ...order, ...names });

/** An order by id, locked for the transaction. */
export async function lockOrder(db: DbOrTx, id: number): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(marketOrders).where(eq(marketOrders.id, id)).for('update');
  return row;
}

/** An order by id with its names. */
export async function findOrder(db: DbOrTx, id: number): Promise<OrderListRow | undefined> {
  const [row] = await listQuery(db).where(eq(marketOrders.id, id));
  return row && flatten(row);
}

/** Inserts an order (its id drawn beforehand, for its number). */
export async function insertOrder(db: DbOrTx, values: typeof marketOrders.$inferInsert): Promise<OrderRow> {
  const [row] = await db.insert(marketOrders).values(values).returning();
  return row!;
}

/** Filters of an order list. */
export interface OrderFilter {
  /** only this merchant's orders (a merchant's own list) */
  merchantId?: number;
  /** the centre's staff: orders located in their scope, and those located nowhere (outside every grid) */
  scopePath?: string;
  state?: string;
  itemId?: number;
  /** the number's beginning, any part of the address, or the full phone number */
  q?: string;
  /** the position after which the page starts (newest first) */
  after?: { createdAt: Date; id: number };
  limit: number;
}

/** Orders, newest first: one more than `limit` (whether a next page follows). */
export async function listOrders(db: DbOrTx, f: OrderFilter): Promise<OrderListRow[]> {
  const where: SQL[] = [];
  if (f.merchantId !== undefined) where.push(eq(marketOrders.merchantId, f.merchantId));
  if (f.scopePath) where.push(or(like(district.path, `${f.scopePath}%`), isNull(marketOrders.districtId))!);
  if (f.state) where.push(eq(marketOrders.state, f.state));
  if (f.itemId) where.push(eq(marketOrders.itemId, f.itemId));
  if (f.q) {
    where.push(
      or(
        ilike(marketOrders.number, prefixPattern(f.q.toUpperCase())),
        ilike(marketOrders.address, containsPattern(f.q)),
        eq(marketOrders.phone, f.q),
      )!,
    );
  }
  if (f.after) {
    where.push(
      or(
        lt(marketOrders.createdAt, f.after.createdAt),
        and(eq(marketOrders.createdAt, f.after.createdAt), lt(marketOrders.id, f.after.id)),
      )!,
    );
  }
  const rows = await listQuery(db)
    .where(and(...where))
    .orderBy(desc(marketOrders.createdAt), desc(marketOrders.id))
    .limit(f.limit + 1);
  return rows.map(flatten);
}

/** The timeline of an order, in order. */
export async function findOrderEvents(db: DbOrTx, orderId: number) {
  return db
    .select()
    .from(marketOrderEvents)
    .where(eq(marketOrderEvents.orderId, orderId))
    .orderBy(asc(marketOrderEvents.seq));
}

/** Whether `merchantId` was ever offered the order. */
export async function wasOfferedTo(db: DbOrTx, orderId: number, merchantId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: marketOffers.id })
    .from(marketOffers)
    .where(and(eq(marketOffers.orderId, orderId), eq(marketOffers.merchantId, merchantId)))
    .limit(1);
  return row !== undefined;
}
