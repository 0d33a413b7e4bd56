import { asc, inArray, isNull } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/database.js';
import { outbox } from '../../../platform/lifecycle/outbox.tables.js';
import type { OutboxSubscriber } from '../../../platform/lifecycle/outbox-subscriber.js';
import type { LiveEvent } from '../../../platform/realtime/live-event.js';
import { publishLiveEvents } from '../../../platform/realtime/realtime.js';
import type { OutboxCasePayload } from '../../cases/case-outbox.js';
import { type CaseFacts, casePathsOf, loadCaseFacts } from '../case-facts.repository.js';
import { type PlannedCitizenNotice, planCitizenNotices } from '../citizen-notices.js';
import { notificationText } from '../notification-kinds.js';
import { planNotifications } from '../notification-recipients.js';
import { notificationLiveEvent } from '../notifications.presenter.js';
import { citizenNotifications, notifications } from '../notifications.tables.js';
import { StaffDirectory } from '../staff-directory.js';

/** What one run of the consumer did. */
export interface OutboxDispatchResult {
  /** outbox rows marked processed */
  processed: number;
  /** in-app notifications written */
  notifications: number;
  /** notices for citizens of merged duplicates written */
  citizenNotices: number;
  /** events published on the live bus */
  liveEvents: number;
}

type NewNotification = typeof notifications.$inferInsert;

/**
 * The outbox consumer: claims unprocessed rows in id order, a batch per transaction with
 * `FOR UPDATE SKIP LOCKED` (so consumers in several processes take disjoint batches and never wait for each
 * other), writes the in-app notifications and citizen notices each row calls for, and marks the rows
 * processed in the same transaction — a row is handled exactly once, and a crash mid-batch leaves it for the
 * next run. Other modules' `subscribers` react to the batch's events of their topics in that same
 * transaction (the classifier's training signal from `case.returned` …). After each commit the batch's live
 * events go out on the bus (best effort: the rows are the record). Rows of topics nobody knows are marked
 * processed without effect.
 */
export async function runOutboxDispatch(
  ctx: AppContext,
  options: { batchSize?: number; subscribers?: readonly OutboxSubscriber[] } = {},
): Promise<OutboxDispatchResult> {
  const batchSize = options.batchSize ?? 100;
  const subscribers = options.subscribers ?? [];
  const total: OutboxDispatchResult = { processed: 0, notifications: 0, citizenNotices: 0, liveEvents: 0 };
  for (;;) {
    const now = ctx.clock.now();
    const batch = await ctx.db.transaction((tx) => dispatchBatch(ctx, tx, now, batchSize, subscribers));
    total.processed += batch.claimed;
    total.notifications += batch.notifications;
    total.citizenNotices += batch.citizenNotices;
    if (batch.live.length > 0) {
      try {
        await publishLiveEvents(ctx, batch.live);
        total.liveEvents += batch.live.length;
      } catch (error) {
        ctx.logger.warn({ err: error, events: batch.live.length }, 'live events not published');
      }
    }
    if (batch.claimed < batchSize) return total;
  }
}

async function dispatchBatch(
  ctx: AppContext,
  tx: Tx,
  now: Date,
  batchSize: number,
  subscribers: readonly OutboxSubscriber[],
) {
  const rows = await tx
    .select()
    .from(outbox)
    .where(isNull(outbox.processedAt))
    .orderBy(asc(outbox.id))
    .limit(batchSize)
    .for('update', { skipLocked: true });
  if (rows.length === 0) return { claimed: 0, notifications: 0, citizenNotices: 0, live: [] };
  const caseRows = rows.filter((r) => r.topic.startsWith('case.'));
  const facts = await loadCaseFacts(
    tx,
    caseRows.map((r) => r.payload as OutboxCasePayload),
  );
  const staff = new StaffDirectory(tx);
  const planned: NewNotification[] = [];
  const notices: (PlannedCitizenNotice & { outboxId: number })[] = [];
  const live: LiveEvent[] = [];
  for (const row of caseRows) {
    const payload = row.payload as OutboxCasePayload;
    const paths = casePathsOf(payload, facts);
    live.push(caseLiveEvent(row.topic, payload, paths));
    planned.push(...(await notificationsOf(row.id, row.topic, payload, paths, facts, staff, now)));
    notices.push(...citizenNoticesOf(row.topic, payload, facts).map((n) => ({ ...n, outboxId: row.id })));
  }
  const written =
    planned.length === 0
      ? []
      : await tx
          .insert(notifications)
          .values(planned)
          .onConflictDoNothing({ target: [notifications.outboxId, notifications.userId] })
          .returning();
  if (notices.length > 0) {
    await tx
      .insert(citizenNotifications)
      .values(notices.map((n) => ({ ...n, createdAt: now })))
      .onConflictDoNothing({ target: [citizenNotifications.outboxId, citizenNotifications.caseId] });
  }
  for (const n of written) live.push(notificationLiveEvent(n));
  for (const subscriber of subscribers) {
    const events = rows.filter((r) => subscriber.topics.includes(r.topic));
    if (events.length > 0) live.push(...((await subscriber.handle(tx, events, now, ctx)) ?? []));
  }
  await tx
    .update(outbox)
    .set({ processedAt: now })
    .where(
      inArray(
        outbox.id,
        rows.map((r) => r.id),
      ),
    );
  return { claimed: rows.length, notifications: written.length, citizenNotices: notices.length, live };
}

async function notificationsOf(
  outboxId: number,
  topic: string,
  payload: OutboxCasePayload,
  paths: string[],
  facts: CaseFacts,
  staff: StaffDirectory,
  now: Date,
): Promise<NewNotification[]> {
  const owner = facts.orgs.get(payload.currentOrgId);
  const plan = await planNotifications(topic, payload, { ownerPath: owner?.path, paths }, staff);
  const title = facts.cases.get(payload.caseId)?.title ?? '';
  return plan.flatMap(({ kind, userIds }) => {
    const text = notificationText(kind, { number: payload.caseNumber, title });
    return userIds.map((userId) => ({
      userId,
      kind,
      ...text,
      caseId: payload.caseId,
      caseNumber: payload.caseNumber,
      outboxId,
      createdAt: now,
    }));
  });
}

function citizenNoticesOf(topic: string, payload: OutboxCasePayload, facts: CaseFacts) {
  const subject = facts.cases.get(payload.caseId);
  if (!subject) return [];
  const master = payload.masterCaseId === null ? undefined : facts.cases.get(payload.masterCaseId);
  return planCitizenNotices(topic, payload, subject, master, facts.duplicatesOf.get(payload.caseId) ?? []);
}

/** A case event for the SSE clients whose scope holds the case. */
function caseLiveEvent(topic: string, payload: OutboxCasePayload, paths: string[]): LiveEvent {
  return {
    topic,
    at: payload.at,
    audience: { orgPaths: paths, permission: 'case.read' },
    data: {
      caseId: payload.caseId,
      caseNumber: payload.caseNumber,
      eventId: payload.eventId,
      seq: payload.seq,
      state: payload.state,
      light: payload.light,
      actorUserId: payload.actorUserId,
    },
  };
}
