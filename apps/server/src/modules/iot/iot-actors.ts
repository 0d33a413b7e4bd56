import { platformActor, platformActorFor } from '../../platform/auth/platform-actor.js';
import type { OrgBrief } from '../orgs/org-briefs.repository.js';

const NAME = '系统（智安小区）';

/** The platform taking in device messages and applying rules: recorded as 系统 on the alert's timeline. */
export const IOT_SYSTEM_ACTOR = platformActor(['iot.handle_alerts'], NAME);

/**
 * Who registers the case an alert opens: the estate's community acting as the platform, so that the case is
 * the community's (小事不出村) and located in its grids, whoever pressed 立案.
 */
export function caseRegistrarFor(community: OrgBrief) {
  return platformActorFor(community, ['case.register'], NAME);
}
