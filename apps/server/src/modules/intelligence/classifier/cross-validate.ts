import {
  type AutoDispatchFigures,
  autoDispatchFigures,
  expectedCalibrationError,
  round4,
  roundFigures,
  type TopAnswer,
} from './calibration.js';
import { type EvaluationReport, scorePredictions } from './evaluate.js';
import { assignStratifiedFolds } from './folds.js';
import { scoreRow, softmax } from './linear-model.js';
import { vectoriseCounts } from './tfidf.js';
import {
  featuriseExamples,
  fitFeaturised,
  resolveFeatureConfig,
  type TrainingExample,
  type TrainOptions,
  topAnswer,
} from './train.js';

/** Options of a cross-validation run: the training options plus the fold seed. */
export interface CrossValidateOptions extends TrainOptions {
  /** seed of the stratified fold assignment */
  foldSeed?: number;
  /** the auto-dispatch threshold whose coverage and accuracy are reported (none when not given) */
  threshold?: number;
}

/** Figures of one fold. */
export interface FoldReport {
  fold: number;
  /** training messages */
  train_n: number;
  /** held-out messages */
  n: number;
  accuracy: number;
  macro_f1: number;
  /** training time of this fold's model */
  train_seconds: number;
}

/** Per-fold figures, their mean and standard deviation, and the pooled out-of-fold report. */
export interface CrossValidationReport {
  folds: FoldReport[];
  mean: { accuracy: number; macro_f1: number };
  std: { accuracy: number; macro_f1: number };
  /** all out-of-fold predictions scored together */
  pooled: EvaluationReport;
  /**
   * expected calibration error (10 bins) of the calibrated top probabilities over all held-out messages; each
   * fold's model calibrated itself on its own training messages only. Null when calibration was skipped.
   */
  ece: number | null;
  /** automatic dispatch at `threshold` over all held-out messages (null without a threshold or calibration) */
  auto_dispatch: AutoDispatchFigures | null;
}

/** Seed of the fold assignment unless told otherwise. */
export const DEFAULT_FOLD_SEED = 7;

/**
 * The fold of each message in cross-validation (stratified by label, labels numbered as they first occur), so
 * that another model can be measured on exactly the same folds.
 */
export function crossValidationFolds(labels: readonly string[], folds: number, seed = DEFAULT_FOLD_SEED) {
  const labelIds = new Map<string, number>();
  const y = Int32Array.from(labels, (l) => {
    if (!labelIds.has(l)) labelIds.set(l, labelIds.size);
    return labelIds.get(l)!;
  });
  return assignStratifiedFolds(y, folds, seed);
}

/**
 * Stratified k-fold cross-validation: each fold's model (vocabulary, idf, weights and its calibration) is
 * fitted on the other folds only, then scores its held-out messages. Messages are segmented once for all
 * folds. `calibrationFolds: 0` skips calibration (faster; no ECE), since it does not change the top label.
 */
export function crossValidate(
  examples: readonly TrainingExample[],
  folds: number,
  options: CrossValidateOptions = {},
): CrossValidationReport {
  if (!Number.isInteger(folds) || folds < 2) throw new RangeError('folds must be an integer ≥ 2');
  const data = featuriseExamples(examples, resolveFeatureConfig(options.features));
  const fold = crossValidationFolds(data.labels, folds, options.foldSeed ?? DEFAULT_FOLD_SEED);
  const predicted = new Array<string>(examples.length);
  const answers: TopAnswer[] = [];
  const reports: FoldReport[] = [];
  for (let f = 0; f < folds; f++) {
    const started = performance.now();
    const trainRows: number[] = [];
    const testRows: number[] = [];
    for (let i = 0; i < examples.length; i++) (fold[i] === f ? testRows : trainRows).push(i);
    const model = fitFeaturised(data, Int32Array.from(trainRows), options, started);
    const calibrated = model.calibration !== undefined;
    for (const i of testRows) {
      const scores = scoreRow(
        model.weights,
        vectoriseCounts(data.counts[i]!, model.vocabulary, model.features.charWeight),
      );
      const answer = topAnswer(softmax(scores, model.temperature), model.labels.indexOf(data.labels[i]!));
      let best = 0;
      for (let l = 1; l < scores.length; l++) if (scores[l]! > scores[best]!) best = l;
      predicted[i] = model.labels[best]!;
      if (calibrated) answers.push(answer);
    }
    const report = scorePredictions(
      testRows.map((i) => data.labels[i]!),
      testRows.map((i) => predicted[i]!),
    );
    reports.push({
      fold: f,
      train_n: trainRows.length,
      n: testRows.length,
      accuracy: report.accuracy,
      macro_f1: report.macro_f1,
      train_seconds: model.training.seconds,
    });
    options.log?.(
      `fold ${f + 1}/${folds}: accuracy ${report.accuracy.toFixed(4)}, macro-F1 ${report.macro_f1.toFixed(4)}`,
    );
  }
  return {
    folds: reports,
    mean: { accuracy: mean(reports.map((r) => r.accuracy)), macro_f1: mean(reports.map((r) => r.macro_f1)) },
    std: { accuracy: std(reports.map((r) => r.accuracy)), macro_f1: std(reports.map((r) => r.macro_f1)) },
    pooled: scorePredictions(data.labels, predicted),
    ece: answers.length > 0 ? round4(expectedCalibrationError(answers)) : null,
    auto_dispatch:
      answers.length > 0 && options.threshold !== undefined
        ? roundFigures(autoDispatchFigures(answers, options.threshold))
        : null,
  };
}

function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

function std(xs: number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length);
}
