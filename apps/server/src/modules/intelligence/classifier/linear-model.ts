import { createRandom, shuffleInPlace } from './random.js';
import type { SparseMatrix, SparseVector } from './tfidf.js';

/** Hyper-parameters of the one-vs-rest linear SVM. */
export interface SvmOptions {
  /** inverse regularisation strength (LIBLINEAR's C) */
  c: number;
  /** most passes over the data per class (over the rows still active, see shrinking in `trainBinary`) */
  maxEpochs: number;
  /** stop when the projected-gradient spread falls below this (LIBLINEAR's default is 0.1) */
  tolerance: number;
  /** scale each message's C by n / (labels × size of its class), which helps the small classes' recall */
  balanced: boolean;
  /** seed of the coordinate order */
  seed: number;
  /**
   * scale each feature, per label, by its smoothed log-count ratio between the label and the rest before
   * training (NB-SVM, Wang & Manning 2012); folded into the weights afterwards, so prediction is unchanged
   */
  nbScaling: boolean;
}

/** Weights of a linear multi-class model: feature-major, so scoring a sparse row reads contiguous memory. */
export interface LinearWeights {
  labelCount: number;
  /** weights[column * labelCount + label] */
  weights: Float32Array;
  /** one intercept per label */
  bias: Float32Array;
}

const BIAS_FEATURE = 1;

/**
 * Trains one L2-regularised, squared-hinge-loss linear SVM per label against the rest by dual coordinate descent
 * (Hsieh et al. 2008, LIBLINEAR solver 1), with an bias as a constant feature.
 */
export function trainLinearSvm(
  x: SparseMatrix,
  y: Int32Array,
  labelCount: number,
  options: SvmOptions,
): LinearWeights {
  const weights = new Float32Array(x.columns * labelCount);
  const bias = new Float32Array(labelCount);
  const sizes = new Int32Array(labelCount);
  for (const label of y) sizes[label]!++;
  const rowC = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    const size = sizes[y[i]!]!;
    rowC[i] = options.balanced ? (options.c * x.rows) / (labelCount * size) : options.c;
  }
  for (let label = 0; label < labelCount; label++) {
    const ratio = options.nbScaling ? logCountRatio(x, y, label) : null;
    const { w, b } = trainBinary(x, y, label, rowC, options, ratio);
    for (let f = 0; f < x.columns; f++) weights[f * labelCount + label] = w[f]! * (ratio ? ratio[f]! : 1);
    bias[label] = b;
  }
  return { labelCount, weights, bias };
}

function trainBinary(
  x: SparseMatrix,
  y: Int32Array,
  positive: number,
  rowC: Float64Array,
  options: SvmOptions,
  ratio: Float64Array | null,
): { w: Float32Array; b: number } {
  const { rows, rowStart, indices } = x;
  const values = ratio ? Float32Array.from(x.values, (v, p) => v * ratio[indices[p]!]!) : x.values;
  // Single precision, as the weights are stored: the random reads of w are the cost of a pass, and half the
  // bytes keep more of w in cache (40% faster on the TipDM messages, same passes to converge).
  const w = new Float32Array(x.columns);
  let b = 0;
  const alpha = new Float64Array(rows);
  const { sign, diag, qd } = dualTerms(x, values, y, positive, rowC);
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  const random = createRandom(options.seed + positive * 7919);
  // Shrinking (as LIBLINEAR): a row at alpha 0 whose gradient exceeds the largest projected gradient of the
  // previous pass will almost surely stay at 0, so it leaves the active rows (order[0, active)). Once the active
  // rows meet the tolerance, every row comes back for a pass that must meet it too: the stopping rule is the
  // unshrunk one, only the passes before it are cheaper.
  let active = rows;
  let shrinkAbove = Number.POSITIVE_INFINITY;
  for (let epoch = 0; epoch < options.maxEpochs; epoch++) {
    shuffleInPlace(order.subarray(0, active), random);
    let maxPg = Number.NEGATIVE_INFINITY;
    let minPg = Number.POSITIVE_INFINITY;
    for (let k = 0; k < active; k++) {
      const i = order[k]!;
      const start = rowStart[i]!;
      const end = rowStart[i + 1]!;
      let dot = b * BIAS_FEATURE;
      for (let p = start; p < end; p++) dot += w[indices[p]!]! * values[p]!;
      const s = sign[i]!;
      const a = alpha[i]!;
      const g = s * dot - 1 + diag[i]! * a;
      let pg = g;
      if (a === 0) {
        if (g > shrinkAbove) {
          active--;
          order[k] = order[active]!;
          order[active] = i;
          k--;
          continue;
        }
        if (g > 0) pg = 0;
      }
      if (pg > maxPg) maxPg = pg;
      if (pg < minPg) minPg = pg;
      if (Math.abs(pg) < 1e-12) continue;
      const next = Math.max(a - g / qd[i]!, 0);
      const step = (next - a) * s;
      alpha[i] = next;
      for (let p = start; p < end; p++) w[indices[p]!]! += step * values[p]!;
      b += step * BIAS_FEATURE;
    }
    if (maxPg - minPg < options.tolerance) {
      if (active === rows) break;
      active = rows;
      shrinkAbove = Number.POSITIVE_INFINITY;
    } else {
      shrinkAbove = maxPg > 0 ? maxPg : Number.POSITIVE_INFINITY;
    }
  }
  return { w, b };
}

/** Per row: its sign for this label, the diagonal term 1/(2C) of the squared hinge, and Q_ii = x·x + 1 + it. */
function dualTerms(
  x: SparseMatrix,
  values: Float32Array,
  y: Int32Array,
  positive: number,
  rowC: Float64Array,
) {
  const sign = new Int8Array(x.rows);
  const diag = new Float64Array(x.rows);
  const qd = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    sign[i] = y[i] === positive ? 1 : -1;
    diag[i] = 0.5 / rowC[i]!;
    let sq = BIAS_FEATURE * BIAS_FEATURE;
    for (let p = x.rowStart[i]!; p < x.rowStart[i + 1]!; p++) sq += values[p]! * values[p]!;
    qd[i] = sq + diag[i]!;
  }
  return { sign, diag, qd };
}

function logCountRatio(x: SparseMatrix, y: Int32Array, positive: number): Float64Array {
  const p = new Float64Array(x.columns).fill(1);
  const q = new Float64Array(x.columns).fill(1);
  for (let i = 0; i < x.rows; i++) {
    const into = y[i] === positive ? p : q;
    for (let k = x.rowStart[i]!; k < x.rowStart[i + 1]!; k++) into[x.indices[k]!]! += x.values[k]!;
  }
  let pSum = 0;
  let qSum = 0;
  for (let f = 0; f < x.columns; f++) {
    pSum += p[f]!;
    qSum += q[f]!;
  }
  const r = new Float64Array(x.columns);
  for (let f = 0; f < x.columns; f++) r[f] = Math.abs(Math.log(p[f]! / pSum / (q[f]! / qSum)));
  return r;
}

/** Scores of every label for one row: w·x + b. */
export function scoreRow(model: LinearWeights, row: SparseVector, out = new Float64Array(model.labelCount)) {
  const { labelCount, weights, bias } = model;
  for (let l = 0; l < labelCount; l++) out[l] = bias[l]!;
  const { indices, values } = row;
  for (let p = 0; p < indices.length; p++) {
    const base = indices[p]! * labelCount;
    const v = values[p]!;
    for (let l = 0; l < labelCount; l++) out[l]! += weights[base + l]! * v;
  }
  return out;
}

/** Softmax of scores divided by a temperature, written into a new array. */
export function softmax(scores: ArrayLike<number>, temperature: number): Float64Array {
  const out = new Float64Array(scores.length);
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i]!);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    out[i] = Math.exp((scores[i]! - max) / temperature);
    sum += out[i]!;
  }
  for (let i = 0; i < scores.length; i++) out[i]! /= sum;
  return out;
}

/**
 * The temperature that minimises the negative log-likelihood of the true labels under softmax(scores / T),
 * found by golden-section search on log T. Scores must come from models that did not see those rows.
 */
export function fitTemperature(scores: readonly Float64Array[], labels: Int32Array): number {
  const nll = (logT: number) => {
    const t = Math.exp(logT);
    let total = 0;
    for (let i = 0; i < scores.length; i++)
      total -= Math.log(Math.max(softmax(scores[i]!, t)[labels[i]!]!, 1e-12));
    return total;
  };
  let lo = Math.log(0.01);
  let hi = Math.log(10);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = nll(a);
  let fb = nll(b);
  for (let iter = 0; iter < 40; iter++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - ratio * (hi - lo);
      fa = nll(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + ratio * (hi - lo);
      fb = nll(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}
