import type { LinearWeights } from './linear-model.js';
import { CHAR_BLOCK_BIT } from './text-features.js';
import type { Vocabulary } from './tfidf.js';

const GOLDEN = 0x9e3779b1;
/** 1 + ln(tf) for small term counts: the sublinear tf without a `Math.log` call per feature. */
const SUBLINEAR_TF = Float64Array.from({ length: 256 }, (_, tf) => (tf === 0 ? 0 : 1 + Math.log(tf)));

/**
 * The prediction side of a linear text model in one open-addressing table: each slot holds a feature's hash,
 * its idf and its weight for every label side by side, so scoring a feature costs one memory fetch (the
 * vocabulary lookup and the weights used to be two random reads into two large arrays). An idf of 0 marks an
 * empty slot (a real idf is ≥ 1). Built once per loaded model.
 */
export class ScoringTable {
  /** words per slot: key, idf, one weight per label */
  private readonly stride: number;
  private readonly mask: number;
  private readonly keys: Uint32Array;
  private readonly cells: Float32Array;
  private readonly labelCount: number;
  private readonly bias: Float32Array;
  // Scratch of one call (prediction is synchronous, so one set per table is enough).
  private readonly wordScores: Float64Array;
  private readonly charScores: Float64Array;
  /** keeps the warm-up loads of `score` observable, so that no compiler drops them */
  sink = 0;

  /** Lays out the vocabulary and weights of a model. */
  constructor(vocabulary: Vocabulary, weights: LinearWeights) {
    const labelCount = weights.labelCount;
    const features = vocabulary.keys.length;
    let capacity = 16;
    // load ≤ 0.7: short probe runs, a quarter less memory than the old index + weights pair
    while (capacity * 0.7 < features) capacity *= 2;
    this.stride = 2 + labelCount;
    this.mask = capacity - 1;
    const buffer = new ArrayBuffer(capacity * this.stride * 4);
    this.keys = new Uint32Array(buffer);
    this.cells = new Float32Array(buffer);
    this.labelCount = labelCount;
    this.bias = weights.bias;
    this.wordScores = new Float64Array(labelCount);
    this.charScores = new Float64Array(labelCount);
    for (let f = 0; f < features; f++) {
      const key = vocabulary.keys[f]!;
      let s = (Math.imul(key, GOLDEN) >>> 0) & this.mask;
      while (this.cells[s * this.stride + 1] !== 0) s = (s + 1) & this.mask;
      const base = s * this.stride;
      this.keys[base] = key;
      this.cells[base + 1] = vocabulary.idf[f]!;
      for (let l = 0; l < labelCount; l++) this.cells[base + 2 + l] = weights.weights[f * labelCount + l]!;
    }
  }

  /**
   * SVM margins of every label for a message given as distinct feature hashes and their term counts:
   * sublinear TF-IDF, each block (words, characters) L2-normalised on its own, the character block weighted
   * by `charWeight` — the same vector as `vectoriseCounts` + `scoreRow`, in one pass.
   */
  score(hashes: Uint32Array, counts: Int32Array, n: number, charWeight: number): Float64Array {
    const keys = this.keys;
    const cells = this.cells;
    const stride = this.stride;
    const mask = this.mask;
    const labelCount = this.labelCount;
    const wordScores = this.wordScores;
    const charScores = this.charScores;
    wordScores.fill(0);
    charScores.fill(0);
    // Touch every home slot first: these loads do not depend on each other, so the CPU overlaps their cache
    // misses; the scoring loop below then finds its slots in cache (3–4× faster on a large vocabulary).
    let touched = 0;
    for (let d = 0; d < n; d++) touched ^= keys[((Math.imul(hashes[d]!, GOLDEN) >>> 0) & mask) * stride]!;
    this.sink = touched;
    let wordNorm = 0;
    let charNorm = 0;
    for (let d = 0; d < n; d++) {
      const h = hashes[d]!;
      let s = (Math.imul(h, GOLDEN) >>> 0) & mask;
      let base = s * stride;
      let idf = cells[base + 1]!;
      while (idf !== 0 && keys[base] !== h) {
        s = (s + 1) & mask;
        base = s * stride;
        idf = cells[base + 1]!;
      }
      if (idf === 0) continue;
      const tf = counts[d]!;
      const v = (tf < 256 ? SUBLINEAR_TF[tf]! : 1 + Math.log(tf)) * idf;
      const into = h >= CHAR_BLOCK_BIT ? charScores : wordScores;
      if (h >= CHAR_BLOCK_BIT) charNorm += v * v;
      else wordNorm += v * v;
      for (let l = 0; l < labelCount; l++) into[l]! += v * cells[base + 2 + l]!;
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
}
