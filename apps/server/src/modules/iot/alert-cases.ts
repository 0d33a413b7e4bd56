import {
  ALERT_SEVERITY_LABELS,
  ALERT_TYPE_LABELS,
  type AlertSeverity,
  type AlertType,
  DEVICE_TYPE_LABELS,
  type DeviceType,
  isEmergencyAlert,
  type Priority,
  type RegisterInput,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { type PreparedRegistration, prepareRegistration } from '../cases/register-case.js';
import { findOrgBriefs } from '../orgs/org-briefs.repository.js';
import type { AlertRow, DeviceListRow, RuleRow } from './iot.repository.js';
import { caseRegistrarFor } from './iot-actors.js';

/** The case an alert opens, in words: what, where, how often. */
function contentOf(alert: AlertRow, device: DeviceListRow): string {
  const where = [
    device.estateName,
    device.buildingName,
    device.floor !== null ? `${device.floor}层` : null,
    device.point,
  ]
    .filter(Boolean)
    .join(' ');
  const type = alert.type as AlertType;
  const lines = [
    `【物联感知告警】${where}：${ALERT_TYPE_LABELS[type]}（${ALERT_SEVERITY_LABELS[alert.severity as AlertSeverity]}）。`,
    `设备：${DEVICE_TYPE_LABELS[device.type as DeviceType]} ${device.vendor} ${device.serial}，告警时间 ${alert.raisedAt.toISOString()}，累计 ${alert.count} 次。`,
  ];
  if (isEmergencyAlert(type)) lines.push('【紧急·119联动】请立即核实现场并视情联动119。');
  if (alert.description) lines.push(`设备描述：${alert.description}`);
  return lines.join('\n');
}

/**
 * The case (source 物联感知告警) an alert opens, prepared before the transaction that opens it: of the rule's
 * category and priority — emergencies (fire, smoke, e-bikes in lifts) always 紧急 with 119联动, on calendar time — located
 * at the estate's point (so in the device's grid) and owned by the estate's community.
 */
export async function prepareAlertCase(
  ctx: AppContext,
  alert: AlertRow,
  device: DeviceListRow,
  rule: Pick<RuleRow, 'categoryId' | 'priority'> | undefined,
): Promise<PreparedRegistration> {
  const community = (await findOrgBriefs(ctx.db, [device.communityId])).get(device.communityId);
  if (!community) throw new AppError('NOT_READY', '小区所属社区不存在');
  const emergency = isEmergencyAlert(alert.type as AlertType);
  const priority: Priority = emergency ? 'emergency' : ((rule?.priority as Priority | undefined) ?? 'normal');
  const register: RegisterInput = {
    source: 'iot_alert',
    type: emergency ? 'help' : 'report',
    title: `${device.estateName}${ALERT_TYPE_LABELS[alert.type as AlertType]}`.slice(0, 100),
    content: contentOf(alert, device),
    categoryId: rule?.categoryId ?? undefined,
    priority,
    fireLinkage: emergency,
    anonymous: false,
    keepPrivate: false,
    address: device.estateName,
    location: { longitude: device.lng, latitude: device.lat },
    externalRef: `IOT${alert.id}`,
  };
  return prepareRegistration(ctx, caseRegistrarFor(community), register);
}
