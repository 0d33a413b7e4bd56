import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import type { CaseRow } from '../cases/cases.repository.js';
import { caseSuggestions, classifierFeedback } from './intelligence.tables.js';

/**
 * 训练信号: when the unit a case was sent to by 智能派单 returns it, records what the model predicted (with
 * its confidence and version) and the return's reason. The correct unit is the one the case is finally
 * handled by; retraining from history reads it from the case itself. Called inside the return's transaction.
 */
export async function recordReturnOfAutoDispatch(
  tx: DbOrTx,
  row: CaseRow,
  reason: string,
  now: Date,
): Promise<boolean> {
  if (row.leadUnitId === null) return false;
  const [suggestion] = await tx
    .select()
    .from(caseSuggestions)
    .where(
      and(
        eq(caseSuggestions.caseId, row.id),
        eq(caseSuggestions.autoDispatched, true),
        eq(caseSuggestions.unitId, row.leadUnitId),
      ),
    );
  if (!suggestion) return false;
  await tx.insert(classifierFeedback).values({
    caseId: row.id,
    kind: 'unit',
    predictedId: suggestion.unitId,
    correctedId: null,
    confidence: suggestion.unitConfidence,
    modelVersion: suggestion.unitModelVersion ?? suggestion.categoryModelVersion,
    reason,
    createdAt: now,
  });
  return true;
}
