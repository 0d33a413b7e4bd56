import { maskPhone } from '@shanzhi/shared';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import type { UserView } from './users.repository.js';

/** A user as the API shows him. */
export const UserResponse = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  roles: z.array(z.string()),
  phone: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
});
export type UserResponse = z.infer<typeof UserResponse>;

/** Presents a user; the phone is masked for callers without `personal_data.read`. */
export function presentUser(user: UserView, actor: Actor, now: Date): UserResponse {
  const locked = user.lockedUntil !== null && new Date(user.lockedUntil) > now;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    orgId: user.orgId,
    orgName: user.orgName,
    roles: user.roles,
    phone: actor.permissions.has('personal_data.read') ? user.phone : maskPhone(user.phone),
    active: user.active,
    locked,
    lockedUntil: locked ? new Date(user.lockedUntil!).toISOString() : null,
    lastLoginAt: user.lastLoginAt ? new Date(user.lastLoginAt).toISOString() : null,
    version: user.version,
  };
}
