import { CHAR_BLOCK_BIT, type HashedCounts } from './feature-hashes.js';
import { HashIndex } from './hash-index.js';

/** The features a model knows: their hashes (column order) and inverse document frequencies. */
export interface Vocabulary {
  /** feature hash of each column */
  keys: Uint32Array;
  /** smoothed idf of each column: ln((1 + n) / (1 + df)) + 1 */
  idf: Float32Array;
  /** hash → column lookup, rebuilt from `keys` */
  index: HashIndex;
  /** columns below this are word n-grams, the rest character n-grams (keys ascend and the top bit marks chars) */
  firstCharColumn: number;
}

function firstCharColumnOf(keys: Uint32Array): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! >= CHAR_BLOCK_BIT) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A sparse row: column indices (each at most once, in no particular order) and their values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** Rows of a sparse matrix in compressed-row form, as the trainers want them. */
export interface SparseMatrix {
  rows: number;
  columns: number;
  /** row r spans entries rowStart[r] … rowStart[r+1]-1 */
  rowStart: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

/** Builds the vocabulary from per-message feature counts, keeping features seen in at least `minDf` messages. */
export function fitVocabulary(docs: readonly HashedCounts[], minDf: number): Vocabulary {
  // One sort of every (message, feature) key gives document frequencies without a multi-million-entry Map.
  let total = 0;
  for (const doc of docs) total += doc.keys.length;
  const all = new Uint32Array(total);
  let offset = 0;
  for (const doc of docs) {
    all.set(doc.keys, offset);
    offset += doc.keys.length;
  }
  all.sort();
  const kept: number[] = [];
  const keptDf: number[] = [];
  for (let i = 0; i < total; ) {
    let j = i + 1;
    while (j < total && all[j] === all[i]) j++;
    if (j - i >= minDf) {
      kept.push(all[i]!);
      keptDf.push(j - i);
    }
    i = j;
  }
  // Keys come out ascending, so the column order does not depend on message order.
  const keys = Uint32Array.from(kept);
  const idf = Float32Array.from(keptDf, (df) => Math.log((1 + docs.length) / (1 + df)) + 1);
  return { keys, idf, index: new HashIndex(keys), firstCharColumn: firstCharColumnOf(keys) };
}

/** Rebuilds a vocabulary's lookup table from stored keys and idf. */
export function restoreVocabulary(keys: Uint32Array, idf: Float32Array): Vocabulary {
  for (let i = 1; i < keys.length; i++) {
    if (keys[i]! <= keys[i - 1]!) throw new RangeError('vocabulary keys must be strictly ascending');
  }
  return { keys, idf, index: new HashIndex(keys), firstCharColumn: firstCharColumnOf(keys) };
}

/**
 * Sublinear TF-IDF of known features (columns[i] seen counts[i] times), each block (words, characters)
 * L2-normalised on its own, the character block weighted by `charWeight`, then the whole row normalised to
 * unit length. Column order is kept as given: scoring does not need it sorted.
 */
export function weighRow(
  columns: Int32Array,
  counts: ArrayLike<number>,
  vocab: Vocabulary,
  charWeight: number,
): SparseVector {
  const n = columns.length;
  const firstChar = vocab.firstCharColumn;
  const values = new Float32Array(n);
  let wordNorm = 0;
  let charNorm = 0;
  for (let j = 0; j < n; j++) {
    const col = columns[j]!;
    const v = (1 + Math.log(counts[j]!)) * vocab.idf[col]!;
    values[j] = v;
    if (col >= firstChar) charNorm += v * v;
    else wordNorm += v * v;
  }
  const total = Math.sqrt((wordNorm > 0 ? 1 : 0) + (charNorm > 0 ? charWeight * charWeight : 0)) || 1;
  const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) / total : 0;
  const charScale = charNorm > 0 ? charWeight / Math.sqrt(charNorm) / total : 0;
  for (let j = 0; j < n; j++) values[j]! *= columns[j]! >= firstChar ? charScale : wordScale;
  return { indices: columns, values };
}

/** TF-IDF row of a message whose feature counts were computed before the vocabulary existed. */
export function vectoriseCounts(doc: HashedCounts, vocab: Vocabulary, charWeight: number): SparseVector {
  const columns = new Int32Array(doc.keys.length);
  const counts = new Int32Array(doc.keys.length);
  let n = 0;
  for (let i = 0; i < doc.keys.length; i++) {
    const col = vocab.index.get(doc.keys[i]!);
    if (col >= 0) {
      columns[n] = col;
      counts[n++] = doc.counts[i]!;
    }
  }
  return weighRow(columns.subarray(0, n), counts.subarray(0, n), vocab, charWeight);
}

/** Stacks rows into compressed-row form. */
export function toSparseMatrix(rows: readonly SparseVector[], columns: number): SparseMatrix {
  const rowStart = new Int32Array(rows.length + 1);
  for (let r = 0; r < rows.length; r++) rowStart[r + 1] = rowStart[r]! + rows[r]!.indices.length;
  const indices = new Int32Array(rowStart[rows.length]!);
  const values = new Float32Array(rowStart[rows.length]!);
  for (let r = 0; r < rows.length; r++) {
    indices.set(rows[r]!.indices, rowStart[r]!);
    values.set(rows[r]!.values, rowStart[r]!);
  }
  return { rows: rows.length, columns, rowStart, indices, values };
}
