import type { Permission } from '@shanzhi/shared';
import { type Actor, scopePathOf } from './actor.js';

const AS_SYSTEM = { userId: 0, username: 'system', ip: '127.0.0.1' } as const;

/**
 * The platform acting on its own, city-wide (a record following another to its end — 随工单办结, 随调解结案,
 * 随信访办结 —, 平台派单, a device's alert taken in): an administrator's right to those steps only, recorded on
 * the timeline as `name`.
 */
export function platformActor(permissions: Permission | readonly Permission[], name = '系统'): Actor {
  return {
    ...AS_SYSTEM,
    displayName: name,
    orgId: 0,
    orgCode: 'system',
    orgName: '系统',
    orgKind: 'city',
    orgPath: '/',
    roles: ['admin'],
    permissions: new Set(typeof permissions === 'string' ? [permissions] : permissions),
    scopePath: '/',
  };
}

/**
 * The platform acting as `org` (智能派单 by the owning centre, a case an alert opens registered by the estate's
 * community): a dispatcher of that org with its scope and the given rights only, recorded as `name`.
 */
export function platformActorFor(
  org: { id: number; code: string; name: string; kind: string; path: string },
  permissions: readonly Permission[],
  name: string,
): Actor {
  return {
    ...AS_SYSTEM,
    displayName: name,
    orgId: org.id,
    orgCode: org.code,
    orgName: org.name,
    orgKind: org.kind,
    orgPath: org.path,
    roles: ['dispatcher'],
    permissions: new Set(permissions),
    scopePath: scopePathOf(org),
  };
}
