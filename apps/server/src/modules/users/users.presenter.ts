import { maskPhone, type Role, type UserView } from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { UserView as UserRow } from './users.repository.js';

/** Presents a user; the phone is masked for callers without `personal_data.read`. */
export function presentUser(user: UserRow, actor: Actor, now: Date): UserView {
  const locked = user.lockedUntil !== null && new Date(user.lockedUntil) > now;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    orgId: user.orgId,
    orgName: user.orgName,
    roles: user.roles as Role[],
    phone: actor.permissions.has('personal_data.read') ? user.phone : maskPhone(user.phone),
    active: user.active,
    locked,
    lockedUntil: locked ? new Date(user.lockedUntil!).toISOString() : null,
    lastLoginAt: user.lastLoginAt ? new Date(user.lastLoginAt).toISOString() : null,
    version: user.version,
  };
}
