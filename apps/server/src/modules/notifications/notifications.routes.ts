import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { registerLiveStreamRoutes } from './live-stream.routes.js';
import { NotificationItem, NotificationPage } from './notifications.presenter.js';
import {
  countMyUnread,
  listMyNotifications,
  readAllMyNotifications,
  readMyNotification,
} from './notifications.service.js';

const tags = ['notifications'];
const config = { permission: 'notification.read' } as const;

const NotificationId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** `?unread=true&cursor=<id>&limit=`: the caller's notifications, newest first. */
const NotificationListQuery = z
  .object({
    /** only the unread ones */
    unread: z
      .enum(['true', 'false'], { error: 'unread 只能是 true 或 false' })
      .default('false')
      .transform((v) => v === 'true'),
    /** the `nextCursor` of the previous page */
    cursor: z
      .string()
      .regex(/^[1-9]\d{0,15}$/, '游标无效')
      .transform(Number)
      .optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

/** 站内通知: the caller's own notifications (read, mark read), and the live stream beside them. */
export function registerNotificationRoutes(app: ApiInstance, ctx: AppContext): void {
  registerLiveStreamRoutes(app, ctx);
  app.get(
    '/api/v1/notifications',
    {
      config,
      schema: {
        tags,
        summary: '我的通知 The caller’s notifications, newest first (keyset pages)',
        querystring: NotificationListQuery,
        response: { 200: NotificationPage, ...STANDARD_ERRORS },
      },
    },
    async (request) => listMyNotifications(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/notifications/unread-count',
    {
      config,
      schema: {
        tags,
        summary: '未读通知数 How many of the caller’s notifications are unread',
        response: { 200: z.object({ count: z.number().int() }), ...STANDARD_ERRORS },
      },
    },
    async (request) => countMyUnread(ctx, actorOf(request)),
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      config,
      schema: {
        tags,
        summary: '标记已读 Mark one of the caller’s notifications read',
        params: z.object({ id: NotificationId }).strict(),
        response: { 200: NotificationItem, ...STANDARD_ERRORS },
      },
    },
    async (request) => readMyNotification(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/notifications/read-all',
    {
      config,
      schema: {
        tags,
        summary: '全部已读 Mark all the caller’s notifications read',
        response: { 200: z.object({ updated: z.number().int() }), ...STANDARD_ERRORS },
      },
    },
    async (request) => readAllMyNotifications(ctx, actorOf(request)),
  );
}
