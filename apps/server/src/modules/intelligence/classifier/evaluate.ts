import {
  type AutoDispatchFigures,
  autoDispatchFigures,
  expectedCalibrationError,
  round4,
  roundFigures,
  type TopAnswer,
} from './calibration.js';
import { predict, type TextClassifier, type TrainingExample } from './train.js';

/** Precision, recall and F1 of one category. */
export interface LabelMetrics {
  precision: number;
  recall: number;
  f1: number;
  /** messages whose true label this is */
  support: number;
}

/** How well a classifier did on labelled messages. */
export interface EvaluationReport {
  n: number;
  /** share of messages whose top prediction is the true label */
  accuracy: number;
  /** unweighted mean of the per-label F1 over every label that is true or predicted at least once */
  macro_f1: number;
  per_label: Record<string, LabelMetrics>;
  /** mean wall-clock milliseconds per `predict` call (0 when not measured) */
  ms_per_item: number;
}

/** Accuracy, macro-F1 and per-label figures from true and predicted labels (pure; no model involved). */
export function scorePredictions(
  gold: readonly string[],
  predicted: readonly string[],
  msPerItem = 0,
): EvaluationReport {
  if (gold.length !== predicted.length) throw new RangeError('gold and predicted labels differ in length');
  const labels = [...new Set([...gold, ...predicted])].sort();
  const truePositive = new Map<string, number>();
  const goldCount = new Map<string, number>();
  const predictedCount = new Map<string, number>();
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i]!;
    const p = predicted[i]!;
    goldCount.set(g, (goldCount.get(g) ?? 0) + 1);
    predictedCount.set(p, (predictedCount.get(p) ?? 0) + 1);
    if (g === p) {
      correct++;
      truePositive.set(g, (truePositive.get(g) ?? 0) + 1);
    }
  }
  const perLabel: Record<string, LabelMetrics> = {};
  let f1Sum = 0;
  for (const label of labels) {
    const tp = truePositive.get(label) ?? 0;
    const support = goldCount.get(label) ?? 0;
    const predictedTotal = predictedCount.get(label) ?? 0;
    const precision = predictedTotal > 0 ? tp / predictedTotal : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perLabel[label] = { precision, recall, f1, support };
    f1Sum += f1;
  }
  return {
    n: gold.length,
    accuracy: gold.length > 0 ? correct / gold.length : 0,
    macro_f1: labels.length > 0 ? f1Sum / labels.length : 0,
    per_label: perLabel,
    ms_per_item: msPerItem,
  };
}

/** An evaluation with the calibration figures of the model's probabilities. */
export interface CalibratedEvaluationReport extends EvaluationReport {
  /** expected calibration error (10 bins) of the top probabilities on these messages */
  ece: number;
  /** automatic dispatch at the threshold on these messages (absent when no threshold was given) */
  auto_dispatch?: AutoDispatchFigures;
}

/**
 * Classifies every message with `predict` (the production path), scores the top answers and measures how
 * well the probabilities are calibrated; with a threshold, also the share of messages automatic dispatch
 * would take and how many of those it would get right.
 */
export function evaluate(
  model: TextClassifier,
  examples: readonly TrainingExample[],
  options: { threshold?: number } = {},
): CalibratedEvaluationReport {
  const started = performance.now();
  const top = examples.map((e) => predict(model, e.text, 1)[0]);
  const elapsed = performance.now() - started;
  const answers: TopAnswer[] = top.map((p, i) => ({
    confidence: p?.probability ?? 0,
    correct: p?.label === examples[i]!.label,
  }));
  const report = scorePredictions(
    examples.map((e) => e.label),
    top.map((p) => p?.label ?? ''),
    examples.length > 0 ? elapsed / examples.length : 0,
  );
  return {
    ...report,
    ece: round4(expectedCalibrationError(answers)),
    ...(options.threshold !== undefined
      ? { auto_dispatch: roundFigures(autoDispatchFigures(answers, options.threshold)) }
      : {}),
  };
}
