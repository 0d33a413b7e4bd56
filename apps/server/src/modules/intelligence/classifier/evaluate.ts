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

/** Classifies every message with `predict` (the production path) and scores the top answers. */
export function evaluate(model: TextClassifier, examples: readonly TrainingExample[]): EvaluationReport {
  const started = performance.now();
  const predicted = examples.map((e) => predict(model, e.text, 1)[0]?.label ?? '');
  const elapsed = performance.now() - started;
  return scorePredictions(
    examples.map((e) => e.label),
    predicted,
    examples.length > 0 ? elapsed / examples.length : 0,
  );
}
