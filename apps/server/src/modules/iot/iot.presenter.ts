import {
  type AlertSeverity,
  type AlertType,
  type DeviceType,
  type DeviceView,
  type EstateView,
  IOT_ALERT_STAFF_ACTIONS,
  type IotAlertAction,
  type IotAlertState,
  type IotAlertView,
  type IotEscalationLevel,
  type IotRuleView,
  isDeviceOnline,
  isEmergencyAlert,
  onlineShare,
  type Priority,
  type RuleOutcome,
} from '@shanzhi/shared';
import type { AlertListRow, DeviceListRow, EstateListRow, RuleListRow } from './iot.repository.js';

/** An estate as the API shows it. */
export function presentEstate(
  row: EstateListRow,
  buildings: { id: number; name: string }[],
  counts: { devices: number; online: number; activeAlerts: number },
): EstateView {
  return {
    id: row.id,
    name: row.name,
    communityId: row.communityId,
    communityName: row.communityName,
    address: row.address,
    propertyCompany: row.propertyCompany,
    lng: row.lng,
    lat: row.lat,
    buildings,
    devices: counts.devices,
    devicesOnline: counts.online,
    onlineShare: onlineShare(counts.online, counts.devices),
    activeAlerts: counts.activeAlerts,
  };
}

/** A device as the API shows it (never its secret). */
export function presentDevice(row: DeviceListRow, now: Date): DeviceView {
  return {
    id: row.id,
    estateId: row.estateId,
    estateName: row.estateName,
    buildingId: row.buildingId,
    buildingName: row.buildingName,
    type: row.type as DeviceType,
    serial: row.serial,
    vendor: row.vendor,
    model: row.model,
    floor: row.floor,
    point: row.point,
    heartbeatSeconds: row.heartbeatSeconds,
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
    online: isDeviceOnline(row.lastSeenAt, row.heartbeatSeconds, now),
    createdAt: row.createdAt.toISOString(),
  };
}

/** An alert as the console shows it, with the staff actions the caller may take on it. */
export function presentAlert(row: AlertListRow, actions: readonly IotAlertAction[]): IotAlertView {
  return {
    id: row.id,
    version: row.version,
    deviceId: row.deviceId,
    deviceSerial: row.deviceSerial,
    deviceType: row.deviceType as DeviceType,
    estateId: row.estateId,
    estateName: row.estateName,
    buildingName: row.buildingName,
    floor: row.floor,
    point: row.point,
    vendorAlertId: row.vendorAlertId,
    type: row.type as AlertType,
    severity: row.severity as AlertSeverity,
    emergency: isEmergencyAlert(row.type as AlertType),
    state: row.state as IotAlertState,
    count: row.count,
    raisedAt: row.raisedAt.toISOString(),
    lastRaisedAt: row.lastRaisedAt.toISOString(),
    description: row.description,
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    dismissReason: row.dismissReason,
    escalationLevel: row.escalationLevel as IotEscalationLevel,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    actions: actions.filter((a) => (IOT_ALERT_STAFF_ACTIONS as readonly string[]).includes(a)),
  };
}

/** A rule as the API shows it. */
export function presentRule(row: RuleListRow): IotRuleView {
  return {
    id: row.id,
    version: row.version,
    deviceType: row.deviceType as DeviceType,
    alertType: row.alertType as AlertType,
    outcome: row.outcome as RuleOutcome,
    categoryId: row.categoryId,
    categoryName: row.categoryName,
    estateId: row.estateId,
    estateName: row.estateName,
    activeFrom: row.activeFrom,
    activeTo: row.activeTo,
    general: row.estateId === null && row.activeFrom === null,
    priority: row.priority as Priority,
    suppressMinutes: row.suppressMinutes,
    escalateMinutes: row.escalateMinutes,
    updatedAt: row.updatedAt.toISOString(),
  };
}
