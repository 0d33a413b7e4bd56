import { ALERT_TYPE_LABELS, offlineAt } from '@shanzhi/shared';
import type { AppContext } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/database.js';
import { type PeriodicJob, startPeriodicJob } from '../../../platform/jobs/periodic-job.js';
import type { AlertEnvironment } from '../alert-lifecycle.js';
import { publishAlertsLive } from '../alert-live.js';
import { actAsPlatform, alertEnvironment, raiseAlert } from '../ingest-alert.js';
import {
  type AlertRow,
  type DeviceRow,
  lockActiveAlerts,
  lockNewlyOfflineDevices,
  lockRecoveredDevices,
  setDeviceOffline,
} from '../iot.repository.js';

/** How often the devices' heartbeats are checked: every minute (the shortest interval is 10 seconds). */
export const DEVICE_OFFLINE_SWEEP_INTERVAL_MS = 60_000;

/** The maintenance alert of a device gone silent. */
export const DEVICE_OFFLINE_ALERT = 'device_offline';

// devices handled per transaction batch: an outage of a whole estate is a few dozen
const BATCH = 200;

/** What one sweep did. */
export interface DeviceOfflineSweepResult {
  /** devices found offline, each with a new maintenance alert */
  wentOffline: number;
  /** devices recorded offline that were heard from again, their maintenance alert cleared */
  cameBack: number;
}

/**
 * 设备离线告警: raised by the platform through the alert lifecycle's creating action, notify-only (no rule
 * applies: the raise event's outbox row and the live board inform the estate's grid worker and property
 * company). Its own id is the outage's start, so one outage is one alert.
 */
async function raiseOfflineAlert(tx: Tx, device: DeviceRow, env: AlertEnvironment): Promise<AlertRow> {
  const since = offlineAt(device.lastSeenAt, device.heartbeatSeconds)!;
  const minutes = Math.round((env.now.getTime() - device.lastSeenAt!.getTime()) / 60_000);
  const description = `${ALERT_TYPE_LABELS.device_offline}：${minutes} 分钟未收到心跳（心跳间隔 ${device.heartbeatSeconds} 秒），请物业检修`;
  return raiseAlert(
    tx,
    device,
    {
      vendorAlertId: `offline-${since.toISOString()}`,
      type: DEVICE_OFFLINE_ALERT,
      severity: 'MINOR',
      description,
      detail: { lastSeenAt: device.lastSeenAt!.toISOString(), heartbeatSeconds: device.heartbeatSeconds },
      raisedAt: env.now,
      via: 'platform',
    },
    env,
  );
}

/** Records newly silent devices offline, each with its maintenance alert, in one transaction. */
async function markOffline(ctx: AppContext): Promise<AlertRow[]> {
  const env = alertEnvironment(ctx);
  return ctx.db.transaction(async (tx) => {
    const devices = await lockNewlyOfflineDevices(tx, env.now, BATCH);
    const alerts: AlertRow[] = [];
    for (const device of devices) {
      await setDeviceOffline(tx, device.id, env.now);
      alerts.push(await raiseOfflineAlert(tx, device, env));
    }
    return alerts;
  });
}

/** Records devices heard from again online, clearing their maintenance alert (解除), in one transaction. */
async function markOnline(ctx: AppContext): Promise<number> {
  const env = alertEnvironment(ctx);
  return ctx.db.transaction(async (tx) => {
    const devices = await lockRecoveredDevices(tx, BATCH);
    for (const device of devices) {
      await setDeviceOffline(tx, device.id, null);
      const pair = { deviceId: device.id, type: DEVICE_OFFLINE_ALERT, since: new Date(0) };
      for (const alert of (await lockActiveAlerts(tx, [pair])).values()) {
        await actAsPlatform(tx, alert, 'clear', { note: '设备恢复心跳' }, env);
      }
    }
    return devices.length;
  });
}

/**
 * 设备健康巡检: a device heard from once and then silent for two heartbeat intervals (`offlineAt`) is recorded
 * offline, once per outage, with a maintenance alert to its estate; a device heard from again (a heartbeat
 * marks it online at once) is recorded online here and its maintenance alert cleared. Safe in several
 * processes at once (rows claimed with `SKIP LOCKED`).
 */
export async function runDeviceOfflineSweep(ctx: AppContext): Promise<DeviceOfflineSweepResult> {
  const cameBack = await markOnline(ctx);
  const raised = await markOffline(ctx);
  await publishAlertsLive(ctx, raised);
  return { wentOffline: raised.length, cameBack };
}

/** Runs `runDeviceOfflineSweep` every minute in this process. */
export function startDeviceOfflineSweepJob(ctx: AppContext): PeriodicJob {
  return startPeriodicJob(ctx.logger, 'iot-device-offline', DEVICE_OFFLINE_SWEEP_INTERVAL_MS, () =>
    runDeviceOfflineSweep(ctx),
  );
}
