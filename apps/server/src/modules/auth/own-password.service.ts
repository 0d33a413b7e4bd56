import type { ChangeOwnPasswordInput } from '@shanzhi/shared';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { hashPassword } from '../../platform/auth/password.js';
import { assertStrongPassword } from '../../platform/auth/password-policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { setPasswordHash } from '../users/users.repository.js';
import { users } from '../users/users.tables.js';
import { checkAccountPassword } from './password-check.js';
import { forgetSessions } from './session-cache.js';
import { deleteOtherSessions, hashSessionToken } from './sessions.repository.js';

/**
 * A signed-in user changes his own password: the current one is checked like a sign-in (it counts towards
 * the lock-out, so a borrowed session cannot guess it), the new one must pass the strength policy and differ
 * from the current one; his other sessions end, the one he is using stays. Audited.
 */
export async function changeOwnPassword(
  ctx: AppContext,
  actor: Actor,
  sessionToken: string,
  input: ChangeOwnPasswordInput,
  userAgent: string,
): Promise<void> {
  const now = ctx.clock.now();
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError('SESSION_EXPIRED', '登录已过期，请重新登录');
  const origin = { ip: actor.ip, userAgent };
  if (!(await checkAccountPassword(ctx, user, input.currentPassword, origin, now))) {
    throw fieldError('currentPassword', 'wrong_password', '当前密码不正确');
  }
  if (input.newPassword === input.currentPassword) {
    throw fieldError('newPassword', 'unchanged', '新密码不能与当前密码相同');
  }
  assertStrongPassword(input.newPassword, [user.username, user.displayName], 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await setPasswordHash(tx, user.id, passwordHash, now);
    await deleteOtherSessions(tx, user.id, hashSessionToken(sessionToken));
    await recordActorAudit(tx, actor, now, {
      action: 'user.password_changed',
      targetType: 'user',
      targetId: user.id,
    });
  });
  await forgetSessions(ctx);
}
