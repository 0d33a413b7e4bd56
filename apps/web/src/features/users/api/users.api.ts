import type {
  CreateUserInput,
  Permission,
  ResetPasswordInput,
  Role,
  SetUserRolesInput,
  UpdateUserInput,
} from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';
import type { Page } from '../../orgs/api/orgs.api.js';

/** A user as the API shows him; `phone` is masked for callers without `personal_data.read`. */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  orgId: number;
  orgName: string;
  roles: Role[];
  phone: string | null;
  active: boolean;
  locked: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  version: number;
}

/** The filters of the user list. */
export interface UserFilters {
  orgId?: number | undefined;
  role?: Role | undefined;
  q?: string | undefined;
  active?: 'true' | 'false' | 'all' | undefined;
  page: number;
  pageSize: number;
}

/** One role with the permissions granted to it. */
export interface RoleGrants {
  role: Role;
  label: string;
  permissions: Permission[];
}

/** Users in the caller's scope, one page. */
export function fetchUsers(filters: UserFilters, signal?: AbortSignal): Promise<Page<UserView>> {
  return apiRequest(withQuery('/api/v1/users', { ...filters }), signal ? { signal } : {});
}

/** Creates a user. */
export function createUser(input: CreateUserInput): Promise<UserView> {
  return apiRequest('/api/v1/users', { method: 'POST', body: input });
}

/** Changes a user's name, org, phone or active flag. */
export function updateUser(id: number, input: UpdateUserInput): Promise<UserView> {
  return apiRequest(`/api/v1/users/${id}`, { method: 'PATCH', body: input });
}

/** Replaces a user's roles. */
export function setUserRoles(id: number, input: SetUserRolesInput): Promise<UserView> {
  return apiRequest(`/api/v1/users/${id}/roles`, { method: 'PUT', body: input });
}

/** Sets a new password for a user. */
export function resetPassword(id: number, input: ResetPasswordInput): Promise<void> {
  return apiRequest(`/api/v1/users/${id}/password`, { method: 'POST', body: input });
}

/** Lifts the lock-out after too many wrong passwords. */
export function unlockUser(id: number): Promise<UserView> {
  return apiRequest(`/api/v1/users/${id}/unlock`, { method: 'POST' });
}

/** Every role with its permissions, and every permission there is. */
export function fetchRoles(
  signal?: AbortSignal,
): Promise<{ roles: RoleGrants[]; permissions: Permission[] }> {
  return apiRequest('/api/v1/roles', signal ? { signal } : {});
}

/** Replaces the permissions granted to a role. */
export function setRolePermissions(role: Role, permissions: Permission[]): Promise<RoleGrants> {
  return apiRequest(`/api/v1/roles/${role}/permissions`, { method: 'PUT', body: { permissions } });
}
