import { and, eq, gt, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import { throttles } from './throttles.tables.js';

/** How many attempts a key may make in a window of a scope, and what happens past that. */
export interface ThrottleRule {
  /** what is counted, e.g. `login.account`, `portal.track.number` (the rows of each rule stay apart) */
  scope: string;
  /** attempts a key may make per window; the attempt past it locks the key */
  max: number;
  /** length of the window in milliseconds: it starts at a key's first attempt */
  windowMs: number;
  /** how long a key stays locked from the attempt that went past `max`; without it, until its window ends */
  lockMs?: number;
}

/** An attempt counted in a throttle window, to be released if it succeeds. */
export interface ThrottleReservation {
  scope: string;
  key: string;
  windowStartedAt: Date;
  /** attempts in the window, this one included */
  attempts: number;
}

/**
 * What a throttle answers an attempt: counted (`admitted`), refused because the key is locked until a time
 * (`locked`), or refused without being counted because the key has reached the lower limit the caller set
 * (`held`: e.g. until the client proves it is a person).
 */
export type ThrottleAnswer =
  | { kind: 'admitted'; reservation: ThrottleReservation }
  | { kind: 'locked'; until: Date }
  | { kind: 'held' };

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * Counts one attempt of `key` under `rule`, in one statement so that concurrent attempts in any process each
 * count and never more than `max` are admitted per window:
 * - a key whose lock or window has ended starts a new window with this attempt;
 * - a locked key is refused until its lock ends (the attempt is not counted);
 * - a key with `limit` attempts or more (a limit below `max`) is held: refused, not counted;
 * - otherwise the attempt counts, and the one past `max` locks the key (for `lockMs`, or to the window's end).
 */
export async function reserveThrottleAttempt(
  db: DbOrTx,
  rule: ThrottleRule,
  key: string,
  now: Date,
  limit: number = rule.max,
): Promise<ThrottleAnswer> {
  const t = throttles;
  const lockEnded = sql`(${t.lockedUntil} is not null and ${t.lockedUntil} <= ${at(now)})`;
  const windowEnded = sql`(${t.lockedUntil} is null
    and ${t.windowStartedAt} <= ${at(new Date(now.getTime() - rule.windowMs))})`;
  const fresh = sql`(${lockEnded} or ${windowEnded})`;
  const locked = sql`(${t.lockedUntil} is not null and ${t.lockedUntil} > ${at(now)})`;
  const lockUntil: SQL =
    rule.lockMs === undefined
      ? sql`${t.windowStartedAt} + ${rule.windowMs}::double precision * interval '1 millisecond'`
      : at(new Date(now.getTime() + rule.lockMs));
  const [row] = await db
    .insert(t)
    .values({ scope: rule.scope, key, windowStartedAt: now, attempts: 1 })
    .onConflictDoUpdate({
      target: [t.scope, t.key],
      set: {
        attempts: sql`case when ${fresh} then 1 when ${locked} then ${t.attempts} else ${t.attempts} + 1 end`,
        windowStartedAt: sql`case when ${fresh} then excluded.window_started_at else ${t.windowStartedAt} end`,
        lockedUntil: sql`case when ${fresh} then null when ${locked} then ${t.lockedUntil}
                              when ${t.attempts} >= ${rule.max} then ${lockUntil} else null end`,
      },
      // a held attempt changes nothing, so no row comes back
      setWhere: sql`${fresh} or ${locked} or ${t.attempts} < ${limit} or ${t.attempts} >= ${rule.max}`,
    })
    .returning({ attempts: t.attempts, windowStartedAt: t.windowStartedAt, lockedUntil: t.lockedUntil });
  if (!row) return { kind: 'held' };
  if (row.lockedUntil && row.lockedUntil > now) return { kind: 'locked', until: row.lockedUntil };
  return {
    kind: 'admitted',
    reservation: { scope: rule.scope, key, attempts: row.attempts, windowStartedAt: row.windowStartedAt },
  };
}

/** One key counted under one rule, up to `limit` (a lower limit than the rule's `max` holds the key there). */
export interface ThrottleCheck {
  rule: ThrottleRule;
  key: string;
  limit?: number;
}

/** What several checks answer one attempt: counted by all of them, or refused by the first that refused it. */
export type ThrottleChecksAnswer =
  | { kind: 'admitted'; reservations: ThrottleReservation[] }
  | { kind: 'refused'; check: ThrottleCheck; answer: Exclude<ThrottleAnswer, { kind: 'admitted' }> };

/**
 * Counts one attempt under each check in turn (e.g. the secret's owner, then the client's address). The first
 * refusal gives back what the checks before it counted — the attempt was refused before any secret was
 * compared, so it was no guess — and is answered with the check that refused it.
 */
export async function reserveThrottleAttempts(
  db: DbOrTx,
  checks: readonly ThrottleCheck[],
  now: Date,
): Promise<ThrottleChecksAnswer> {
  const reservations: ThrottleReservation[] = [];
  for (const check of checks) {
    const answer = await reserveThrottleAttempt(db, check.rule, check.key, now, check.limit);
    if (answer.kind === 'admitted') {
      reservations.push(answer.reservation);
      continue;
    }
    for (const reservation of reservations) await releaseThrottleAttempt(db, reservation);
    return { kind: 'refused', check, answer };
  }
  return { kind: 'admitted', reservations };
}

/** Takes back an attempt that turned out to be a success, if its window is still the current one. */
export async function releaseThrottleAttempt(db: DbOrTx, reservation: ThrottleReservation): Promise<void> {
  await db
    .update(throttles)
    .set({ attempts: sql`${throttles.attempts} - 1` })
    .where(
      and(
        eq(throttles.scope, reservation.scope),
        eq(throttles.key, reservation.key),
        eq(throttles.windowStartedAt, reservation.windowStartedAt),
        gt(throttles.attempts, 0),
      ),
    );
}

/** Forgets every attempt counted for `key` in `scope`. */
export async function clearThrottle(db: DbOrTx, scope: string, key: string): Promise<void> {
  await db.delete(throttles).where(and(eq(throttles.scope, scope), eq(throttles.key, key)));
}

/** Deletes the rows of `rules` whose window and lock have both ended before `now`; returns how many. */
export async function purgeEndedThrottles(
  db: DbOrTx,
  rules: readonly ThrottleRule[],
  now: Date,
): Promise<number> {
  if (rules.length === 0) return 0;
  const ended = rules.map((rule) =>
    and(
      eq(throttles.scope, rule.scope),
      lte(throttles.windowStartedAt, new Date(now.getTime() - rule.windowMs)),
      or(isNull(throttles.lockedUntil), lte(throttles.lockedUntil, now)),
    ),
  );
  const rows = await db
    .delete(throttles)
    .where(or(...ended))
    .returning({ key: throttles.key });
  return rows.length;
}
