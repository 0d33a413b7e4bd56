import type { Permission } from '@shanzhi/shared';
import type { Actor } from './actor.js';

/**
 * The platform acting on its own (a record following another to its end: 随工单办结, 随调解结案, 随信访办结):
 * an administrator's right to that one step, city-wide, recorded on the timeline as 系统.
 */
export function platformActor(permission: Permission): Actor {
  return {
    userId: 0,
    username: 'system',
    displayName: '系统',
    orgId: 0,
    orgCode: 'system',
    orgName: '系统',
    orgKind: 'city',
    orgPath: '/',
    roles: ['admin'],
    permissions: new Set([permission]),
    scopePath: '/',
    ip: '127.0.0.1',
  };
}
