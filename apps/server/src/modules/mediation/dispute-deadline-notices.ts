import { DISPUTE_DEADLINE_EVENTS } from '@shanzhi/shared';
import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import type { OutboxSubscriber } from '../../platform/lifecycle/outbox-subscriber.js';
import type { LiveEvent } from '../../platform/realtime/live-event.js';
import {
  type DeadlineNotificationKind,
  deadlineNotificationText,
} from '../notifications/notification-kinds.js';
import { writeOutboxNotices } from '../notifications/outbox-notices.js';
import type { DisputeOutboxPayload } from './dispute-lifecycle.js';
import { disputes, mediators } from './mediation.tables.js';

/** The notification each of the clock's dispute events raises, as the SLA scan's do for cases. */
const KIND_OF: Record<string, DeadlineNotificationKind> = {
  [DISPUTE_DEADLINE_EVENTS.yellow]: 'sla_warned',
  [DISPUTE_DEADLINE_EVENTS.red]: 'sla_breached',
};

/** The accounts to tell of a dispute's deadline: its mediator's, and those of its committee's mediators. */
async function recipientsOf(db: DbOrTx, payload: DisputeOutboxPayload): Promise<number[]> {
  const ofDispute = [
    ...(payload.mediatorId === null ? [] : [eq(mediators.id, payload.mediatorId)]),
    ...(payload.committeeId === null ? [] : [eq(mediators.committeeId, payload.committeeId)]),
  ];
  if (ofDispute.length === 0) return [];
  const rows = await db
    .select({ userId: mediators.userId })
    .from(mediators)
    .where(and(or(...ofDispute), eq(mediators.active, true), isNotNull(mediators.userId)));
  return [...new Set(rows.map((r) => r.userId!))];
}

/**
 * 调解期限预警 to the people who mediate: when the lights' scan turns a dispute yellow or red, its mediator and
 * the mediators of its committee get the same in-app notification as a case's handlers do — once per turn
 * (one per outbox row and user), in the outbox consumer's transaction, and live on their open streams.
 */
export const disputeDeadlineNotices: OutboxSubscriber = {
  name: 'dispute-deadline-notices',
  topics: Object.values(DISPUTE_DEADLINE_EVENTS),
  async handle(tx, events, now) {
    const payloads = events.map((e) => e.payload as DisputeOutboxPayload);
    const titles = new Map(
      payloads.length === 0
        ? []
        : (
            await tx
              .select({ id: disputes.id, title: disputes.title })
              .from(disputes)
              .where(
                inArray(
                  disputes.id,
                  payloads.map((p) => p.disputeId),
                ),
              )
          ).map((r) => [r.id, r.title]),
    );
    const live: LiveEvent[] = [];
    for (const [i, event] of events.entries()) {
      const payload = payloads[i]!;
      const kind = KIND_OF[event.topic]!;
      const subject = `纠纷 ${payload.disputeNumber}「${titles.get(payload.disputeId) ?? ''}」`;
      const text = deadlineNotificationText(kind, subject, payload.disputeNumber);
      const userIds = await recipientsOf(tx, payload);
      const notice = { kind, ...text, disputeId: payload.disputeId };
      live.push(...(await writeOutboxNotices(tx, event.id, userIds, notice, now)));
    }
    return live;
  },
};
