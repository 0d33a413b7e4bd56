import { FeatureFilter } from './feature-filter.js';
import type { LinearWeights } from './linear-model.js';
import type { Vocabulary } from './tfidf.js';

const GOLDEN = 0x9e3779b1;
/** 1 + ln(tf) for small term counts: the sublinear tf without a `Math.log` call per feature. */
const SUBLINEAR_TF = Float64Array.from({ length: 256 }, (_, tf) => (tf === 0 ? 0 : 1 + Math.log(tf)));

/**
 * Feature columns, most frequent (smallest idf) first, by a counting sort on idf in steps of 1/16: inserted in
 * this order, the frequent features take their home slots and the rare ones, seldom looked up, probe further.
 */
function byFrequency(idf: Float32Array): Int32Array {
  const bucketOf = (f: number) => Math.floor(16 * idf[f]!);
  let buckets = 0;
  for (let f = 0; f < idf.length; f++) buckets = Math.max(buckets, bucketOf(f) + 1);
  const start = new Int32Array(buckets + 1);
  for (let f = 0; f < idf.length; f++) start[bucketOf(f) + 1]!++;
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  const order = new Int32Array(idf.length);
  for (let f = 0; f < idf.length; f++) order[start[bucketOf(f)]!++] = f;
  return order;
}

/**
 * The prediction side of a linear text model in one open-addressing table: each slot holds a feature's hash,
 * its idf and its weights side by side, so scoring a feature costs one memory fetch (the vocabulary lookup
 * and the weights used to be two random reads into two large arrays). An idf of 0 marks an empty slot (a real
 * idf is ≥ 1). A feature filter in front keeps most unknown features away from the table. Built once per
 * loaded model.
 *
 * The weights are stored relative to the first label's (w[l] − w[0], l ≥ 1), so the margins come out shifted
 * by the first label's margin. Softmax and ranking do not change when every margin moves by the same amount,
 * and the slot is one word shorter: with 7 labels 32 bytes, where 36 would straddle two cache lines half the
 * time.
 */
export class ScoringTable {
  /** words per slot: key, idf, the weight of every label but the first, relative to the first */
  private readonly stride: number;
  private readonly mask: number;
  private readonly keys: Int32Array;
  private readonly cells: Float32Array;
  private readonly labelCount: number;
  private readonly bias: Float64Array;
  private readonly filter: FeatureFilter;
  // Scratch of one call (prediction is synchronous, so one set per table is enough).
  private readonly wordScores: Float64Array;
  private readonly charScores: Float64Array;
  private candidates = new Int32Array(1024);
  private homes = new Int32Array(1024);
  /** keeps the warm-up loads of `score` observable, so that no compiler drops them */
  sink = 0;

  /** Lays out the vocabulary and weights of a model. */
  constructor(vocabulary: Vocabulary, weights: LinearWeights) {
    const labelCount = weights.labelCount;
    const features = vocabulary.keys.length;
    let capacity = 16;
    // load ≤ 0.7: short probe runs, a quarter less memory than the old index + weights pair
    while (capacity * 0.7 < features) capacity *= 2;
    this.stride = 1 + labelCount;
    this.mask = capacity - 1;
    const buffer = new ArrayBuffer(capacity * this.stride * 4);
    this.keys = new Int32Array(buffer);
    this.cells = new Float32Array(buffer);
    this.labelCount = labelCount;
    this.bias = Float64Array.from(weights.bias, (b) => b - weights.bias[0]!);
    this.filter = new FeatureFilter(vocabulary.keys);
    this.wordScores = new Float64Array(labelCount);
    this.charScores = new Float64Array(labelCount);
    for (const f of byFrequency(vocabulary.idf)) {
      const key = vocabulary.keys[f]! | 0;
      let s = Math.imul(key, GOLDEN) & this.mask;
      while (this.cells[s * this.stride + 1] !== 0) s = (s + 1) & this.mask;
      const base = s * this.stride;
      this.keys[base] = key;
      this.cells[base + 1] = vocabulary.idf[f]!;
      const first = weights.weights[f * labelCount]!;
      for (let l = 1; l < labelCount; l++)
        this.cells[base + 1 + l] = weights.weights[f * labelCount + l]! - first;
    }
  }

  /**
   * SVM margins of every label less the first label's, for a message given as distinct feature hashes and
   * their term counts: sublinear TF-IDF, each block (words, characters) L2-normalised on its own, the character
   * block weighted by `charWeight` — the same vector as `vectoriseCounts` + `scoreRow`, in one pass.
   */
  score(hashes: Uint32Array, counts: Int32Array, n: number, charWeight: number): Float64Array {
    const found = this.prefetch(hashes, n);
    const keys = this.keys;
    const cells = this.cells;
    const stride = this.stride;
    const mask = this.mask;
    const labelCount = this.labelCount;
    const wordScores = this.wordScores;
    const charScores = this.charScores;
    const candidates = this.candidates;
    const homes = this.homes;
    wordScores.fill(0);
    charScores.fill(0);
    let wordNorm = 0;
    let charNorm = 0;
    for (let c = 0; c < found; c++) {
      const d = candidates[c]!;
      const key = hashes[d]! | 0;
      let s = homes[c]!;
      let base = s * stride;
      let idf = cells[base + 1]!;
      while (idf !== 0 && keys[base] !== key) {
        s = (s + 1) & mask;
        base = s * stride;
        idf = cells[base + 1]!;
      }
      if (idf === 0) continue;
      const tf = counts[d]!;
      const v = (tf < 256 ? SUBLINEAR_TF[tf]! : 1 + Math.log(tf)) * idf;
      // Character n-grams have the top bit set, so their key is negative as an int32.
      const into = key < 0 ? charScores : wordScores;
      if (key < 0) charNorm += v * v;
      else wordNorm += v * v;
      for (let l = 1; l < labelCount; l++) into[l]! += v * cells[base + 1 + l]!;
    }
    const total = Math.sqrt((wordNorm > 0 ? 1 : 0) + (charNorm > 0 ? charWeight * charWeight : 0)) || 1;
    const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) / total : 0;
    const charScale = charNorm > 0 ? charWeight / Math.sqrt(charNorm) / total : 0;
    const scores = new Float64Array(labelCount);
    for (let l = 0; l < labelCount; l++) {
      scores[l] = this.bias[l]! + wordScale * wordScores[l]! + charScale * charScores[l]!;
    }
    return scores;
  }

  /**
   * Keeps the features the filter lets through (`candidates`, with their home slots in `homes`) and touches
   * each home slot: these loads do not depend on each other, so the CPU overlaps their cache misses and the
   * scoring loop then finds its slots in cache. Answers how many were kept.
   */
  private prefetch(hashes: Uint32Array, n: number): number {
    if (this.candidates.length < n) {
      this.candidates = new Int32Array(2 * n);
      this.homes = new Int32Array(2 * n);
    }
    const keys = this.keys;
    const stride = this.stride;
    const mask = this.mask;
    const filter = this.filter;
    const candidates = this.candidates;
    const homes = this.homes;
    let found = 0;
    let touched = 0;
    for (let d = 0; d < n; d++) {
      const hash = hashes[d]!;
      if (!filter.mayContain(hash)) continue;
      const home = Math.imul(hash, GOLDEN) & mask;
      touched ^= keys[home * stride]!;
      candidates[found] = d;
      homes[found++] = home;
    }
    this.sink = touched;
    return found;
  }
}
