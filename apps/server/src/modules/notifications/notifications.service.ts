import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import {
  type NotificationItem,
  type NotificationPage,
  presentNotification,
} from './notifications.presenter.js';
import {
  countUnreadNotifications,
  findNotificationsOf,
  markAllNotificationsRead,
  markNotificationRead,
} from './notifications.repository.js';

/** The caller's own notifications, newest first, a keyset page at a time. */
export async function listMyNotifications(
  ctx: AppContext,
  actor: Actor,
  query: { unread: boolean; cursor?: number | undefined; limit: number },
): Promise<z.infer<typeof NotificationPage>> {
  const rows = await findNotificationsOf(ctx.db, actor.userId, {
    unreadOnly: query.unread,
    beforeId: query.cursor,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const more = rows.length > query.limit;
  return { items: page.map(presentNotification), nextCursor: more ? String(page.at(-1)!.id) : null };
}

/** Marks one of the caller's notifications read; 404 for one that is not his (or does not exist). */
export async function readMyNotification(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<z.infer<typeof NotificationItem>> {
  const row = await markNotificationRead(ctx.db, actor.userId, id, ctx.clock.now());
  if (!row) throw new AppError('NOTIFICATION_NOT_FOUND', `通知 ${id} 不存在`);
  return presentNotification(row);
}

/** Marks all the caller's notifications read. */
export async function readAllMyNotifications(ctx: AppContext, actor: Actor): Promise<{ updated: number }> {
  return { updated: await markAllNotificationsRead(ctx.db, actor.userId, ctx.clock.now()) };
}

/** How many of the caller's notifications are unread. */
export async function countMyUnread(ctx: AppContext, actor: Actor): Promise<{ count: number }> {
  return { count: await countUnreadNotifications(ctx.db, actor.userId) };
}
