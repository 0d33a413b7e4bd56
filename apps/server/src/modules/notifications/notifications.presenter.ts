import { z } from 'zod';
import { NOTIFICATION_KINDS } from './notification-kinds.js';
import type { NotificationRow } from './notifications.repository.js';

/** A notification as the API answers it. */
export const NotificationItem = z.object({
  id: z.number().int(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  caseId: z.number().int().nullable(),
  caseNumber: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

/** A page of notifications and the cursor of the next (older) one, if any. */
export const NotificationPage = z.object({
  items: z.array(NotificationItem),
  nextCursor: z.string().nullable(),
});

/** Row → API shape. */
export function presentNotification(row: NotificationRow): z.infer<typeof NotificationItem> {
  return {
    id: row.id,
    kind: row.kind as z.infer<typeof NotificationItem>['kind'],
    title: row.title,
    body: row.body,
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
