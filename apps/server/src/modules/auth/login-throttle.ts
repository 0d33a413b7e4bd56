import type { Config } from '../../platform/config/config.js';
import type { AppContext } from '../../platform/context.js';
import { RetryLaterError } from '../../platform/errors/app-error.js';
import {
  clearThrottle,
  purgeEndedThrottles,
  releaseThrottleAttempt,
  reserveThrottleAttempt,
  type ThrottleReservation,
  type ThrottleRule,
} from '../../platform/throttle/throttles.repository.js';

/** Who is trying to sign in: the client's address and the (lower-case) username. */
export interface LoginAttemptKeys {
  address: string;
  account: string;
}

const ADDRESS_SCOPE = 'login.address';
const ACCOUNT_SCOPE = 'login.account';

/** The sign-in throttles of the configuration, each with the part of the attempt it counts by. */
function loginRulesOf(config: Config): { rule: ThrottleRule; keyOf: keyof LoginAttemptKeys }[] {
  return [
    {
      rule: {
        scope: ADDRESS_SCOPE,
        max: config.LOGIN_THROTTLE_ADDRESS_MAX,
        windowMs: config.LOGIN_THROTTLE_ADDRESS_MINUTES * 60_000,
      },
      keyOf: 'address',
    },
    {
      rule: {
        scope: ACCOUNT_SCOPE,
        max: config.LOGIN_THROTTLE_ACCOUNT_MAX,
        windowMs: config.LOGIN_THROTTLE_ACCOUNT_MINUTES * 60_000,
      },
      keyOf: 'account',
    },
  ];
}

/**
 * Counts a sign-in attempt against the per-address and per-username windows before anything is checked, and
 * refuses it with 429 RATE_LIMITED once either window is full. Every attempt counts until it succeeds
 * (`noteLoginSucceeded`), so parallel attempts cannot slip past the limit.
 */
export async function admitLoginAttempt(
  ctx: AppContext,
  keys: LoginAttemptKeys,
  now: Date,
): Promise<ThrottleReservation[]> {
  const reservations: ThrottleReservation[] = [];
  for (const { rule, keyOf } of loginRulesOf(ctx.config)) {
    const answer = await reserveThrottleAttempt(ctx.db, rule, keys[keyOf], now);
    if (answer.kind === 'admitted') {
      reservations.push(answer.reservation);
      continue;
    }
    // the attempt is refused: what the earlier windows counted for it was no attempt at a password
    for (const reservation of reservations) await releaseThrottleAttempt(ctx.db, reservation);
    const retryAt = answer.kind === 'locked' ? answer.until : now;
    throw new RetryLaterError('RATE_LIMITED', '登录尝试过于频繁，请稍后再试', retryAt, now);
  }
  return reservations;
}

/**
 * After a successful sign-in: the username's failures are forgotten, and the address gets back only this
 * attempt (so signing in to an account of one's own does not reset the count of an address guessing others).
 */
export async function noteLoginSucceeded(
  ctx: AppContext,
  reservations: ThrottleReservation[],
): Promise<void> {
  for (const reservation of reservations) {
    if (reservation.scope === ACCOUNT_SCOPE) await clearThrottle(ctx.db, reservation.scope, reservation.key);
    else await releaseThrottleAttempt(ctx.db, reservation);
  }
}

/** Deletes the sign-in throttle rows whose window has ended; returns how many. */
export async function purgeEndedLoginThrottles(ctx: AppContext, now: Date): Promise<number> {
  return purgeEndedThrottles(
    ctx.db,
    loginRulesOf(ctx.config).map((r) => r.rule),
    now,
  );
}
