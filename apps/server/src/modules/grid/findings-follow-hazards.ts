import { HAZARD_LIFECYCLE } from '@shanzhi/shared';
import type { OutboxSubscriber } from '../../platform/lifecycle/outbox-subscriber.js';
import { findFindingsReferredAs } from './findings.repository.js';
import { concludeFindings } from './findings-follow-cases.js';

/** The hazard events that close a hazard (销号): the finding it was referred from ends with it. */
const HAZARD_CLOSINGS = [HAZARD_LIFECYCLE.events.close_on_spot, HAZARD_LIFECYCLE.events.close] as const;

/**
 * 随隐患办结: a finding referred as a safety hazard follows it to its closing (销号), concluded by the platform
 * through its own lifecycle in the outbox consumer's transaction — the hazards never reach into the grid.
 */
export const gridFindingsFollowHazards: OutboxSubscriber = {
  name: 'grid-findings-follow-hazards',
  topics: HAZARD_CLOSINGS,
  async handle(tx, events, now, ctx) {
    const hazardIds = events.map((e) => (e.payload as { hazardId: number }).hazardId);
    await concludeFindings(tx, await findFindingsReferredAs(tx, hazardIds), now, ctx);
  },
};
