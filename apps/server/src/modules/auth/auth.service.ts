import type { LoginInput, LoginResponse, Permission, Role } from '@shanzhi/shared';
import { eq } from 'drizzle-orm';
import { type Actor, scopePathOf } from '../../platform/auth/actor.js';
import { hashPassword, verifyPassword } from '../../platform/auth/password.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/audit.repository.js';
import { users } from '../users/users.tables.js';
import { presentMe } from './auth.presenter.js';
import { admitLoginAttempt, noteLoginSucceeded } from './login-throttle.js';
import { checkAccountPassword, type LoginOrigin } from './password-check.js';
import { findLiveSessionCached, forgetSessions, noteSessionExtended } from './session-cache.js';
import { sessionBornAfter, sessionExpiryAt } from './session-lifetime.js';
import {
  deleteSession,
  extendSession,
  findLiveSession,
  hashSessionToken,
  insertSession,
  newSessionToken,
  type SessionRow,
} from './sessions.repository.js';

// Verifying against a fixed hash when the user does not exist keeps the answer's timing the same, so the
// response time does not tell which usernames exist.
let dummyHash: Promise<string> | undefined;
function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('timing-equaliser-not-a-password');
  return dummyHash;
}

/** Answers a refused or failed sign-in the same way whatever the reason, so it tells nothing about the account. */
function invalidCredentials(): AppError {
  return new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
}

/**
 * Signs a user in: the address and username throttles first, then the lock-out, then the password; opens a
 * session and audits the attempt either way.
 */
export async function login(
  ctx: AppContext,
  input: LoginInput,
  origin: LoginOrigin,
): Promise<{ token: string; response: LoginResponse }> {
  const now = ctx.clock.now();
  const username = input.username.trim().toLowerCase();
  const admission = await admitLoginAttempt(ctx, { address: origin.ip, account: username }, now);
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
    throw invalidCredentials();
  }
  if (!(await checkAccountPassword(ctx, user, input.password, origin, now))) throw invalidCredentials();

  const { token, tokenHash } = newSessionToken();
  const expiresAt = sessionExpiryAt(ctx.config, now, now);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    await insertSession(tx, { tokenHash, userId: user.id, expiresAt, createdAt: now, ...origin });
    await recordAudit(
      tx,
      { action: 'auth.logged_in', actorUserId: user.id, actorUsername: username, ip: origin.ip },
      now,
    );
  });
  await noteLoginSucceeded(ctx, admission);
  const session = await findLiveSession(ctx.db, tokenHash, now, sessionBornAfter(ctx.config, now));
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
 * The actor behind a session token, or an error: unknown, expired or too old a token → 401
 * SESSION_EXPIRED, a disabled account → 403. Extends the session when that gains more than half of its idle
 * time (never past its absolute lifetime).
 */
export async function resolveActor(ctx: AppContext, token: string, ip: string): Promise<Actor> {
  const now = ctx.clock.now();
  const tokenHash = hashSessionToken(token);
  const row = await findLiveSessionCached(ctx, tokenHash, now);
  if (!row) throw new AppError('SESSION_EXPIRED', '登录已过期，请重新登录');
  if (!row.active) throw new AppError('ACCOUNT_DISABLED', '账号已停用，请联系系统管理员');
  const idleMs = ctx.config.SESSION_IDLE_HOURS * 3_600_000;
  const expiresAt = sessionExpiryAt(ctx.config, new Date(row.created_at), now);
  if (expiresAt.getTime() - new Date(row.expires_at).getTime() > idleMs / 2) {
    await extendSession(ctx.db, tokenHash, expiresAt);
    noteSessionExtended(ctx, tokenHash, expiresAt);
  }
  return toActor(row, ip);
}
