import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { type Classification, classifyMessage } from './classify.service.js';
import { caseSuggestions } from './intelligence.tables.js';

/**
 * The classifier's suggestion for a case being registered — categories, unit and confidence, the 110
 * verdict — computed before the registering statement (the model is in memory; the label mapping is cached).
 * A suggestion only: whether the case is dispatched on it is decided and done by cases (智能派单,
 * `cases/auto-dispatch.ts`). Never fails registration: a broken model is logged and means no suggestion.
 */
export async function suggestForIntake(
  ctx: AppContext,
  input: { title: string | null; content: string },
): Promise<Classification | null> {
  try {
    return await classifyMessage(ctx, { title: input.title, description: input.content });
  } catch (error) {
    ctx.logger.error({ err: error }, 'intake classification failed; registering without a suggestion');
    return null;
  }
}

/**
 * The insert of a new case's suggestion — and whether cases dispatched on it — kept as the training signal's
 * reference (a later return of the case corrects it), for the registration's own statement.
 */
export function suggestionInsert(
  db: DbOrTx,
  caseId: number,
  suggestion: Classification,
  autoDispatched: boolean,
  now: Date,
) {
  const top = suggestion.categories[0];
  return db.insert(caseSuggestions).values({
    caseId,
    categoryId: top?.categoryId ?? null,
    categoryConfidence: top?.probability ?? null,
    unitId: suggestion.unit?.orgId ?? null,
    unitConfidence: suggestion.unit?.probability ?? null,
    policeFlagged: suggestion.police.flagged,
    policeScore: suggestion.police.score,
    policeReasons: suggestion.police.reasons,
    categoryModelVersion: suggestion.modelVersion,
    unitModelVersion: suggestion.unitModelVersion,
    autoDispatched,
    createdAt: now,
  });
}
