import { NOTIFICATION_KIND_LABELS, type NotificationKind } from '@shanzhi/shared';

export type { NotificationKind };

/** The kinds raised by a case's events (the others are the platform's own alarms and notices). */
export type CaseNotificationKind = Exclude<
  NotificationKind,
  'timeline_broken' | 'report_ready' | 'iot_alert_escalated'
>;

/** The kinds a deadline's clock raises: 80 % of the limit used, and the deadline passed. */
export type DeadlineNotificationKind = Extract<NotificationKind, 'sla_warned' | 'sla_breached'>;

/** What a deadline warning or breach says of its `subject` (`工单 …「…」`, `纠纷 …「…」`). */
const DEADLINE_BODIES: Record<DeadlineNotificationKind, (subject: string) => string> = {
  sla_warned: (subject) => `${subject}已用去时限的八成，即将超期，请抓紧办理。`,
  sla_breached: (subject) => `${subject}已超过办理时限。`,
};

/** The title and body of a deadline's warning or breach about `subject`, numbered `number` (cases, disputes). */
export function deadlineNotificationText(
  kind: DeadlineNotificationKind,
  subject: string,
  number: string,
): { title: string; body: string } {
  return { title: `${NOTIFICATION_KIND_LABELS[kind]}：${number}`, body: DEADLINE_BODIES[kind](subject) };
}

/** The title and body of a notification about a case. */
export function notificationText(
  kind: CaseNotificationKind,
  caseRef: { number: string; title: string },
): { title: string; body: string } {
  const subject = `工单 ${caseRef.number}「${caseRef.title}」`;
  const body: Record<CaseNotificationKind, string> = {
    dispatched: `${subject}已派至贵单位主办，请在签收时限内签收。`,
    co_dispatched: `${subject}已派至贵单位协办，请配合主办单位办理。`,
    returned: `${subject}被承办单位退回，请核实后重新派单。`,
    supervised: `${subject}被督办，请加快办理。`,
    sla_warned: DEADLINE_BODIES.sla_warned(subject),
    sla_breached: DEADLINE_BODIES.sla_breached(subject),
    extension_requested: `${subject}的承办单位申请延期，请审批。`,
    reply_submitted: `${subject}已提交办结反馈，请审核。`,
  };
  return { title: `${NOTIFICATION_KIND_LABELS[kind]}：${caseRef.number}`, body: body[kind] };
}
