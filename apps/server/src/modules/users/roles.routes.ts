import { PERMISSIONS, ROLE_LABELS, Role, SetRolePermissionsInput } from '@shanzhi/shared';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { listRoles, setRolePermissions } from './users.service.js';

const tags = ['roles'];
const RoleView = z.object({ role: z.string(), label: z.string(), permissions: z.array(z.string()) });

/** Roles and the permissions granted to each. */
export function registerRoleRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/roles',
    {
      config: { permission: 'role.read' },
      schema: {
        tags,
        summary: '角色与权限 Roles with their permissions, and every permission there is',
        response: { 200: z.object({ roles: z.array(RoleView), permissions: z.array(z.string()) }) },
      },
    },
    async () => {
      const grants = await listRoles(ctx);
      return {
        roles: Role.options.map((role) => ({
          role,
          label: ROLE_LABELS[role],
          permissions: grants[role] ?? [],
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
        params: z.object({ role: Role }).strict(),
        body: SetRolePermissionsInput,
        response: { 200: RoleView, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const { role } = request.params;
      const permissions = await setRolePermissions(ctx, actorOf(request), role, request.body);
      return { role, label: ROLE_LABELS[role], permissions };
    },
  );
}
