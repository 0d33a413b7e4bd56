/**
 * An estate's state on the map: 有告警 (it has active alerts), 离线偏多 (a high share of its devices offline),
 * else 正常. Alerts come first: an estate with both shows its alerts.
 */
export const ESTATE_STATES = ['alerting', 'offline', 'normal'] as const;
export type EstateState = (typeof ESTATE_STATES)[number];

/** Above this share of its devices offline, an estate is 离线偏多. */
export const HIGH_OFFLINE_SHARE = 0.2;

/** The state of an estate with `devices` devices, `devicesOnline` of them online, and `activeAlerts`. */
export function estateState(estate: {
  devices: number;
  devicesOnline: number;
  activeAlerts: number;
}): EstateState {
  if (estate.activeAlerts > 0) return 'alerting';
  const offline = estate.devices - estate.devicesOnline;
  return estate.devices > 0 && offline / estate.devices > HIGH_OFFLINE_SHARE ? 'offline' : 'normal';
}
