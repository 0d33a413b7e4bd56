import { and, count, desc, eq, isNull, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { notifications } from './notifications.tables.js';

/** A notification row. */
export type NotificationRow = typeof notifications.$inferSelect;

/**
 * One user's notifications, newest first, from before `beforeId` (keyset), optionally unread only: `limit`
 * rows and one more, which tells that another page follows.
 */
export async function findNotificationsOf(
  db: DbOrTx,
  userId: number,
  options: { unreadOnly: boolean; beforeId: number | undefined; limit: number },
): Promise<NotificationRow[]> {
  const conditions: SQL[] = [eq(notifications.userId, userId)];
  if (options.unreadOnly) conditions.push(isNull(notifications.readAt));
  if (options.beforeId !== undefined) conditions.push(lt(notifications.id, options.beforeId));
  return db
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.id))
    .limit(options.limit + 1);
}

/** Marks one of the user's notifications read (keeping the first reading time); undefined if not his. */
export async function markNotificationRead(
  db: DbOrTx,
  userId: number,
  id: number,
  now: Date,
): Promise<NotificationRow | undefined> {
  const own = and(eq(notifications.id, id), eq(notifications.userId, userId));
  const [updated] = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(own, isNull(notifications.readAt)))
    .returning();
  if (updated) return updated;
  const [existing] = await db.select().from(notifications).where(own);
  return existing;
}

/** Marks all the user's unread notifications read; answers how many. */
export async function markAllNotificationsRead(db: DbOrTx, userId: number, now: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** How many of the user's notifications are unread. */
export async function countUnreadNotifications(db: DbOrTx, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}
