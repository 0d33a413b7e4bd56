import { PETITION_LIFECYCLE, petitionNumber } from '@shanzhi/shared';
import type { OutboxSubscriber } from '../../platform/lifecycle/outbox-subscriber.js';
import type { LiveEvent } from '../../platform/realtime/live-event.js';
import type { PetitionOutboxPayload } from './petition-lifecycle.js';
import { findPetition } from './petitions.repository.js';

/**
 * A petition flagged for a risk of escalation, or no longer, goes out live (`petition.risk_flagged`,
 * `petition.risk_unflagged`) to those who may read petitions and whose scope holds its agency point: the
 * wall's 信访风险预警 reloads at once.
 */
export const flaggedPetitionsLive: OutboxSubscriber = {
  name: 'flagged-petitions-live',
  topics: [PETITION_LIFECYCLE.events.flag_risk, PETITION_LIFECYCLE.events.unflag_risk],
  async handle(tx, events, now) {
    const live: LiveEvent[] = [];
    for (const event of events) {
      const { petitionId } = event.payload as PetitionOutboxPayload;
      const row = await findPetition(tx, petitionId);
      if (!row) continue;
      live.push({
        topic: event.topic,
        at: now.toISOString(),
        audience: { orgPaths: [row.orgPath], permission: 'petition.read' },
        data: { petitionId, petitionNumber: petitionNumber(petitionId) },
      });
    }
    return live;
  },
};
