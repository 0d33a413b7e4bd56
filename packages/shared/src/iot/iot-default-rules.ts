import type { Priority } from '../catalog/priority.js';
import {
  type AlertType,
  DEVICE_ALERT_TYPES,
  DEVICE_TYPES,
  type DeviceType,
  isEmergencyAlert,
  type RuleOutcome,
} from './iot-enums.js';

/** A default rule: what a new installation does with an alert of a device type and alert type. */
export interface DefaultIotRule {
  deviceType: DeviceType;
  alertType: AlertType;
  outcome: RuleOutcome;
  priority: Priority;
  suppressMinutes: number;
}

// what a person must see to at once becomes a case; the rest informs the estate and its grid worker
const CASE_TYPES: readonly AlertType[] = [
  'high_throw',
  'fire_lane_blocked',
  'electric_leakage',
  'door_forced',
];

/** The outcome and priority of an alert type by default. */
function defaultOf(alertType: AlertType): Pick<DefaultIotRule, 'outcome' | 'priority'> {
  if (isEmergencyAlert(alertType)) return { outcome: 'open_case', priority: 'emergency' };
  if (CASE_TYPES.includes(alertType)) return { outcome: 'open_case', priority: 'normal' };
  return { outcome: 'notify', priority: 'normal' };
}

/** One rule per device type and alert type it may raise, with a 10-minute suppression window. */
export const DEFAULT_IOT_RULES: readonly DefaultIotRule[] = DEVICE_TYPES.flatMap((deviceType) =>
  DEVICE_ALERT_TYPES[deviceType].map((alertType) => ({
    deviceType,
    alertType,
    ...defaultOf(alertType),
    suppressMinutes: 10,
  })),
);
