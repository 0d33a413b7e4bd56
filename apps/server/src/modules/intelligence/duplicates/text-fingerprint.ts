import { extractWords } from '../classifier/text-features.js';

/** Number of MinHash functions in a signature. */
export const MINHASH_SIZE = 64;
/**
 * Rows per LSH band: 32 bands of 2 rows find a pair of Jaccard 0.2 with probability 0.73, 0.3 with 0.95,
 * 0.44 (two short texts sharing their three key words) with 0.999.
 */
export const BAND_ROWS = 2;

/**
 * The text fingerprint of a case: what duplicate detection and topic clustering compare.
 * - `words`: the distinct content words (jieba, stop-words dropped, digit runs as `0`), for key terms;
 * - `features`: sorted distinct 31-bit hashes of those words and of the character bigrams inside each word,
 *   the set whose cosine is the text similarity (bigrams catch 路灯/灯坏 style rewordings that split differently);
 * - `bands`: the MinHash LSH band keys, stored with a GIN index so that "which cases share a band" is one
 *   indexed query.
 */
export interface TextFingerprint {
  words: string[];
  features: number[];
  bands: number[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv(text: string, seed = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

function mix(h: number): number {
  let x = h;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The stable 31-bit hash of a word, as stored in `case_fingerprints.features` (a PostgreSQL `integer`). */
export function hashTerm(word: string): number {
  return mix(fnv(word)) >>> 1;
}

function featureHashes(words: readonly string[]): number[] {
  const set = new Set<number>();
  for (const word of words) {
    set.add(hashTerm(word));
    if (word.length > 2) {
      for (let i = 0; i + 2 <= word.length; i++) set.add(hashTerm(`#${word.slice(i, i + 2)}`));
    }
  }
  return [...set].sort((a, b) => a - b);
}

const SEEDS = Array.from({ length: MINHASH_SIZE }, (_, i) => mix(0x9e3779b9 * (i + 1)));

/** The MinHash LSH band keys of a feature set (empty for an empty set), each a 31-bit integer. */
export function bandKeys(features: readonly number[]): number[] {
  if (features.length === 0) return [];
  const mins = new Array<number>(MINHASH_SIZE).fill(0xffffffff);
  for (const f of features) {
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const h = mix(f ^ SEEDS[i]!);
      if (h < mins[i]!) mins[i] = h;
    }
  }
  const keys: number[] = [];
  for (let b = 0; b < MINHASH_SIZE / BAND_ROWS; b++) {
    let h = mix(b + 1);
    for (let r = 0; r < BAND_ROWS; r++) h = mix(Math.imul(h ^ mins[b * BAND_ROWS + r]!, FNV_PRIME));
    keys.push(h >>> 1);
  }
  return keys;
}

/** The fingerprint of a case's title and description. */
export function fingerprintText(title: string, description: string): TextFingerprint {
  const words = [...new Set(extractWords(`${title}。${description}`))];
  const features = featureHashes(words);
  return { words, features, bands: bandKeys(features) };
}

/**
 * 描述相似度: the cosine of two binary feature sets, |A∩B| / √(|A|·|B|), in [0, 1]. Unlike Jaccard it does not
 * punish a second caller's shorter wording of the same problem much. Both inputs sorted ascending.
 */
export function textSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common / Math.sqrt(a.length * b.length);
}
