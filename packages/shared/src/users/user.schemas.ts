import { z } from 'zod';
import { Permission } from '../auth/permissions.js';
import { Role } from '../auth/roles.js';
import { PageQuery } from '../lists/list.schemas.js';

/** A password the platform accepts: 8–128 characters with at least one letter and one digit. */
export const NewPassword = z
  .string()
  .min(8, '密码至少 8 位')
  .max(128, '密码不超过 128 位')
  .regex(/[A-Za-z]/, '密码须包含字母')
  .regex(/\d/, '密码须包含数字');

const username = z
  .string()
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(64, '用户名不超过 64 个字符')
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字和 _ . -');
const displayName = z.string().trim().min(1, '请输入姓名').max(40, '姓名不超过 40 个字');
const phone = z.string().regex(/^1\d{10}$/, '手机号应为 11 位数字');
const roles = z.array(Role).min(1, '至少选择一个角色').max(10);

/** `POST /api/v1/users` body. */
export const CreateUserInput = z
  .object({
    username,
    displayName,
    /** the org the user belongs to; decides his data scope */
    orgId: z.number().int().positive(),
    password: NewPassword,
    roles,
    phone: phone.nullable().optional(),
  })
  .strict();
export type CreateUserInput = z.infer<typeof CreateUserInput>;

/** `PATCH /api/v1/users/:id` body. */
export const UpdateUserInput = z
  .object({
    version: z.number().int().min(0),
    displayName: displayName.optional(),
    orgId: z.number().int().positive().optional(),
    phone: phone.nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

/** `PUT /api/v1/users/:id/roles` body. */
export const SetUserRolesInput = z.object({ roles }).strict();
export type SetUserRolesInput = z.infer<typeof SetUserRolesInput>;

/** `POST /api/v1/users/:id/password` body (an administrator's reset). */
export const ResetPasswordInput = z.object({ password: NewPassword }).strict();
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

/** `PUT /api/v1/me/password` body: a signed-in user changes his own password. */
export const ChangeOwnPasswordInput = z
  .object({
    /** the password he signs in with now */
    currentPassword: z.string().min(1, '请输入当前密码').max(256, '密码不超过 256 位'),
    /** the new one; also held to the strength policy on the server */
    newPassword: NewPassword,
  })
  .strict();
export type ChangeOwnPasswordInput = z.infer<typeof ChangeOwnPasswordInput>;

/** `PUT /api/v1/roles/:role/permissions` body. */
export const SetRolePermissionsInput = z.object({ permissions: z.array(Permission).max(200) }).strict();
export type SetRolePermissionsInput = z.infer<typeof SetRolePermissionsInput>;

/** `GET /api/v1/users` query. */
export const UserListQuery = z
  .object({
    /** users of this org's subtree (default: the caller's whole scope) */
    orgId: z.coerce.number().int().positive().optional(),
    role: Role.optional(),
    /** username or name contains */
    q: z.string().trim().max(50).optional(),
    active: z.enum(['true', 'false', 'all']).default('all'),
  })
  .extend(PageQuery.shape)
  .strict();
export type UserListQuery = z.infer<typeof UserListQuery>;
