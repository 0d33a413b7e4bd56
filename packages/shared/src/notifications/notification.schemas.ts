import { z } from 'zod';
import { KeysetQuery, keysetPageOf } from '../lists/list.schemas.js';

/**
 * The kinds of in-app notification. A kind names why someone is told, from the recipient's side:
 * `co_dispatched` goes to a co-handler of the same dispatch that is `dispatched` to the lead unit.
 */
export const NOTIFICATION_KINDS = [
  'dispatched',
  'co_dispatched',
  'returned',
  'supervised',
  'sla_warned',
  'sla_breached',
  'extension_requested',
  'reply_submitted',
  'timeline_broken',
  'report_ready',
  'iot_alert_escalated',
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
/** One kind of in-app notification. */
export type NotificationKind = z.output<typeof NotificationKind>;

/** 中文 labels of the kinds (the title prefix and the web app's filter). */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  dispatched: '新派单',
  co_dispatched: '协办派单',
  returned: '退单待处理',
  supervised: '督办',
  sla_warned: '即将超期',
  sla_breached: '已超期',
  extension_requested: '延期申请待审批',
  reply_submitted: '办结反馈待审核',
  timeline_broken: '安全告警',
  report_ready: '报告已生成',
  iot_alert_escalated: '告警升级',
};

/** `GET /api/v1/notifications` query: the caller's notifications, newest first, in keyset pages. */
export const NotificationListQuery = z
  .object({
    /** only the unread ones */
    unread: z
      .enum(['true', 'false'], { error: 'unread 只能是 true 或 false' })
      .default('false')
      .transform((v) => v === 'true'),
  })
  .extend(KeysetQuery.shape)
  .extend({ limit: KeysetQuery.shape.limit.unwrap().default(20) })
  .strict();
export type NotificationListQuery = z.output<typeof NotificationListQuery>;

/** A notification's id in a path. */
export const NotificationParams = z
  .object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) })
  .strict();
export type NotificationParams = z.output<typeof NotificationParams>;

/** A notification as its owner reads it: title and body through his masking of free text. */
export const NotificationView = z
  .object({
    id: z.number().int(),
    kind: NotificationKind,
    title: z.string(),
    body: z.string(),
    caseId: z.number().int().nullable(),
    caseNumber: z.string().nullable(),
    /** the dispute it is about (a mediation deadline's warning), which it opens; null for a case's */
    disputeId: z.number().int().nullable(),
    /** the petition it is about (a legal deadline's warning), which it opens */
    petitionId: z.number().int().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'NotificationView' });
export type NotificationView = z.output<typeof NotificationView>;

/** A keyset page of notifications, newest first. */
export const NotificationPage = keysetPageOf(NotificationView);
export type NotificationPage = z.output<typeof NotificationPage>;

/** How many of the caller's notifications are unread. */
export const UnreadCount = z.object({ count: z.number().int() });
export type UnreadCount = z.output<typeof UnreadCount>;

/** How many notifications "all read" marked. */
export const MarkedRead = z.object({ updated: z.number().int() });
export type MarkedRead = z.output<typeof MarkedRead>;
