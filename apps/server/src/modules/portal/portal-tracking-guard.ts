import { toBeijingClock } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { AppError, RetryLaterError } from '../../platform/errors/app-error.js';
import {
  purgeEndedThrottles,
  releaseThrottleAttempt,
  reserveThrottleAttempts,
  type ThrottleReservation,
  type ThrottleRule,
} from '../../platform/throttle/throttles.repository.js';
import { type PortalCaptchaAnswer, solvePortalCaptcha } from './portal-captcha.js';

const MINUTE = 60_000;

/**
 * Wrong phones one case number may be given in 30 minutes, from any addresses: the next attempt locks its
 * tracking for 30 minutes (case numbers are sequential, so the phone is the only secret).
 */
export const TRACKING_NUMBER_RULE: ThrottleRule = {
  scope: 'portal.track.number',
  max: 5,
  windowMs: 30 * MINUTE,
  lockMs: 30 * MINUTE,
};

/** Wrong phones one client address may give in 30 minutes, for any numbers, before it must wait. */
export const TRACKING_ADDRESS_RULE: ThrottleRule = {
  scope: 'portal.track.address',
  max: 20,
  windowMs: 30 * MINUTE,
};

/** Wrong phones (for the number, or from the address) after which each attempt needs a solved captcha. */
export const TRACKING_CAPTCHA_AFTER = 2;

/** One attempt to prove a case is one's own: the number asked for, from where, with a captcha's answer. */
export interface TrackingAttempt {
  /** the case number (as validated: upper case) */
  number: string;
  /** the client's address */
  address: string;
  /** the captcha's answer, when the citizen was asked for one */
  captcha?: PortalCaptchaAnswer | undefined;
}

function captchaRequired(reason: 'required' | 'wrong'): AppError {
  const message =
    reason === 'required' ? '错误次数较多，请输入图中的验证码后再试' : '验证码不正确或已失效，请重新输入';
  return new AppError('CAPTCHA_REQUIRED', message, [
    { field: 'captchaAnswer', code: `captcha_${reason}`, message },
  ]);
}

function trackingLocked(until: Date, now: Date): RetryLaterError {
  return new RetryLaterError(
    'TRACKING_LOCKED',
    `该工单编号查询错误次数过多，已暂时锁定，请于 ${toBeijingClock(until)}（北京时间）后再试`,
    until,
    now,
  );
}

/**
 * Counts an attempt to prove a case is one's own (tracking, rating) against its number and the client's
 * address, before the phone is compared, so that no number of processes or parallel requests gets more guesses:
 * - a locked number is refused with 429 TRACKING_LOCKED (whatever the address, whatever the phone);
 * - an address past its limit is refused with 429 RATE_LIMITED;
 * - after `TRACKING_CAPTCHA_AFTER` wrong phones for the number or from the address, 400 CAPTCHA_REQUIRED
 *   until the attempt carries a captcha's right answer (each captcha admits one attempt).
 * Answers the reservations, to be given back when the phone turns out right (`noteTrackingSucceeded`).
 */
export async function admitTrackingAttempt(
  ctx: AppContext,
  attempt: TrackingAttempt,
  now: Date,
): Promise<ThrottleReservation[]> {
  const solved = attempt.captcha ? await solvePortalCaptcha(ctx, attempt.captcha, now) : false;
  if (attempt.captcha && !solved) throw captchaRequired('wrong');
  const checks = [
    { rule: TRACKING_NUMBER_RULE, key: attempt.number },
    { rule: TRACKING_ADDRESS_RULE, key: attempt.address },
  ].map((check) => ({
    ...check,
    limit: solved ? check.rule.max : Math.min(TRACKING_CAPTCHA_AFTER, check.rule.max),
  }));
  const answer = await reserveThrottleAttempts(ctx.db, checks, now);
  if (answer.kind === 'admitted') return answer.reservations;
  if (answer.answer.kind === 'held') throw captchaRequired('required');
  if (answer.check.rule === TRACKING_NUMBER_RULE) throw trackingLocked(answer.answer.until, now);
  throw new RetryLaterError('RATE_LIMITED', '查询错误次数过多，请稍后再试', answer.answer.until, now);
}

/** After the right phone: the attempt is given back to the number and the address (it was no guess). */
export async function noteTrackingSucceeded(
  ctx: AppContext,
  reservations: readonly ThrottleReservation[],
): Promise<void> {
  for (const reservation of reservations) await releaseThrottleAttempt(ctx.db, reservation);
}

/** Deletes the tracking throttle rows whose window and lock have ended; returns how many. */
export async function purgeEndedTrackingThrottles(ctx: AppContext, now: Date): Promise<number> {
  return purgeEndedThrottles(ctx.db, [TRACKING_NUMBER_RULE, TRACKING_ADDRESS_RULE], now);
}
