import { apiRequest, withQuery } from '../../../platform/api/index.js';

/** One in-app notification. */
export interface NotificationItem {
  id: number;
  kind: string;
  title: string;
  body: string;
  caseId: number | null;
  caseNumber: string | null;
  createdAt: string;
  readAt: string | null;
}

/** The caller's notifications, newest first (only the unread ones with `unread`). */
export async function fetchNotifications(unread: boolean, signal?: AbortSignal): Promise<NotificationItem[]> {
  const page = await apiRequest<{ items: NotificationItem[] }>(
    withQuery('/api/v1/notifications', { unread: unread ? 'true' : undefined, limit: 20 }),
    signal ? { signal } : {},
  );
  return page.items;
}

/** How many of the caller's notifications are unread. */
export async function fetchUnreadCount(signal?: AbortSignal): Promise<number> {
  const answer = await apiRequest<{ count: number }>(
    '/api/v1/notifications/unread-count',
    signal ? { signal } : {},
  );
  return answer.count;
}

/** Marks one notification read. */
export function markRead(id: number): Promise<NotificationItem> {
  return apiRequest(`/api/v1/notifications/${id}/read`, { method: 'POST' });
}

/** Marks all the caller's notifications read. */
export function markAllRead(): Promise<{ updated: number }> {
  return apiRequest('/api/v1/notifications/read-all', { method: 'POST' });
}
