import type { AppContext } from '../../platform/context.js';
import { scorePredictions } from './classifier/evaluate.js';
import { predict, type TextClassifier } from './classifier/train.js';
import { categoryExamples, type HistoryCase, loadClosedCases, unitExamples } from './history-dataset.js';
import { mapCategoryLabels } from './label-mapping.js';
import { loadedModels, refreshModels } from './model-registry.js';
import type { ModelKind } from './model-store.repository.js';
import { newVersion, storeModel, type Trainer, trainInProcess } from './model-training.service.js';

/** Fewest closed cases a retrain needs (fewer: it does nothing and says so). */
export const MIN_HISTORY_CASES = 50;
/** Share of the newest closed cases held back to compare the new model with the active one. */
export const HELD_BACK_SHARE = 0.1;

/** What a retrain did for one kind of model. */
export interface RetrainOutcome {
  kind: ModelKind;
  version: string;
  /** accuracy and macro-F1 of the new and the active model on the held-back slice */
  candidate: { accuracy: number; macro_f1: number };
  active: { version: string; accuracy: number; macro_f1: number } | null;
  activated: boolean;
}

/** The result of `retrainFromHistory`. */
export interface RetrainResult {
  /** closed cases used (training + held back) */
  n: number;
  heldBack: number;
  /** why nothing was trained, when nothing was */
  skipped?: string;
  outcomes: RetrainOutcome[];
}

/** Category predictions compared at the area level, the one level every category model answers at. */
async function areaScorer(ctx: AppContext, models: TextClassifier[]) {
  const mapping = await mapCategoryLabels(ctx.db, [...new Set(models.flatMap((m) => m.labels))]);
  const areaOf = (label: string) => mapping.get(label)?.code.split('.')[0] ?? `?${label}`;
  return (model: TextClassifier, test: readonly HistoryCase[]) =>
    scorePredictions(
      test.map((c) => c.categoryCode.split('.')[0]!),
      test.map((c) => areaOf(predict(model, c.text, 1)[0]?.label ?? '')),
    );
}

function unitScore(model: TextClassifier, test: readonly HistoryCase[]) {
  return scorePredictions(
    test.map((c) => c.unitCode),
    test.map((c) => predict(model, c.text, 1)[0]?.label ?? ''),
  );
}

/**
 * 以史为师: trains new category and unit models from the platform's closed cases, holds back the newest tenth,
 * measures the new and the active model on it, stores the new version and activates it only when it beats
 * the active one (higher accuracy; macro-F1 breaks a tie). `log` receives one line per figure.
 */
export async function retrainFromHistory(
  ctx: AppContext,
  options: { trainer?: Trainer; log?: (line: string) => void; minCases?: number } = {},
): Promise<RetrainResult> {
  const log = options.log ?? ((line: string) => ctx.logger.info(line));
  const trainer = options.trainer ?? trainInProcess;
  await refreshModels(ctx);
  const history = await loadClosedCases(ctx.db);
  const minCases = options.minCases ?? MIN_HISTORY_CASES;
  if (history.length < minCases) {
    const skipped = `only ${history.length} closed cases (need ${minCases}); nothing trained`;
    log(skipped);
    return { n: history.length, heldBack: 0, skipped, outcomes: [] };
  }
  const heldBack = Math.max(1, Math.round(history.length * HELD_BACK_SHARE));
  const train = history.slice(0, history.length - heldBack);
  const test = history.slice(history.length - heldBack);
  const outcomes: RetrainOutcome[] = [];
  for (const kind of ['category', 'unit'] as const) {
    const examples = kind === 'category' ? categoryExamples(train) : unitExamples(train);
    if (new Set(examples.map((e) => e.label)).size < 2) {
      log(`${kind}: fewer than two labels in history; skipped`);
      continue;
    }
    const candidate = await trainer(examples, newVersion(kind, ctx.clock.now()));
    const active = loadedModels(ctx)[kind];
    const score =
      kind === 'category'
        ? await areaScorer(ctx, active ? [candidate, active] : [candidate])
        : (m: TextClassifier, t: readonly HistoryCase[]) => unitScore(m, t);
    const mine = score(candidate, test);
    const theirs = active ? score(active, test) : null;
    const better =
      theirs === null ||
      mine.accuracy > theirs.accuracy ||
      (mine.accuracy === theirs.accuracy && mine.macro_f1 > theirs.macro_f1);
    log(
      `${kind}: new ${candidate.version} accuracy ${mine.accuracy.toFixed(4)} macro-F1 ${mine.macro_f1.toFixed(4)}` +
        (theirs && active
          ? ` vs active ${active.version} accuracy ${theirs.accuracy.toFixed(4)} macro-F1 ${theirs.macro_f1.toFixed(4)}`
          : ' (no active model)') +
        ` on the newest ${test.length} cases → ${better ? 'activated' : 'kept the active one'}`,
    );
    await storeModel(ctx, candidate, kind, {
      source: 'history',
      activate: better,
      metrics: {
        slice: `newest ${test.length} closed cases`,
        accuracy: mine.accuracy,
        macro_f1: mine.macro_f1,
        per_label: mine.per_label,
        ...(theirs && active
          ? {
              compared_with: {
                version: active.version,
                accuracy: theirs.accuracy,
                macro_f1: theirs.macro_f1,
              },
            }
          : {}),
      },
    });
    outcomes.push({
      kind,
      version: candidate.version,
      candidate: { accuracy: mine.accuracy, macro_f1: mine.macro_f1 },
      active:
        theirs && active
          ? { version: active.version, accuracy: theirs.accuracy, macro_f1: theirs.macro_f1 }
          : null,
      activated: better,
    });
  }
  return { n: history.length, heldBack, outcomes };
}
