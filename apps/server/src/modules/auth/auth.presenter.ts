import type { MeResponse } from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';

/** The signed-in user as `/api/v1/me` shows him. */
export function presentMe(actor: Actor): MeResponse {
  return {
    user: { id: actor.userId, username: actor.username, displayName: actor.displayName },
    org: { id: actor.orgId, code: actor.orgCode, name: actor.orgName, kind: actor.orgKind },
    roles: actor.roles,
    permissions: [...actor.permissions].sort(),
  };
}
