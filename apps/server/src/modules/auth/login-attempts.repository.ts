import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { users } from '../users/users.tables.js';

/** An account's attempt admitted to the password check. */
export interface AccountReservation {
  /** attempts since the last success or lock, this one included */
  attempts: number;
  /** set when this attempt is the last one allowed: the account is locked until then unless it succeeds */
  lockedUntil: Date | null;
}

/**
 * Admits one password check of an account that is not locked, in one statement taken before the slow hash,
 * so that however many attempts run at once at most `maxAttempts` are ever checked per lock: the attempt
 * that reaches `maxAttempts` locks the account until `lockUntil` (a success releases it). An ended lock starts
 * the count afresh. Answers undefined when the account is locked (nothing is checked then).
 */
export async function reserveAccountAttempt(
  db: DbOrTx,
  userId: number,
  maxAttempts: number,
  now: Date,
  lockUntil: Date,
): Promise<AccountReservation | undefined> {
  const lockEnded = sql`${users.lockedUntil} is not null`;
  const attempts = sql`case when ${lockEnded} then 1 else ${users.failedLoginCount} + 1 end`;
  const [row] = await db
    .update(users)
    .set({
      failedLoginCount: attempts,
      lockedUntil: sql`case when ${attempts} >= ${maxAttempts} then ${lockUntil.toISOString()}::timestamptz
                            else null end`,
    })
    .where(
      and(
        eq(users.id, userId),
        sql`(${users.lockedUntil} is null or ${users.lockedUntil} <= ${now.toISOString()})`,
      ),
    )
    .returning({ attempts: users.failedLoginCount, lockedUntil: users.lockedUntil });
  return row;
}

/** When an account's lock ends (null when it is not locked at `now`). */
export async function findAccountLock(db: DbOrTx, userId: number, now: Date): Promise<Date | null> {
  const [row] = await db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, userId));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Starts an account's count of failed attempts afresh after a password matched (and lifts an ended lock). */
export async function clearAccountAttempts(db: DbOrTx, userId: number): Promise<void> {
  await db.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, userId));
}
