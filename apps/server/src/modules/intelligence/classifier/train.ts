import { createHash } from 'node:crypto';
import {
  type AutoDispatchFigures,
  autoDispatchCurve,
  expectedCalibrationError,
  round4,
  type TopAnswer,
} from './calibration.js';
import { DEFAULT_MEMBERS, type EnsembleMember, trainEnsemble } from './ensemble.js';
import { FeatureCounter, type HashedCounts } from './feature-hashes.js';
import { assignStratifiedFolds } from './folds.js';
import { fitTemperature, type LinearWeights, type SvmOptions, scoreRow, softmax } from './linear-model.js';
import { countMessageFeatures } from './message-features.js';
import { ScoringTable } from './scoring-table.js';
import { DEFAULT_FEATURE_CONFIG, extractWords, type FeatureConfig } from './text-features.js';
import {
  fitVocabulary,
  type SparseVector,
  toSparseMatrix,
  type Vocabulary,
  vectoriseCounts,
} from './tfidf.js';

/** One labelled citizen message. */
export interface TrainingExample {
  /** the message: a raw title+body, or words already segmented and joined by spaces */
  text: string;
  /** its category (e.g. 一级分类 城乡建设) */
  label: string;
}

/** How to train; every field has a default chosen by cross-validation on the 2020 TipDM messages. */
export interface TrainOptions {
  /** featurisation; merged over DEFAULT_FEATURE_CONFIG */
  features?: Partial<FeatureConfig>;
  /** the linear SVM; merged over DEFAULT_SVM_OPTIONS */
  svm?: Partial<SvmOptions>;
  /** the model families averaged into the classifier (DEFAULT_MEMBERS: SVM and NB-SVM) */
  members?: readonly EnsembleMember[];
  /**
   * folds of the internal split on whose held-back messages the probability temperature is fitted (default
   * DEFAULT_CALIBRATION_FOLDS); 0 or 1 = skip (temperature 1)
   */
  calibrationFolds?: number;
  /** version string stored in the artefact; by default date + content hash */
  version?: string;
  /** clock, so that tests can fix the creation date */
  now?: () => Date;
  /** progress messages (for a CLI's stderr) */
  log?: (message: string) => void;
}

/** Default SVM hyper-parameters. */
export const DEFAULT_SVM_OPTIONS: SvmOptions = {
  c: 2,
  maxEpochs: 30,
  tolerance: 0.1,
  balanced: true,
  nbScaling: false,
  seed: 42,
};

/** Folds of the internal split that calibrates the probabilities, unless told otherwise. */
export const DEFAULT_CALIBRATION_FOLDS = 3;

/**
 * How the probabilities were calibrated, and how the calibrated model did on the messages held back for it
 * (models of the internal split, each trained on the other folds): what an administrator reads before moving
 * the auto-dispatch threshold.
 */
export interface CalibrationSummary {
  method: 'temperature';
  /** the softmax temperature over the averaged margins */
  temperature: number;
  /** folds of the internal split */
  folds: number;
  /** held-back messages the figures are measured on */
  n: number;
  /** top-label accuracy on them */
  accuracy: number;
  /** expected calibration error (10 bins) on them, after calibration */
  ece: number;
  /** coverage and accuracy of automatic dispatch at each of CURVE_THRESHOLDS */
  autoDispatch: AutoDispatchFigures[];
}

/** What the artefact records about the data a model was trained on. */
export interface TrainingSummary {
  /** number of training messages */
  n: number;
  /** messages per label */
  labelCounts: Record<string, number>;
  /** number of features (columns) kept */
  featureCount: number;
  /** wall-clock training time in seconds */
  seconds: number;
  /** the SVM hyper-parameters used */
  svm: SvmOptions;
  /** the model families averaged (absent in models of a single SVM) */
  members?: EnsembleMember[];
  /** folds used to fit the temperature (0 = none) */
  calibrationFolds: number;
}

/** A trained text classifier: everything needed to predict, and what goes into the artefact. */
export interface TextClassifier {
  /** version string of this model, e.g. `20250101T120000Z-3fa2c1d0` */
  version: string;
  /** ISO date of training */
  createdAt: string;
  /** the categories, in the order of the weight columns */
  labels: string[];
  /** how texts are featurised */
  features: FeatureConfig;
  /** feature hashes and idf */
  vocabulary: Vocabulary;
  /** the SVM weights */
  weights: LinearWeights;
  /** softmax temperature over SVM margins, fitted on held-out margins */
  temperature: number;
  /** how the temperature was fitted and what it gave on held-back messages (absent when not calibrated) */
  calibration?: CalibrationSummary;
  /** the training data in figures */
  training: TrainingSummary;
  /** evaluation figures, if someone measured them (e.g. cross-validation) */
  metrics?: Record<string, unknown>;
}

/** One ranked answer of `predict`. */
export interface Prediction {
  label: string;
  /** calibrated probability in [0, 1]; the k answers need not sum to 1 */
  probability: number;
}

/** Messages turned into per-message feature counts once, so that folds and calibration reuse them. */
export interface FeaturisedExamples {
  features: FeatureConfig;
  counts: HashedCounts[];
  labels: string[];
}

/** Segments and counts the features of every message (the slow part of training: jieba). */
export function featuriseExamples(
  examples: readonly TrainingExample[],
  features: FeatureConfig,
): FeaturisedExamples {
  const counter = new FeatureCounter();
  return {
    features,
    counts: examples.map((e) => {
      counter.count(extractWords(e.text, features.dropStopWords), features);
      return counter.snapshot();
    }),
    labels: examples.map((e) => e.label),
  };
}

/** The full feature configuration from defaults and overrides. */
export function resolveFeatureConfig(overrides: Partial<FeatureConfig> = {}): FeatureConfig {
  return { ...DEFAULT_FEATURE_CONFIG, ...overrides };
}

/** Trains a classifier on labelled messages (see TrainOptions for the knobs). */
export function trainClassifier(
  examples: readonly TrainingExample[],
  options: TrainOptions = {},
): TextClassifier {
  const started = performance.now();
  const features = resolveFeatureConfig(options.features);
  options.log?.(`featurising ${examples.length} messages`);
  const data = featuriseExamples(examples, features);
  return fitFeaturised(data, null, options, started);
}

/**
 * Fits a classifier on the rows of already featurised messages (all rows when `rows` is null).
 * `started` is the performance.now() at which the caller began, for the training time.
 */
export function fitFeaturised(
  data: FeaturisedExamples,
  rows: Int32Array | null,
  options: TrainOptions = {},
  started = performance.now(),
): TextClassifier {
  const pick = rows ?? Int32Array.from({ length: data.counts.length }, (_, i) => i);
  if (pick.length === 0) throw new RangeError('cannot train a classifier on no examples');
  const counts = Array.from(pick, (i) => data.counts[i]!);
  const textLabels = Array.from(pick, (i) => data.labels[i]!);
  const labels = [...new Set(textLabels)].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const y = Int32Array.from(textLabels, (l) => labelIndex.get(l)!);
  const svm: SvmOptions = { ...DEFAULT_SVM_OPTIONS, ...options.svm };
  const members = [...(options.members ?? DEFAULT_MEMBERS)];
  const vocabulary = fitVocabulary(counts, data.features.minDf);
  const vectors = counts.map((c) => vectoriseCounts(c, vocabulary, data.features.charWeight));
  options.log?.(
    `${vocabulary.keys.length} features; training ${members.join(' + ')}, ${labels.length} one-vs-rest SVMs each`,
  );
  const calibrationFolds = Math.min(
    options.calibrationFolds ?? DEFAULT_CALIBRATION_FOLDS,
    minimumClassSize(y, labels.length),
  );
  const calibration =
    calibrationFolds >= 2 && labels.length >= 2
      ? calibrateOnHeldBack(
          vectors,
          y,
          labels.length,
          vocabulary.keys.length,
          { svm, members },
          calibrationFolds,
        )
      : undefined;
  const weights = trainEnsemble(
    toSparseMatrix(vectors, vocabulary.keys.length),
    y,
    labels.length,
    svm,
    members,
  );
  const labelCounts: Record<string, number> = {};
  for (const l of textLabels) labelCounts[l] = (labelCounts[l] ?? 0) + 1;
  const createdAt = (options.now?.() ?? new Date()).toISOString();
  const model: TextClassifier = {
    version: options.version ?? '',
    createdAt,
    labels,
    features: data.features,
    vocabulary,
    weights,
    temperature: calibration?.temperature ?? 1,
    ...(calibration ? { calibration } : {}),
    training: {
      n: pick.length,
      labelCounts,
      featureCount: vocabulary.keys.length,
      seconds: Math.round(performance.now() - started) / 1000,
      svm,
      members,
      calibrationFolds: calibration ? calibrationFolds : 0,
    },
  };
  if (!options.version) model.version = defaultVersion(createdAt, weights);
  return model;
}

function minimumClassSize(y: Int32Array, labelCount: number): number {
  const sizes = new Array<number>(labelCount).fill(0);
  for (const l of y) sizes[l]!++;
  return Math.min(...sizes);
}

/**
 * Fits the softmax temperature on messages held back from the models that score them (each fold scored by
 * an ensemble trained on the other folds), and measures the calibrated answers on the same messages.
 */
function calibrateOnHeldBack(
  vectors: SparseVector[],
  y: Int32Array,
  labelCount: number,
  columns: number,
  model: { svm: SvmOptions; members: readonly EnsembleMember[] },
  folds: number,
): CalibrationSummary {
  const fold = assignStratifiedFolds(y, folds, model.svm.seed + 1);
  const scores: Float64Array[] = new Array(vectors.length);
  for (let f = 0; f < folds; f++) {
    const train: number[] = [];
    for (let i = 0; i < vectors.length; i++) if (fold[i] !== f) train.push(i);
    const weights = trainEnsemble(
      toSparseMatrix(
        train.map((i) => vectors[i]!),
        columns,
      ),
      Int32Array.from(train, (i) => y[i]!),
      labelCount,
      model.svm,
      model.members,
    );
    for (let i = 0; i < vectors.length; i++) if (fold[i] === f) scores[i] = scoreRow(weights, vectors[i]!);
  }
  const temperature = fitTemperature(scores, y);
  const answers = scores.map((s, i) => topAnswer(softmax(s, temperature), y[i]!));
  return {
    method: 'temperature',
    temperature,
    folds,
    n: answers.length,
    accuracy: round4(answers.filter((a) => a.correct).length / answers.length),
    ece: round4(expectedCalibrationError(answers)),
    autoDispatch: autoDispatchCurve(answers),
  };
}

/** The top label's probability and whether it is the true label `truth`. */
export function topAnswer(probabilities: ArrayLike<number>, truth: number): TopAnswer {
  let best = 0;
  for (let l = 1; l < probabilities.length; l++) if (probabilities[l]! > probabilities[best]!) best = l;
  return { confidence: probabilities[best]!, correct: best === truth };
}

function defaultVersion(createdAt: string, weights: LinearWeights): string {
  const digest = createHash('sha256')
    .update(new Uint8Array(weights.weights.buffer))
    .digest('hex')
    .slice(0, 8);
  return `${createdAt.replace(/[-:]/g, '').replace(/\.\d+/, '')}-${digest}`;
}

/** The fused prediction table of each loaded model, built on first use. */
const scoringTables = new WeakMap<TextClassifier, ScoringTable>();

function scoringTableOf(model: TextClassifier): ScoringTable {
  let table = scoringTables.get(model);
  if (!table) {
    table = new ScoringTable(model.vocabulary, model.weights);
    scoringTables.set(model, table);
  }
  return table;
}

/**
 * The SVM margin of every label for a text less that of the first label (softmax and ranking see no
 * difference): the same sublinear TF-IDF and block normalisation as `vectoriseCounts` + `scoreRow`, fused
 * into one pass over the message's distinct features.
 */
export function scoreText(model: TextClassifier, text: string): Float64Array {
  const counter = countMessageFeatures(text, model.features);
  return scoringTableOf(model).score(counter.keys, counter.counts, counter.size, model.features.charWeight);
}

/** The k most likely categories of a message, best first, with calibrated probabilities. */
export function predict(model: TextClassifier, text: string, k = 3): Prediction[] {
  const probabilities = softmax(scoreText(model, text), model.temperature);
  const order = model.labels.map((_, i) => i).sort((a, b) => probabilities[b]! - probabilities[a]! || a - b);
  return order
    .slice(0, Math.max(0, k))
    .map((i) => ({ label: model.labels[i]!, probability: probabilities[i]! }));
}
