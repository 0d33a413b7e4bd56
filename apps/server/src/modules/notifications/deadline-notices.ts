import type { Tx } from '../../platform/db/database.js';
import type { OutboxSubscriber } from '../../platform/lifecycle/outbox-subscriber.js';
import type { LiveEvent } from '../../platform/realtime/live-event.js';
import { type DeadlineNotificationKind, deadlineNotificationText } from './notification-kinds.js';
import { type OutboxNotice, writeOutboxNotices } from './outbox-notices.js';

/** A lighted lifecycle whose deadline turns are told to people: what it calls its things, and to whom. */
export interface DeadlineNoticeSource<P> {
  /** who reacts (logs) */
  name: string;
  /** the events of its lights' scan: the yellow turn (80 % used) and the red (passed) */
  events: { yellow: string; red: string };
  /** for each payload of a batch, in order: how a notice names the thing (`纠纷 …「…」`) and its number */
  subjectsOf(tx: Tx, payloads: readonly P[]): Promise<{ subject: string; number: string }[]>;
  /** the accounts to tell of one thing's turn */
  recipientsOf(tx: Tx, payload: P): Promise<number[]>;
  /** what the notice opens (`{ disputeId }` …) */
  linkOf(payload: P): Pick<OutboxNotice, 'disputeId' | 'petitionId'>;
}

/**
 * 期限预警 of a lighted lifecycle: when its lights' scan turns a thing yellow or red, its people get the same
 * in-app notification as a case's handlers do — once per turn (one per outbox row and user), in the outbox
 * consumer's transaction, and live on their open streams.
 */
export function deadlineNotices<P>(source: DeadlineNoticeSource<P>): OutboxSubscriber {
  const kindOf: Record<string, DeadlineNotificationKind> = {
    [source.events.yellow]: 'sla_warned',
    [source.events.red]: 'sla_breached',
  };
  return {
    name: source.name,
    topics: [source.events.yellow, source.events.red],
    async handle(tx, events, now) {
      const payloads = events.map((e) => e.payload as P);
      const subjects = payloads.length === 0 ? [] : await source.subjectsOf(tx, payloads);
      const live: LiveEvent[] = [];
      for (const [i, event] of events.entries()) {
        const payload = payloads[i]!;
        const kind = kindOf[event.topic]!;
        const { subject, number } = subjects[i]!;
        const notice = {
          kind,
          ...deadlineNotificationText(kind, subject, number),
          ...source.linkOf(payload),
        };
        const userIds = await source.recipientsOf(tx, payload);
        live.push(...(await writeOutboxNotices(tx, event.id, userIds, notice, now)));
      }
      return live;
    },
  };
}
