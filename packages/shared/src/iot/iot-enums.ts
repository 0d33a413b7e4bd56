import { z } from 'zod';

/** 设备类型: the devices of a smart-safe estate (智安小区). */
export const DEVICE_TYPES = [
  'face_camera',
  'plate_camera',
  'electricity_meter',
  'water_meter',
  'high_throw_camera',
  'garbage_camera',
  'smoke_detector',
  'ebike_lift_detector',
  'door_access',
] as const;
export const DeviceType = z.enum(DEVICE_TYPES, { error: '设备类型无效' });
export type DeviceType = z.infer<typeof DeviceType>;

/** Chinese label of each device type. */
export const DEVICE_TYPE_LABELS: Record<DeviceType, string> = {
  face_camera: '人脸识别摄像机',
  plate_camera: '车牌识别摄像机',
  electricity_meter: '智能电表',
  water_meter: '智能水表',
  high_throw_camera: '高空抛物摄像机',
  garbage_camera: '垃圾分类摄像机',
  smoke_detector: '烟感火情探测器',
  ebike_lift_detector: '电梯电动车检测器',
  door_access: '门禁',
};

/** 告警类型: what a device reports. */
export const ALERT_TYPES = [
  'stranger_loitering',
  'watchlist_face',
  'unregistered_vehicle',
  'fire_lane_blocked',
  'electric_overload',
  'electric_leakage',
  'water_leak',
  'no_usage',
  'high_throw',
  'garbage_misplaced',
  'bin_overflow',
  'smoke',
  'fire',
  'ebike_in_lift',
  'door_forced',
  'door_held_open',
  'tamper',
  'device_offline',
] as const;
export const AlertType = z.enum(ALERT_TYPES, { error: '告警类型无效' });
export type AlertType = z.infer<typeof AlertType>;

/** Chinese label of each alert type. */
export const ALERT_TYPE_LABELS: Record<AlertType, string> = {
  stranger_loitering: '陌生人员徘徊',
  watchlist_face: '重点人员出现',
  unregistered_vehicle: '陌生车辆',
  fire_lane_blocked: '消防通道占用',
  electric_overload: '用电过载',
  electric_leakage: '漏电',
  water_leak: '疑似漏水',
  no_usage: '长时间无用水用电（独居关怀）',
  high_throw: '高空抛物',
  garbage_misplaced: '垃圾未分类投放',
  bin_overflow: '垃圾桶满溢',
  smoke: '烟雾告警',
  fire: '火情告警',
  ebike_in_lift: '电动车进电梯',
  door_forced: '门禁被强行打开',
  door_held_open: '门禁长时间未关',
  tamper: '设备被拆除或遮挡',
  device_offline: '设备离线',
};

/** The alert types the platform raises itself about a device (维护告警), never a device's own message. */
export const PLATFORM_ALERT_TYPES: readonly AlertType[] = ['device_offline'];

/** Which alert types each device type may raise; any other is refused (ALERT_TYPE_NOT_ALLOWED). */
export const DEVICE_ALERT_TYPES: Record<DeviceType, readonly AlertType[]> = {
  face_camera: ['stranger_loitering', 'watchlist_face', 'tamper'],
  plate_camera: ['unregistered_vehicle', 'fire_lane_blocked', 'tamper'],
  electricity_meter: ['electric_overload', 'electric_leakage', 'no_usage'],
  water_meter: ['water_leak', 'no_usage'],
  high_throw_camera: ['high_throw', 'tamper'],
  garbage_camera: ['garbage_misplaced', 'bin_overflow', 'tamper'],
  smoke_detector: ['smoke', 'fire', 'tamper'],
  ebike_lift_detector: ['ebike_in_lift', 'tamper'],
  door_access: ['door_forced', 'door_held_open', 'tamper'],
};

/**
 * 心跳间隔 (seconds) by device type, when the device is registered without its own: cameras and door access
 * report every 5 minutes, detectors every 10, meters (battery-powered, reading by the half hour) every 30.
 */
export const DEFAULT_HEARTBEAT_SECONDS: Record<DeviceType, number> = {
  face_camera: 300,
  plate_camera: 300,
  electricity_meter: 1800,
  water_meter: 1800,
  high_throw_camera: 300,
  garbage_camera: 300,
  smoke_detector: 600,
  ebike_lift_detector: 600,
  door_access: 300,
};

/** Whether a device of `deviceType` may raise `alertType`. */
export function mayRaiseAlert(deviceType: DeviceType, alertType: AlertType): boolean {
  return DEVICE_ALERT_TYPES[deviceType].includes(alertType);
}

/** 紧急告警: fire and smoke, e-bikes in lifts — emergency cases with calendar time limits and 119 linkage. */
export const EMERGENCY_ALERT_TYPES: readonly AlertType[] = ['smoke', 'fire', 'ebike_in_lift'];

/** Whether an alert type is an emergency. */
export function isEmergencyAlert(type: AlertType): boolean {
  return EMERGENCY_ALERT_TYPES.includes(type);
}

/** 告警级别, as ThingsBoard's alarm severities. */
export const ALERT_SEVERITIES = ['CRITICAL', 'MAJOR', 'MINOR', 'WARNING'] as const;
export const AlertSeverity = z.enum(ALERT_SEVERITIES, {
  error: '告警级别须为 CRITICAL、MAJOR、MINOR 或 WARNING',
});
export type AlertSeverity = z.infer<typeof AlertSeverity>;

/** Chinese label of each severity. */
export const ALERT_SEVERITY_LABELS: Record<AlertSeverity, string> = {
  CRITICAL: '严重',
  MAJOR: '重要',
  MINOR: '次要',
  WARNING: '提示',
};

/** 规则处置: what a rule does with a new alert. */
export const RULE_OUTCOMES = ['open_case', 'notify', 'dismiss'] as const;
export const RuleOutcome = z.enum(RULE_OUTCOMES, { error: '处置方式须为立案、仅通知或自动排除' });
export type RuleOutcome = z.infer<typeof RuleOutcome>;

/** Chinese label of each outcome. */
export const RULE_OUTCOME_LABELS: Record<RuleOutcome, string> = {
  open_case: '自动立案',
  notify: '仅通知',
  dismiss: '自动排除',
};
