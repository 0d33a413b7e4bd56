import type { MarkedRead, NotificationPage, NotificationView, UnreadCount } from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

export type { NotificationView as NotificationItem };

/** The caller's newest notifications, the first keyset page (only the unread ones with `unread`). */
export async function fetchNotifications(unread: boolean, signal?: AbortSignal): Promise<NotificationView[]> {
  const page = await apiRequest<NotificationPage>(
    withQuery('/api/v1/notifications', { unread: unread ? 'true' : undefined, limit: 20 }),
    signal ? { signal } : {},
  );
  return page.items;
}

/** How many of the caller's notifications are unread. */
export async function fetchUnreadCount(signal?: AbortSignal): Promise<number> {
  const answer = await apiRequest<UnreadCount>(
    '/api/v1/notifications/unread-count',
    signal ? { signal } : {},
  );
  return answer.count;
}

/** Marks one notification read. */
export function markRead(id: number): Promise<NotificationView> {
  return apiRequest(`/api/v1/notifications/${id}/read`, { method: 'POST' });
}

/** Marks all the caller's notifications read. */
export function markAllRead(): Promise<MarkedRead> {
  return apiRequest('/api/v1/notifications/read-all', { method: 'POST' });
}
