import { DISPUTE_DEADLINE_EVENTS } from '@shanzhi/shared';
import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { deadlineNotices } from '../notifications/deadline-notices.js';
import type { DisputeOutboxPayload } from './dispute-lifecycle.js';
import { disputes, mediators } from './mediation.tables.js';

/**
 * 调解期限预警 to the people who mediate — the dispute's mediator and the mediators of its committee — when the
 * lights' scan turns a dispute yellow or red.
 */
export const disputeDeadlineNotices = deadlineNotices<DisputeOutboxPayload>({
  name: 'dispute-deadline-notices',
  events: DISPUTE_DEADLINE_EVENTS,
  async subjectsOf(tx, payloads) {
    const rows = await tx
      .select({ id: disputes.id, title: disputes.title })
      .from(disputes)
      .where(
        inArray(
          disputes.id,
          payloads.map((p) => p.disputeId),
        ),
      );
    const titles = new Map(rows.map((r) => [r.id, r.title]));
    return payloads.map((p) => ({
      subject: `纠纷 ${p.disputeNumber}「${titles.get(p.disputeId) ?? ''}」`,
      number: p.disputeNumber,
    }));
  },
  async recipientsOf(tx, payload) {
    const ofDispute = [
      ...(payload.mediatorId === null ? [] : [eq(mediators.id, payload.mediatorId)]),
      ...(payload.committeeId === null ? [] : [eq(mediators.committeeId, payload.committeeId)]),
    ];
    if (ofDispute.length === 0) return [];
    const rows = await tx
      .select({ userId: mediators.userId })
      .from(mediators)
      .where(and(or(...ofDispute), eq(mediators.active, true), isNotNull(mediators.userId)));
    return [...new Set(rows.map((r) => r.userId!))];
  },
  linkOf: (payload) => ({ disputeId: payload.disputeId }),
});
