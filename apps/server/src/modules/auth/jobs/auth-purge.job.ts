import type { AppContext } from '../../../platform/context.js';
import { type PeriodicJob, startPeriodicJob } from '../../../platform/jobs/periodic-job.js';
import { purgeEndedLoginThrottles } from '../login-throttle.js';
import { sessionBornAfter } from '../session-lifetime.js';
import { purgeEndedSessions } from '../sessions.repository.js';

/** How often ended sessions and closed sign-in windows are deleted: hourly. */
export const AUTH_PURGE_INTERVAL_MS = 3_600_000;

/** What one purge deleted. */
export interface AuthPurgeResult {
  /** sessions past their idle time or their absolute lifetime */
  sessions: number;
  /** sign-in throttle windows (per address, per account) that have closed */
  throttles: number;
}

/**
 * Deletes what sign-in leaves behind once it no longer counts: sessions that have ended (expired, or past
 * their absolute lifetime) and throttle windows that have closed. Neither is read once ended, so this
 * changes no answer; it keeps the tables from growing for ever (finding 10 of the security review) and
 * leaves no stale token hashes behind. Safe in several processes at once: each deletes what has ended.
 */
export async function purgeEndedAuthRows(ctx: AppContext): Promise<AuthPurgeResult> {
  const now = ctx.clock.now();
  const sessions = await purgeEndedSessions(ctx.db, now, sessionBornAfter(ctx.config, now));
  const throttles = await purgeEndedLoginThrottles(ctx, now);
  return { sessions, throttles };
}

/** Runs `purgeEndedAuthRows` every hour in this process. */
export function startAuthPurgeJob(ctx: AppContext): PeriodicJob {
  return startPeriodicJob(ctx.logger, 'auth-purge', AUTH_PURGE_INTERVAL_MS, () => purgeEndedAuthRows(ctx));
}
