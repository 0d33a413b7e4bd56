import type {
  CreateUserInput,
  ResetPasswordInput,
  Role,
  SetRolePermissionsInput,
  SetUserRolesInput,
  UpdateUserInput,
  UserListQuery,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import { hashPassword } from '../../platform/auth/password.js';
import { assertStrongPassword } from '../../platform/auth/password-policy.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError, versionConflict } from '../../platform/errors/app-error.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { forgetSessions } from '../auth/session-cache.js';
import { deleteUserSessions } from '../auth/sessions.repository.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { assertMayGrantRoles, assertUserInScope } from './users.policy.js';
import {
  findUserView,
  insertUser,
  isUsernameTaken,
  listRolePermissions,
  listUsers,
  replaceRolePermissions,
  replaceUserRoles,
  setPasswordHash,
  type UserView,
  unlockUser,
  updateUserAtVersion,
} from './users.repository.js';

/** Loads a user the actor may see, or answers 404 / 403. */
export async function loadUserInScope(db: DbOrTx, actor: Actor, id: number): Promise<UserView> {
  const user = await findUserView(db, id);
  if (!user) throw new AppError('USER_NOT_FOUND', `用户 ${id} 不存在`);
  assertUserInScope(actor, user);
  return user;
}

/** A page of the users in the actor's scope (or in the subtree of `orgId` inside it). */
export async function listUsersForActor(ctx: AppContext, actor: Actor, query: UserListQuery) {
  const withinPath =
    query.orgId === undefined ? actor.scopePath : (await loadOrgInScope(ctx.db, actor, query.orgId)).path;
  return listUsers(ctx.db, {
    withinPath,
    role: query.role,
    q: query.q,
    active: query.active === 'all' ? undefined : query.active === 'true',
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
}

function audit(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  action: string,
  id: number,
  detail?: Record<string, unknown>,
) {
  return recordActorAudit(tx, actor, ctx.clock.now(), { action, targetType: 'user', targetId: id, detail });
}

/** Creates a user in an org of the actor's scope. */
export async function createUser(ctx: AppContext, actor: Actor, input: CreateUserInput): Promise<UserView> {
  await loadOrgInScope(ctx.db, actor, input.orgId);
  assertMayGrantRoles(actor, input.roles);
  if (await isUsernameTaken(ctx.db, input.username)) {
    throw new AppError('DUPLICATE_USERNAME', `用户名 ${input.username} 已存在`, [
      { field: 'username', code: 'duplicate', message: '用户名已存在' },
    ]);
  }
  assertStrongPassword(input.password, [input.username, input.displayName]);
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.db.transaction(async (tx) => {
    const userId = await insertUser(
      tx,
      {
        username: input.username,
        displayName: input.displayName,
        orgId: input.orgId,
        passwordHash,
        phone: input.phone ?? null,
      },
      input.roles,
    );
    await audit(ctx, tx, actor, 'user.created', userId, { username: input.username, roles: input.roles });
    await audit(ctx, tx, actor, 'user.roles_changed', userId, { from: [], to: input.roles });
    return userId;
  });
  return (await findUserView(ctx.db, id))!;
}

/** Changes a user's name, org, phone or active flag. Deactivation ends his sessions. */
export async function updateUser(ctx: AppContext, actor: Actor, id: number, input: UpdateUserInput) {
  const user = await loadUserInScope(ctx.db, actor, id);
  if (input.orgId !== undefined) await loadOrgInScope(ctx.db, actor, input.orgId);
  if (input.active === false && id === actor.userId) throw new AppError('FORBIDDEN', '不能停用自己的账号');
  const { version, ...patch } = input;
  await ctx.db.transaction(async (tx) => {
    const ok = await updateUserAtVersion(tx, id, version, patch, ctx.clock.now());
    if (!ok) throw versionConflict('用户', user.version);
    if (input.active === false) await deleteUserSessions(tx, id);
    await audit(ctx, tx, actor, 'user.updated', id, { changed: Object.keys(patch) });
  });
  await forgetSessions(ctx);
  return (await findUserView(ctx.db, id))!;
}

/** Replaces a user's roles (audited as a permission change). */
export async function setUserRoles(ctx: AppContext, actor: Actor, id: number, input: SetUserRolesInput) {
  const user = await loadUserInScope(ctx.db, actor, id);
  assertMayGrantRoles(actor, input.roles);
  assertMayGrantRoles(actor, user.roles as Role[]);
  await ctx.db.transaction(async (tx) => {
    await replaceUserRoles(tx, id, input.roles);
    await audit(ctx, tx, actor, 'user.roles_changed', id, { from: user.roles, to: input.roles });
  });
  await forgetSessions(ctx);
  return (await findUserView(ctx.db, id))!;
}

/** Sets a new password chosen by an administrator; ends the user's sessions and clears a lock-out. */
export async function resetPassword(ctx: AppContext, actor: Actor, id: number, input: ResetPasswordInput) {
  const user = await loadUserInScope(ctx.db, actor, id);
  assertStrongPassword(input.password, [user.username, user.displayName]);
  const hash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    await setPasswordHash(tx, id, hash, ctx.clock.now());
    await deleteUserSessions(tx, id);
    await audit(ctx, tx, actor, 'user.password_reset', id);
  });
  await forgetSessions(ctx);
}

/** Lifts a lock-out before its 15 minutes are up. */
export async function unlockUserAccount(ctx: AppContext, actor: Actor, id: number) {
  await loadUserInScope(ctx.db, actor, id);
  await ctx.db.transaction(async (tx) => {
    await unlockUser(tx, id, ctx.clock.now());
    await audit(ctx, tx, actor, 'user.unlocked', id);
  });
  return (await findUserView(ctx.db, id))!;
}

/** Every role with its granted permissions. */
export async function listRoles(ctx: AppContext): Promise<Record<string, string[]>> {
  const grants: Record<string, string[]> = {};
  for (const { role, permission } of await listRolePermissions(ctx.db)) {
    grants[role] = [...(grants[role] ?? []), permission];
  }
  return grants;
}

/** Replaces a role's permissions (admins only, audited with before and after). */
export async function setRolePermissions(
  ctx: AppContext,
  actor: Actor,
  role: Role,
  input: SetRolePermissionsInput,
) {
  if (!actor.roles.includes('admin')) throw new AppError('FORBIDDEN', '只有系统管理员可以修改角色权限');
  const before = (await listRoles(ctx))[role] ?? [];
  const after = [...new Set(input.permissions)].sort();
  await ctx.db.transaction(async (tx) => {
    await replaceRolePermissions(tx, role, after);
    await recordActorAudit(tx, actor, ctx.clock.now(), {
      action: 'role.permissions_changed',
      targetType: 'role',
      targetId: role,
      detail: { from: before, to: after },
    });
  });
  await forgetSessions(ctx);
  return after;
}
