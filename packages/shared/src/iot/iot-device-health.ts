/**
 * 设备在线: a device is online while it was heard from (a message or a heartbeat) within
 * `OFFLINE_AFTER_INTERVALS` of its heartbeat intervals; one missed heartbeat is tolerated (a late message,
 * a broker reconnecting), the second makes it offline. A device never heard from is not online, but it is
 * not reported offline either: it has not been put into service yet (未接入).
 */
export const OFFLINE_AFTER_INTERVALS = 2;

/** The moment a device heard from at `lastSeenAt` turns offline, or null if it was never heard from. */
export function offlineAt(lastSeenAt: Date | null, heartbeatSeconds: number): Date | null {
  if (lastSeenAt === null) return null;
  return new Date(lastSeenAt.getTime() + OFFLINE_AFTER_INTERVALS * heartbeatSeconds * 1000);
}

/** Whether a device heard from at `lastSeenAt` counts as online at `now`. */
export function isDeviceOnline(lastSeenAt: Date | null, heartbeatSeconds: number, now: Date): boolean {
  const limit = offlineAt(lastSeenAt, heartbeatSeconds);
  return limit !== null && now.getTime() <= limit.getTime();
}

/** 在线率: the share of an estate's devices online, 0–1 (0 for an estate without devices). */
export function onlineShare(online: number, devices: number): number {
  return devices === 0 ? 0 : online / devices;
}
