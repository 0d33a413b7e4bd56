import { toBeijingClock } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { RetryLaterError } from '../../platform/errors/app-error.js';
import {
  purgeEndedThrottles,
  releaseThrottleAttempt,
  reserveThrottleAttempts,
  type ThrottleReservation,
  type ThrottleRule,
} from '../../platform/throttle/throttles.repository.js';

const MINUTE = 60_000;

/**
 * Wrong codes one dispute number may be given in 30 minutes, from any addresses: the next attempt locks its
 * room's door for 30 minutes (dispute numbers are sequential, so the 6-digit code is the only secret).
 */
export const ROOM_CODE_NUMBER_RULE: ThrottleRule = {
  scope: 'mediation.room_code.number',
  max: 5,
  windowMs: 30 * MINUTE,
  lockMs: 30 * MINUTE,
};

/** Wrong codes one client address may give in 30 minutes, for any numbers, before it must wait. */
export const ROOM_CODE_ADDRESS_RULE: ThrottleRule = {
  scope: 'mediation.room_code.address',
  max: 20,
  windowMs: 30 * MINUTE,
};

/**
 * Counts an attempt to enter a room against the dispute's number and the client's address, before the code
 * is compared (on the throttle the portal's tracking uses, shared by every process):
 * - a locked number is refused with 429 ROOM_CODE_LOCKED, whatever the address and the code;
 * - an address past its limit is refused with 429 RATE_LIMITED.
 * Both carry `Retry-After`. Answers the reservations, given back when the code turns out right.
 */
export async function admitRoomCodeAttempt(
  ctx: AppContext,
  attempt: { number: string; address: string },
  now: Date,
): Promise<ThrottleReservation[]> {
  const answer = await reserveThrottleAttempts(
    ctx.db,
    [
      { rule: ROOM_CODE_NUMBER_RULE, key: attempt.number },
      { rule: ROOM_CODE_ADDRESS_RULE, key: attempt.address },
    ],
    now,
  );
  if (answer.kind === 'admitted') return answer.reservations;
  // no lower limit is set, so a refusal is always a lock
  const until = answer.answer.kind === 'locked' ? answer.answer.until : now;
  if (answer.check.rule === ROOM_CODE_NUMBER_RULE) {
    throw new RetryLaterError(
      'ROOM_CODE_LOCKED',
      `该纠纷编号访问码错误次数过多，已暂时锁定，请于 ${toBeijingClock(until)}（北京时间）后再试`,
      until,
      now,
    );
  }
  throw new RetryLaterError('RATE_LIMITED', '访问码错误次数过多，请稍后再试', until, now);
}

/** After the right code: the attempt is given back to the number and the address (it was no guess). */
export async function noteRoomCodeSucceeded(
  ctx: AppContext,
  reservations: readonly ThrottleReservation[],
): Promise<void> {
  for (const reservation of reservations) await releaseThrottleAttempt(ctx.db, reservation);
}

/** Deletes the room-code throttle rows whose window and lock have ended; returns how many. */
export async function purgeEndedRoomCodeThrottles(ctx: AppContext, now: Date): Promise<number> {
  return purgeEndedThrottles(ctx.db, [ROOM_CODE_NUMBER_RULE, ROOM_CODE_ADDRESS_RULE], now);
}
