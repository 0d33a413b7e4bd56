import { type Actor, scopePathOf } from '../../platform/auth/actor.js';
import type { OrgBrief } from '../orgs/org-briefs.repository.js';

/** The platform taking in device messages and applying rules: recorded as 系统 on the alert's timeline. */
export const IOT_SYSTEM_ACTOR: Actor = {
  userId: 0,
  username: 'system',
  displayName: '系统（智安小区）',
  orgId: 0,
  orgCode: 'system',
  orgName: '系统',
  orgKind: 'city',
  orgPath: '/',
  roles: ['admin'],
  permissions: new Set(['iot.handle_alerts']),
  scopePath: '/',
  ip: '127.0.0.1',
};

/**
 * Who registers the case an alert opens: the estate's community acting as the platform, so that the case is
 * the community's (小事不出村) and located in its grids, whoever pressed 立案.
 */
export function caseRegistrarFor(community: OrgBrief): Actor {
  return {
    userId: 0,
    username: 'system',
    displayName: '系统（智安小区）',
    orgId: community.id,
    orgCode: community.code,
    orgName: community.name,
    orgKind: community.kind,
    orgPath: community.path,
    roles: ['dispatcher'],
    permissions: new Set(['case.register']),
    scopePath: scopePathOf(community),
    ip: '127.0.0.1',
  };
}
