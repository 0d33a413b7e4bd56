import { z } from 'zod';
import { Permission } from '../auth/permissions.js';
import { Role } from '../auth/roles.js';

/** A user as the API shows him; `phone` masked for callers without `personal_data.read`. */
export const UserView = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    /** the org he belongs to, which decides his data scope */
    orgId: z.number().int(),
    orgName: z.string(),
    roles: z.array(Role),
    phone: z.string().nullable(),
    active: z.boolean(),
    /** locked out after too many wrong passwords, until `lockedUntil` */
    locked: z.boolean(),
    lockedUntil: z.string().nullable(),
    lastLoginAt: z.string().nullable(),
    /** the version a change must name (optimistic locking) */
    version: z.number().int(),
  })
  .meta({ id: 'UserView' });
export type UserView = z.output<typeof UserView>;

/** A role with its Chinese name and the permissions granted to it. */
export const RoleGrants = z.object({ role: Role, label: z.string(), permissions: z.array(Permission) });
export type RoleGrants = z.output<typeof RoleGrants>;

/** `GET /api/v1/roles`: every role with its permissions, and every permission there is. */
export const RoleList = z.object({ roles: z.array(RoleGrants), permissions: z.array(Permission) });
export type RoleList = z.output<typeof RoleList>;

/** `PUT /api/v1/roles/:role/permissions` path. */
export const RoleParams = z.object({ role: Role }).strict();
export type RoleParams = z.output<typeof RoleParams>;
