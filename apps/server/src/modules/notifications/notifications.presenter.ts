import type { NotificationKind, NotificationView } from '@shanzhi/shared';
import type { FreeTextMasking } from '../../platform/auth/free-text-masking.js';
import type { LiveEvent } from '../../platform/realtime/live-event.js';
import type { NotificationRow } from './notifications.repository.js';

/**
 * Row → API shape, for its owner: title and body quote the case's title, so they go through the owner's
 * masking of free text (a supervisor told of a breach reads the phone in the title masked). They are
 * stored as written and masked when read, so a later change of the owner's rights applies to them too.
 */
export function presentNotification(row: NotificationRow, masking: FreeTextMasking): NotificationView {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    title: masking.text(row.title),
    body: masking.text(row.body),
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    disputeId: row.disputeId,
    petitionId: row.petitionId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** A new notification, for its owner's open streams. */
export function notificationLiveEvent(n: NotificationRow): LiveEvent {
  return {
    topic: 'notification.created',
    at: n.createdAt.toISOString(),
    audience: { userIds: [n.userId] },
    data: {
      id: n.id,
      kind: n.kind,
      title: n.title,
      caseId: n.caseId,
      caseNumber: n.caseNumber,
      disputeId: n.disputeId,
      petitionId: n.petitionId,
    },
  };
}
