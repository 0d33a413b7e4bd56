import { PETITION_DEADLINE_EVENTS } from '@shanzhi/shared';
import { inArray } from 'drizzle-orm';
import { deadlineNotices } from '../notifications/deadline-notices.js';
import { findAgentsOf } from './agency-points.repository.js';
import type { PetitionOutboxPayload } from './petition-lifecycle.js';
import { petitions } from './petitions.tables.js';

/** How much of the matter a notice quotes. */
const MATTER_QUOTED = 30;

/**
 * 信访期限预警 to the agent (谁帮办) — or the agency point's agents while the petition has none — when the lights'
 * scan turns a petition yellow or red. It opens the petition.
 */
export const petitionDeadlineNotices = deadlineNotices<PetitionOutboxPayload>({
  name: 'petition-deadline-notices',
  events: PETITION_DEADLINE_EVENTS,
  async subjectsOf(tx, payloads) {
    const rows = await tx
      .select({ id: petitions.id, matter: petitions.matter })
      .from(petitions)
      .where(
        inArray(
          petitions.id,
          payloads.map((p) => p.petitionId),
        ),
      );
    const matters = new Map(rows.map((r) => [r.id, r.matter.slice(0, MATTER_QUOTED)]));
    return payloads.map((p) => ({
      subject: `信访事项「${matters.get(p.petitionId) ?? ''}」`,
      number: `信访 ${p.petitionId}`,
    }));
  },
  recipientsOf: async (tx, payload) =>
    payload.agentUserId === null ? findAgentsOf(tx, payload.orgId) : [payload.agentUserId],
  linkOf: (payload) => ({ petitionId: payload.petitionId }),
});
