import { toBeijingClock } from '@shanzhi/shared';
import { verifyPassword } from '../../platform/auth/password.js';
import type { AppContext } from '../../platform/context.js';
import { RetryLaterError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { users } from '../users/users.tables.js';
import { clearAccountAttempts, findAccountLock, reserveAccountAttempt } from './login-attempts.repository.js';

/** Wrong passwords in a row that lock an account. */
export const MAX_FAILED_LOGINS = 5;
/** How long a lock-out lasts. */
export const LOCKOUT_MINUTES = 15;

/** Where a password attempt comes from, for the audit trail. */
export interface LoginOrigin {
  ip: string;
  userAgent: string;
}

function lockedError(until: Date, now: Date): RetryLaterError {
  return new RetryLaterError(
    'ACCOUNT_LOCKED',
    `密码错误次数过多，账号已锁定至 ${toBeijingClock(until)}（北京时间），请稍后再试`,
    until,
    now,
  );
}

/**
 * Checks `password` against `user`'s once the attempt is admitted by the account's atomic counter, so that
 * however many attempts run at once at most `MAX_FAILED_LOGINS` are checked per lock: answers whether it
 * matched (a disabled account never matches, exactly like a wrong password; a match starts the count afresh),
 * and refuses with 423 while the
 * account is locked or when this failure locks it. Failures, locks and refusals are audited.
 */
export async function checkAccountPassword(
  ctx: AppContext,
  user: typeof users.$inferSelect,
  password: string,
  origin: LoginOrigin,
  now: Date,
): Promise<boolean> {
  const base = { actorUserId: user.id, actorUsername: user.username, ip: origin.ip };
  const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
  const reservation = await reserveAccountAttempt(ctx.db, user.id, MAX_FAILED_LOGINS, now, lockUntil);
  if (!reservation) {
    await recordAudit(ctx.db, { ...base, action: 'auth.login_refused', detail: { reason: 'locked' } }, now);
    throw lockedError((await findAccountLock(ctx.db, user.id, now)) ?? lockUntil, now);
  }
  if (user.active && (await verifyPassword(user.passwordHash, password))) {
    await clearAccountAttempts(ctx.db, user.id);
    return true;
  }
  const reason = user.active ? 'bad_password' : 'disabled';
  await recordAudit(ctx.db, { ...base, action: 'auth.login_failed', detail: { reason } }, now);
  if (reservation.lockedUntil) {
    await recordAudit(
      ctx.db,
      { ...base, action: 'auth.account_locked', detail: { until: reservation.lockedUntil } },
      now,
    );
    throw lockedError(reservation.lockedUntil, now);
  }
  return false;
}
