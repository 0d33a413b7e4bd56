import {
  ALERT_TYPE_LABELS,
  type AlertType,
  IOT_ALERT_LIFECYCLE,
  IOT_ESCALATION_LEVEL_LABELS,
  type IotEscalationLevel,
  NOTIFICATION_KIND_LABELS,
} from '@shanzhi/shared';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../platform/db/database.js';
import type { OutboxSubscriber } from '../../platform/lifecycle/outbox-subscriber.js';
import type { LiveEvent } from '../../platform/realtime/live-event.js';
import { writeOutboxNotices } from '../notifications/outbox-notices.js';
import { HANDLE_ALERTS } from './alert-lifecycle.js';
import { findAlert } from './iot.repository.js';

/** What the outbox row of an alert's event carries (`ALERT_DEFINITION.outboxRow`). */
interface AlertOutboxPayload {
  alertId: number;
  escalationLevel: IotEscalationLevel;
}

/**
 * The accounts of a level that may handle alerts: for 社区 the staff of the estate's community, for 指挥中心 the
 * staff of the command centres whose area holds the alert's place (a centre serves its parent's subtree).
 */
async function recipientsOf(db: DbOrTx, level: IotEscalationLevel, alertId: number): Promise<number[]> {
  const ofLevel =
    level === 'community'
      ? sql`u.org_id = e.community_id`
      : sql`o.kind = 'center' and a.org_path like (case when o.parent_id is not null
          then regexp_replace(o.path, '[0-9]+/$', '') else o.path end) || '%'`;
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select distinct u.id from iot_alerts a
          join iot_estates e on e.id = a.estate_id
          join users u on u.active
          join orgs o on o.id = u.org_id
          join user_roles ur on ur.user_id = u.id
          join role_permissions rp on rp.role = ur.role
         where a.id = ${alertId} and rp.permission = ${HANDLE_ALERTS} and ${ofLevel}`,
  );
  return rows.map((r) => Number(r.id));
}

/**
 * 告警升级通知: when an alert nobody acknowledged goes a level up, the staff of the new level (the community,
 * then the command centre) are told in the app — once per escalation (one per outbox row and user), in the
 * outbox consumer's transaction, and live on their open streams.
 */
export const iotAlertEscalationNotices: OutboxSubscriber = {
  name: 'iot-alert-escalation-notices',
  topics: [IOT_ALERT_LIFECYCLE.events.escalate],
  async handle(tx, events, now) {
    const live: LiveEvent[] = [];
    for (const event of events) {
      const { alertId, escalationLevel } = event.payload as AlertOutboxPayload;
      const [alert, userIds] = await Promise.all([
        findAlert(tx, alertId),
        recipientsOf(tx, escalationLevel, alertId),
      ]);
      if (!alert || userIds.length === 0) continue;
      const what = `${alert.estateName}「${ALERT_TYPE_LABELS[alert.type as AlertType]}」告警`;
      const notice = {
        kind: 'iot_alert_escalated',
        title: `${NOTIFICATION_KIND_LABELS.iot_alert_escalated}：${alert.estateName}`,
        body: `${what}超时无人确认，${IOT_ESCALATION_LEVEL_LABELS[escalationLevel]}，请及时处置。`,
      } as const;
      live.push(...(await writeOutboxNotices(tx, event.id, userIds, notice, now)));
    }
    return live;
  },
};
