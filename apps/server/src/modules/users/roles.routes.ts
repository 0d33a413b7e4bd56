import {
  PERMISSIONS,
  Permission,
  ROLE_LABELS,
  Role,
  RoleGrants,
  RoleList,
  RoleParams,
  SetRolePermissionsInput,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { listRoles, setRolePermissions } from './users.service.js';

const tags = ['roles'];

/** The granted permissions the platform still knows (a grant of a permission since retired is not shown). */
function knownPermissions(granted: readonly string[]): Permission[] {
  return granted.filter((p): p is Permission => Permission.safeParse(p).success);
}

/** Roles and the permissions granted to each. */
export function registerRoleRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/roles',
    {
      config: { permission: 'role.read' },
      schema: {
        tags,
        summary: '角色与权限 Roles with their permissions, and every permission there is',
        response: { 200: RoleList },
      },
    },
    async () => {
      const grants = await listRoles(ctx);
      return {
        roles: Role.options.map((role) => ({
          role,
          label: ROLE_LABELS[role],
          permissions: knownPermissions(grants[role] ?? []),
        })),
        permissions: [...PERMISSIONS],
      };
    },
  );

  app.put(
    '/api/v1/roles/:role/permissions',
    {
      config: { permission: 'role.write' },
      schema: {
        tags,
        summary: '设置角色权限 Set the permissions of a role (audited)',
        params: RoleParams,
        body: SetRolePermissionsInput,
        response: { 200: RoleGrants, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const { role } = request.params;
      const permissions = await setRolePermissions(ctx, actorOf(request), role, request.body);
      return { role, label: ROLE_LABELS[role], permissions: knownPermissions(permissions) };
    },
  );
}
