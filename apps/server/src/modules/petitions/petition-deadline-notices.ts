import { PETITION_DEADLINE_EVENTS } from '@shanzhi/shared';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import type { OutboxSubscriber } from '../../platform/lifecycle/outbox-subscriber.js';
import type { LiveEvent } from '../../platform/realtime/live-event.js';
import {
  type DeadlineNotificationKind,
  deadlineNotificationText,
} from '../notifications/notification-kinds.js';
import { writeOutboxNotices } from '../notifications/outbox-notices.js';
import { findAgentsOf } from './agency-points.repository.js';
import type { PetitionOutboxPayload } from './petition-lifecycle.js';
import { petitions } from './petitions.tables.js';

/** The notification each of the clock's petition events raises, as the SLA scan's do for cases. */
const KIND_OF: Record<string, DeadlineNotificationKind> = {
  [PETITION_DEADLINE_EVENTS.yellow]: 'sla_warned',
  [PETITION_DEADLINE_EVENTS.red]: 'sla_breached',
};

/** How much of the matter a notice quotes. */
const MATTER_QUOTED = 30;

/** The accounts to tell of a petition's deadline: its agent, or the agency point's agents while it has none. */
async function recipientsOf(db: DbOrTx, payload: PetitionOutboxPayload): Promise<number[]> {
  return payload.agentUserId === null ? findAgentsOf(db, payload.orgId) : [payload.agentUserId];
}

/**
 * 信访期限预警 to the agent (谁帮办): when the lights' scan turns a petition yellow or red, he gets the same
 * in-app notification as a case's handlers do — once per turn (one per outbox row and user), in the outbox
 * consumer's transaction, and live on his open streams. It opens the petition.
 */
export const petitionDeadlineNotices: OutboxSubscriber = {
  name: 'petition-deadline-notices',
  topics: Object.values(PETITION_DEADLINE_EVENTS),
  async handle(tx, events, now) {
    const payloads = events.map((e) => e.payload as PetitionOutboxPayload);
    const matters = new Map(
      payloads.length === 0
        ? []
        : (
            await tx
              .select({ id: petitions.id, matter: petitions.matter })
              .from(petitions)
              .where(
                inArray(
                  petitions.id,
                  payloads.map((p) => p.petitionId),
                ),
              )
          ).map((r) => [r.id, r.matter.slice(0, MATTER_QUOTED)]),
    );
    const live: LiveEvent[] = [];
    for (const [i, event] of events.entries()) {
      const payload = payloads[i]!;
      const subject = `信访事项「${matters.get(payload.petitionId) ?? ''}」`;
      const text = deadlineNotificationText(KIND_OF[event.topic]!, subject, `信访 ${payload.petitionId}`);
      const notice = { kind: KIND_OF[event.topic]!, ...text, petitionId: payload.petitionId };
      live.push(...(await writeOutboxNotices(tx, event.id, await recipientsOf(tx, payload), notice, now)));
    }
    return live;
  },
};
