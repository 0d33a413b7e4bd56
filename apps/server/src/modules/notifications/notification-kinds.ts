/**
 * The kinds of in-app notification, each with its label for people. A kind names why someone is told,
 * from the recipient's side: `co_dispatched` goes to a co-handler of the same dispatch that is `dispatched`
 * to the lead unit.
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
] as const;

/** One kind of in-app notification. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

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
};

/** The title and body of a notification about a case. */
export function notificationText(
  kind: NotificationKind,
  caseRef: { number: string; title: string },
): { title: string; body: string } {
  const subject = `工单 ${caseRef.number}「${caseRef.title}」`;
  const body: Record<NotificationKind, string> = {
    dispatched: `${subject}已派至贵单位主办，请在签收时限内签收。`,
    co_dispatched: `${subject}已派至贵单位协办，请配合主办单位办理。`,
    returned: `${subject}被承办单位退回，请核实后重新派单。`,
    supervised: `${subject}被督办，请加快办理。`,
    sla_warned: `${subject}已用去时限的八成，即将超期，请抓紧办理。`,
    sla_breached: `${subject}已超过办理时限。`,
    extension_requested: `${subject}的承办单位申请延期，请审批。`,
    reply_submitted: `${subject}已提交办结反馈，请审核。`,
  };
  return { title: `${NOTIFICATION_KIND_LABELS[kind]}：${caseRef.number}`, body: body[kind] };
}
