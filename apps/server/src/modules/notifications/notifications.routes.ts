import {
  MarkedRead,
  NotificationListQuery,
  NotificationPage,
  NotificationParams,
  NotificationView,
  UnreadCount,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { registerLiveStreamRoutes } from './live-stream.routes.js';
import {
  countMyUnread,
  listMyNotifications,
  readAllMyNotifications,
  readMyNotification,
} from './notifications.service.js';

const tags = ['notifications'];
const config = { permission: 'notification.read' } as const;

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
        response: { 200: UnreadCount, ...STANDARD_ERRORS },
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
        params: NotificationParams,
        response: { 200: NotificationView, ...STANDARD_ERRORS },
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
        response: { 200: MarkedRead, ...STANDARD_ERRORS },
      },
    },
    async (request) => readAllMyNotifications(ctx, actorOf(request)),
  );
}
