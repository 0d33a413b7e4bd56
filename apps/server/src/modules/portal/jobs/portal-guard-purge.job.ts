import type { AppContext } from '../../../platform/context.js';
import { purgeEndedRoomCodeThrottles } from '../../mediation/room-code-guard.js';
import { purgeExpiredPortalCaptchas } from '../portal-captcha.js';
import { purgeEndedTrackingThrottles } from '../portal-tracking-guard.js';

/** How often the tracking guard's ended rows are deleted. */
export const PORTAL_GUARD_PURGE_INTERVAL_MS = 60 * 60_000;

/**
 * Deletes what the portal's guards no longer need: throttle rows of tracking and of the mediation room's
 * codes whose window and lock have ended, and captchas that expired unanswered. Safe in several processes at once (a row goes to whichever deletes it).
 */
export async function purgePortalGuard(ctx: AppContext): Promise<{ throttles: number; captchas: number }> {
  const now = ctx.clock.now();
  return {
    throttles: (await purgeEndedTrackingThrottles(ctx, now)) + (await purgeEndedRoomCodeThrottles(ctx, now)),
    captchas: await purgeExpiredPortalCaptchas(ctx, now),
  };
}
