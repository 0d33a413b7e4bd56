import type { NotificationKind } from '@shanzhi/shared';
import type { Tx } from '../../platform/db/database.js';
import type { LiveEvent } from '../../platform/realtime/live-event.js';
import { notificationLiveEvent } from './notifications.presenter.js';
import { notifications } from './notifications.tables.js';

/** One notice an outbox row raises: its kind, words, and what it opens. */
export interface OutboxNotice {
  kind: NotificationKind;
  title: string;
  body: string;
  disputeId?: number;
  petitionId?: number;
}

/**
 * Writes the same in-app notice to each of `userIds` for one outbox row — once per row and user, so a replayed
 * row never notifies twice — and answers the live events for their open streams.
 */
export async function writeOutboxNotices(
  tx: Tx,
  outboxId: number,
  userIds: readonly number[],
  notice: OutboxNotice,
  now: Date,
): Promise<LiveEvent[]> {
  if (userIds.length === 0) return [];
  const written = await tx
    .insert(notifications)
    .values(userIds.map((userId) => ({ userId, ...notice, outboxId, createdAt: now })))
    .onConflictDoNothing({ target: [notifications.outboxId, notifications.userId] })
    .returning();
  return written.map(notificationLiveEvent);
}
