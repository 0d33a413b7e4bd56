import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { findRootOrg } from '../portal/portal.repository.js';
import type { Open311KeyRow } from './open311-keys.repository.js';

/** The name the timeline records for a request or an update that came through an integrator's key. */
export function open311ActorName(key: Pick<Open311KeyRow, 'name'>): string {
  return `群众（开放接口·${key.name}）`;
}

/**
 * Who registers a request that came through the open API. Not a staff user: the citizen reports through an
 * integrator's app. As on the portal, the request is registered for the city (the root of the org tree)
 * by a system actor with the citizen's role, no permissions and user id 0 — so the spine routes it as any
 * online request (to the centre of the district where it happened) and every reader of what it answers is
 * a public reader without `personal_data.read`.
 */
export async function open311Actor(ctx: AppContext, key: Open311KeyRow, ip: string): Promise<Actor> {
  const root = await findRootOrg(ctx.db);
  if (!root) throw new AppError('NOT_READY', 'Service not ready / 平台尚未初始化，暂时无法受理');
  return {
    userId: 0,
    username: `open311:${key.id}`,
    displayName: open311ActorName(key),
    orgId: root.id,
    orgCode: root.code,
    orgName: root.name,
    orgKind: root.kind,
    orgPath: root.path,
    roles: ['citizen'],
    permissions: new Set(),
    scopePath: root.path,
    ip,
  };
}
