import { CASE_ACTION_EVENTS } from '@shanzhi/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import type { OutboxEvent, OutboxSubscriber } from '../../platform/lifecycle/outbox-subscriber.js';
import { caseEvents } from '../cases/case-events.tables.js';
import type { OutboxCasePayload } from '../cases/case-outbox.js';
import { caseSuggestions, classifierFeedback } from './intelligence.tables.js';

/** A return as its timeline event records it: who returned the case, why, when. */
interface ReturnFact {
  caseId: number;
  returnedByOrgId: number;
  reason: string;
  at: Date;
}

async function returnFactsOf(tx: Tx, events: readonly OutboxEvent[]): Promise<ReturnFact[]> {
  const eventIds = events.map((e) => (e.payload as OutboxCasePayload).eventId);
  const rows = await tx
    .select({
      caseId: caseEvents.caseId,
      changes: caseEvents.changes,
      note: caseEvents.note,
      at: caseEvents.at,
    })
    .from(caseEvents)
    .where(inArray(caseEvents.id, eventIds));
  return rows.flatMap((r) => {
    const by = (r.changes as { returnedByOrgId?: unknown }).returnedByOrgId;
    return typeof by === 'number'
      ? [{ caseId: r.caseId, returnedByOrgId: by, reason: r.note ?? '', at: r.at }]
      : [];
  });
}

/**
 * 训练信号: when the unit a case was sent to by 智能派单 returns it, records what the model predicted (with
 * its confidence and version) and the return's reason. The correct unit is the one the case is finally
 * handled by; retraining from history reads it from the case itself. Fed by the `case.returned` events of the
 * outbox, after the return committed — the return itself knows nothing of the classifier.
 */
export const classifierFeedbackOnReturn: OutboxSubscriber = {
  name: 'classifier-feedback',
  topics: [CASE_ACTION_EVENTS.return],
  async handle(tx, events) {
    for (const fact of await returnFactsOf(tx, events)) {
      const [suggestion] = await tx
        .select()
        .from(caseSuggestions)
        .where(
          and(
            eq(caseSuggestions.caseId, fact.caseId),
            eq(caseSuggestions.autoDispatched, true),
            eq(caseSuggestions.unitId, fact.returnedByOrgId),
          ),
        );
      if (!suggestion) continue;
      await tx.insert(classifierFeedback).values({
        caseId: fact.caseId,
        kind: 'unit',
        predictedId: suggestion.unitId,
        correctedId: null,
        confidence: suggestion.unitConfidence,
        modelVersion: suggestion.unitModelVersion ?? suggestion.categoryModelVersion,
        reason: fact.reason,
        createdAt: fact.at,
      });
    }
  },
};
