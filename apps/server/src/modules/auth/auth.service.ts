import type { LoginInput, LoginResponse, Permission, Role } from '@shanzhi/shared';
import { eq, sql } from 'drizzle-orm';
import { type Actor, scopePathOf } from '../../platform/auth/actor.js';
import { hashPassword, verifyPassword } from '../../platform/auth/password.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/audit.repository.js';
import { users } from '../users/users.tables.js';
import { presentMe } from './auth.presenter.js';
import { findLiveSessionCached, forgetSessions, noteSessionExtended } from './session-cache.js';
import {
  deleteSession,
  extendSession,
  findLiveSession,
  hashSessionToken,
  insertSession,
  newSessionToken,
  type SessionRow,
} from './sessions.repository.js';

/** Wrong passwords in a row that lock an account. */
export const MAX_FAILED_LOGINS = 5;
/** How long a lock-out lasts. */
export const LOCKOUT_MINUTES = 15;

/** Where a login attempt comes from, for the audit trail. */
export interface LoginOrigin {
  ip: string;
  userAgent: string;
}

// Verifying against a fixed hash when the user does not exist keeps the answer's timing the same, so the
// response time does not tell which usernames exist.
let dummyHash: Promise<string> | undefined;
function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('timing-equaliser-not-a-password');
  return dummyHash;
}

async function failLogin(
  ctx: AppContext,
  user: { id: number; username: string },
  origin: LoginOrigin,
): Promise<never> {
  const now = ctx.clock.now();
  const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
  // One statement: concurrent wrong attempts each count, and the fifth locks.
  const [row] = await ctx.db
    .update(users)
    .set({
      failedLoginCount: sql`case when ${users.failedLoginCount} + 1 >= ${MAX_FAILED_LOGINS} then 0
                                  else ${users.failedLoginCount} + 1 end`,
      lockedUntil: sql`case when ${users.failedLoginCount} + 1 >= ${MAX_FAILED_LOGINS}
                             then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, user.id))
    .returning({ lockedUntil: users.lockedUntil, failed: users.failedLoginCount });
  const justLocked = row?.failed === 0 && row.lockedUntil !== null;
  const base = { actorUserId: user.id, actorUsername: user.username, targetType: 'user', targetId: user.id };
  await recordAudit(
    ctx.db,
    { ...base, action: 'auth.login_failed', ip: origin.ip, detail: { reason: 'bad_password' } },
    now,
  );
  if (justLocked) {
    await recordAudit(
      ctx.db,
      { ...base, action: 'auth.account_locked', ip: origin.ip, detail: { until: lockUntil } },
      now,
    );
    throw lockedError(lockUntil);
  }
  throw new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
}

function lockedError(until: Date): AppError {
  const local = new Date(until.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
  return new AppError('ACCOUNT_LOCKED', `密码错误次数过多，账号已锁定至 ${local}（北京时间），请稍后再试`);
}

/** Signs a user in: checks the password and the lock-out, opens a session, audits the attempt either way. */
export async function login(
  ctx: AppContext,
  input: LoginInput,
  origin: LoginOrigin,
): Promise<{ token: string; response: LoginResponse }> {
  const now = ctx.clock.now();
  const username = input.username.trim().toLowerCase();
  const [user] = await ctx.db.select().from(users).where(eq(users.username, username));
  if (!user) {
    await verifyPassword(await timingDummyHash(), input.password);
    await recordAudit(
      ctx.db,
      {
        action: 'auth.login_failed',
        actorUsername: username,
        ip: origin.ip,
        detail: { reason: 'unknown_user' },
      },
      now,
    );
    throw new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAudit(
      ctx.db,
      {
        action: 'auth.login_refused',
        actorUserId: user.id,
        actorUsername: username,
        ip: origin.ip,
        detail: { reason: 'locked' },
      },
      now,
    );
    throw lockedError(user.lockedUntil);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) return failLogin(ctx, user, origin);
  if (!user.active) throw new AppError('ACCOUNT_DISABLED', '账号已停用，请联系系统管理员');

  const { token, tokenHash } = newSessionToken();
  const expiresAt = new Date(now.getTime() + ctx.config.SESSION_IDLE_HOURS * 3_600_000);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(users.id, user.id));
    await insertSession(tx, { tokenHash, userId: user.id, expiresAt, createdAt: now, ...origin });
    await recordAudit(
      tx,
      { action: 'auth.logged_in', actorUserId: user.id, actorUsername: username, ip: origin.ip },
      now,
    );
  });
  const session = await findLiveSession(ctx.db, tokenHash, now);
  if (!session) throw new AppError('INTERNAL', 'Session vanished after login');
  return {
    token,
    response: { token, expiresAt: expiresAt.toISOString(), me: presentMe(toActor(session, origin.ip)) },
  };
}

/** Ends the session of `token`. */
export async function logout(ctx: AppContext, token: string, actor: Actor): Promise<void> {
  const tokenHash = hashSessionToken(token);
  await deleteSession(ctx.db, tokenHash);
  await forgetSessions(ctx, tokenHash);
  await recordAudit(
    ctx.db,
    { action: 'auth.logged_out', actorUserId: actor.userId, actorUsername: actor.username, ip: actor.ip },
    ctx.clock.now(),
  );
}

function toActor(row: SessionRow, ip: string): Actor {
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    orgId: row.org_id,
    orgCode: row.org_code,
    orgName: row.org_name,
    orgKind: row.org_kind,
    orgPath: row.org_path,
    roles: row.roles as Role[],
    permissions: new Set(row.permissions as Permission[]),
    scopePath: scopePathOf({ kind: row.org_kind, path: row.org_path }),
    ip,
  };
}

/**
 * The actor behind a session token, or an error: unknown or expired token → 401 SESSION_EXPIRED, a
 * disabled account → 403. Extends the session when less than half of its idle time is left.
 */
export async function resolveActor(ctx: AppContext, token: string, ip: string): Promise<Actor> {
  const now = ctx.clock.now();
  const tokenHash = hashSessionToken(token);
  const row = await findLiveSessionCached(ctx, tokenHash, now);
  if (!row) throw new AppError('SESSION_EXPIRED', '登录已过期，请重新登录');
  if (!row.active) throw new AppError('ACCOUNT_DISABLED', '账号已停用，请联系系统管理员');
  const idleMs = ctx.config.SESSION_IDLE_HOURS * 3_600_000;
  if (new Date(row.expires_at).getTime() - now.getTime() < idleMs / 2) {
    const expiresAt = new Date(now.getTime() + idleMs);
    await extendSession(ctx.db, tokenHash, expiresAt);
    noteSessionExtended(ctx, tokenHash, expiresAt);
  }
  return toActor(row, ip);
}
