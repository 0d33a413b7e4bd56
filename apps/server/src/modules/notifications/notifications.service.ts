import type { NotificationListQuery, NotificationPage, NotificationView } from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import { freeTextMaskingFor } from '../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { decodeCursor, keysetPage } from '../../platform/http/lists.js';
import { presentNotification } from './notifications.presenter.js';
import {
  countUnreadNotifications,
  findNotificationsOf,
  markAllNotificationsRead,
  markNotificationRead,
} from './notifications.repository.js';

const isNotificationPosition = (value: unknown[]): value is [number] =>
  value.length === 1 && Number.isSafeInteger(value[0]);

/** The caller's own notifications, newest first, a keyset page at a time. */
export async function listMyNotifications(
  ctx: AppContext,
  actor: Actor,
  query: NotificationListQuery,
): Promise<NotificationPage> {
  const rows = await findNotificationsOf(ctx.db, actor.userId, {
    unreadOnly: query.unread,
    beforeId: query.cursor ? decodeCursor(query.cursor, isNotificationPosition)[0] : undefined,
    limit: query.limit,
  });
  const masking = freeTextMaskingFor(actor);
  return keysetPage(
    rows,
    query.limit,
    (row) => [row.id],
    (page) => page.map((row) => presentNotification(row, masking)),
  );
}

/** Marks one of the caller's notifications read; 404 for one that is not his (or does not exist). */
export async function readMyNotification(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<NotificationView> {
  const row = await markNotificationRead(ctx.db, actor.userId, id, ctx.clock.now());
  if (!row) throw new AppError('NOTIFICATION_NOT_FOUND', `通知 ${id} 不存在`);
  return presentNotification(row, freeTextMaskingFor(actor));
}

/** Marks all the caller's notifications read. */
export async function readAllMyNotifications(ctx: AppContext, actor: Actor): Promise<{ updated: number }> {
  return { updated: await markAllNotificationsRead(ctx.db, actor.userId, ctx.clock.now()) };
}

/** How many of the caller's notifications are unread. */
export async function countMyUnread(ctx: AppContext, actor: Actor): Promise<{ count: number }> {
  return { count: await countUnreadNotifications(ctx.db, actor.userId) };
}
