import {
  type AlertMessage,
  type AlertSeverity,
  type AlertType,
  DEVICE_ALERT_TYPES,
  type DeviceType,
  isEmergencyAlert,
} from '@shanzhi/shared';

/** A device as the simulator speaks for it. */
export interface SimulatedDevice {
  estateId: number;
  serial: string;
  type: DeviceType;
  /** its signing secret (HTTP) */
  secret: string;
}

/** How serious each kind of alert is, as the pilot's vendors report it. */
function severityOf(type: AlertType): AlertSeverity {
  if (isEmergencyAlert(type)) return 'CRITICAL';
  if (type === 'high_throw' || type === 'door_forced' || type === 'electric_leakage') return 'MAJOR';
  if (type === 'tamper') return 'WARNING';
  return 'MINOR';
}

// emergencies are rare: a device raises its tamper and emergency alerts one time in this many
const RARE = 20;

/**
 * The `n`-th alert of a run from `device`, realistic enough for the demo: mostly its everyday types, now and
 * then a tamper or an emergency. Its id is unique within the run (`run`), so each counts as new.
 */
export function simulatedAlert(device: SimulatedDevice, run: string, n: number, now: Date): AlertMessage {
  const types = DEVICE_ALERT_TYPES[device.type];
  const everyday = types.filter((t) => t !== 'tamper' && !isEmergencyAlert(t));
  const rare = types.filter((t) => !everyday.includes(t));
  const pool = everyday.length === 0 || (rare.length > 0 && n % RARE === 0) ? rare : everyday;
  const type = pool[n % pool.length]!;
  return {
    alertId: `${run}-${n}`,
    type,
    severity: severityOf(type),
    raisedAt: now.toISOString(),
    msgType: 'Alert',
    detail: { simulated: true, publishedAt: now.getTime() },
  };
}
