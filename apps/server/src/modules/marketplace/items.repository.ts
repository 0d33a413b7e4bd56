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

/** Every service item, active or not, in its order. */
export async function listAllItems(db: DbOrTx) {
  return db.select().from(marketItems).orderBy(marketItems.sort);
}

/** Replaces an item's editable fields; the row after, or undefined when there is no such item. */
export async function updateItem(
  db: DbOrTx,
  id: number,
  patch: Pick<
    ItemRow,
    'name' | 'description' | 'questions' | 'priceMin' | 'priceMax' | 'acceptMinutes' | 'active'
  >,
): Promise<ItemRow | undefined> {
  const [row] = await db.update(marketItems).set(patch).where(eq(marketItems.id, id)).returning();
  return row;
}

/** An item by id, active or not, locked for an edit. */
export async function lockItem(db: DbOrTx, id: number): Promise<ItemRow | undefined> {
  const [row] = await db.select().from(marketItems).where(eq(marketItems.id, id)).for('update');
  return row;
}
