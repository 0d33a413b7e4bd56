import type { Role } from '@shanzhi/shared';
import { type Actor, isInScope } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';

/** Refuses a user who belongs to an org outside the actor's scope (403). */
export function assertUserInScope(actor: Actor, user: { orgPath: string }): void {
  if (!isInScope(actor, user.orgPath)) throw new AppError('OUT_OF_SCOPE', '该用户不在您的管辖范围内');
}

/**
 * Refuses to grant roles the actor does not hold himself unless he is an admin: a district dispatcher who
 * manages users cannot make an admin.
 */
export function assertMayGrantRoles(actor: Actor, roles: readonly Role[]): void {
  if (actor.roles.includes('admin')) return;
  const foreign = roles.filter((r) => !actor.roles.includes(r));
  if (foreign.length > 0) throw new AppError('FORBIDDEN', `无权授予角色：${foreign.join(', ')}`);
}
