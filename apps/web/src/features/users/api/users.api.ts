import type {
  CreateUserInput,
  Page,
  Permission,
  ResetPasswordInput,
  Role,
  RoleGrants,
  RoleList,
  SetUserRolesInput,
  UpdateUserInput,
  UserListQuery,
  UserView,
} from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';
import type { PageRequest } from '../../../platform/lists/use-paged-list.js';

export type { RoleGrants, UserView };

/** The filters of the user list (the shared `UserListQuery` without its page). */
export type UserFilters = Partial<Pick<UserListQuery, 'orgId' | 'role' | 'q' | 'active'>>;

/** Users in the caller's scope, one page. */
export function fetchUsers(query: UserFilters & PageRequest, signal?: AbortSignal): Promise<Page<UserView>> {
  return apiRequest(withQuery('/api/v1/users', { ...query }), signal ? { signal } : {});
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
export function fetchRoles(signal?: AbortSignal): Promise<RoleList> {
  return apiRequest('/api/v1/roles', signal ? { signal } : {});
}

/** Replaces the permissions granted to a role. */
export function setRolePermissions(role: Role, permissions: Permission[]): Promise<RoleGrants> {
  return apiRequest(`/api/v1/roles/${role}/permissions`, { method: 'PUT', body: { permissions } });
}
