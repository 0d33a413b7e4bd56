import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { users } from '../users/users.tables.js';
import { open311Keys } from './open311.tables.js';

/** An API key's row. */
export type Open311KeyRow = typeof open311Keys.$inferSelect;

/** Stores a new key (its hash only); answers its row. */
export async function insertOpen311Key(
  db: DbOrTx,
  values: typeof open311Keys.$inferInsert,
): Promise<Open311KeyRow> {
  const [row] = await db.insert(open311Keys).values(values).returning();
  return row!;
}

/** The next free number of a default channel code (`open311_<n>`). */
export async function nextOpen311KeyNumber(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${open311Keys.id}), 0)::int + 1` })
    .from(open311Keys);
  return row?.n ?? 1;
}

/** Whether a channel code is held by a key already. */
export async function isOpen311ChannelTaken(db: DbOrTx, channelCode: string): Promise<boolean> {
  const [row] = await db
    .select({ id: open311Keys.id })
    .from(open311Keys)
    .where(eq(open311Keys.channelCode, channelCode));
  return row !== undefined;
}

/** Every key, newest first, with the username of whoever created it. */
export async function listOpen311Keys(db: DbOrTx) {
  return db
    .select({ key: open311Keys, createdBy: users.username })
    .from(open311Keys)
    .leftJoin(users, eq(users.id, open311Keys.createdByUserId))
    .orderBy(desc(open311Keys.id));
}

/** One key with its creator's username. */
export async function findOpen311Key(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ key: open311Keys, createdBy: users.username })
    .from(open311Keys)
    .leftJoin(users, eq(users.id, open311Keys.createdByUserId))
    .where(eq(open311Keys.id, id));
  return row;
}

/** The key whose hash this is, revoked or not. */
export async function findOpen311KeyByHash(db: DbOrTx, keyHash: string): Promise<Open311KeyRow | undefined> {
  const [row] = await db.select().from(open311Keys).where(eq(open311Keys.keyHash, keyHash));
  return row;
}

/** Revokes a key not yet revoked; false when it was revoked already (or is unknown). */
export async function revokeOpen311KeyRow(
  db: DbOrTx,
  id: number,
  byUserId: number,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(open311Keys)
    .set({ revokedAt: now, revokedByUserId: byUserId })
    .where(and(eq(open311Keys.id, id), isNull(open311Keys.revokedAt)))
    .returning({ id: open311Keys.id });
  return rows.length > 0;
}

/** Notes that a key was just used. */
export async function touchOpen311Key(db: DbOrTx, id: number, now: Date): Promise<void> {
  await db.update(open311Keys).set({ lastUsedAt: now }).where(eq(open311Keys.id, id));
}
