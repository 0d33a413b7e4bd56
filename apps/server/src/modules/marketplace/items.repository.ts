import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { marketItems } from './marketplace.tables.js';

/** An item row. */
export type ItemRow = typeof marketItems.$inferSelect;

/** The active service items, in their order. */
export async function listItems(db: DbOrTx) {
  return db.select().from(marketItems).where(eq(marketItems.active, true)).orderBy(marketItems.sort);
}

/** An active item by id. */
export async function findItem(db: DbOrTx, id: number) {
  const [row] = await db
    .select()
    .from(marketItems)
    .where(and(eq(marketItems.id, id), eq(marketItems.active, true)));
  return row;
}

/** The item of an existing order, active or not (an item stopped later still governs its orders). */
export async function itemOfOrder(db: DbOrTx, itemId: number): Promise<ItemRow> {
  const [row] = await db.select().from(marketItems).where(eq(marketItems.id, itemId));
  if (!row) throw new Error(`market item ${itemId} of an order does not exist`);
  return row;
}
