import type { Config } from '../../platform/config/config.js';

const HOUR = 3_600_000;

/** The earliest sign-in of a session still within its absolute lifetime at `now`. */
export function sessionBornAfter(config: Config, now: Date): Date {
  return new Date(now.getTime() - config.SESSION_ABSOLUTE_HOURS * HOUR);
}

/**
 * When a session signed in at `createdAt` and used at `now` expires: its idle time from now, but never past
 * its absolute lifetime, however active it is.
 */
export function sessionExpiryAt(config: Config, createdAt: Date, now: Date): Date {
  const idle = now.getTime() + config.SESSION_IDLE_HOURS * HOUR;
  const absolute = createdAt.getTime() + config.SESSION_ABSOLUTE_HOURS * HOUR;
  return new Date(Math.min(idle, absolute));
}
