import { getJieba } from '../../../platform/text/jieba.js';
import { STOP_WORDS } from './stop-words.js';

/** How a text becomes features. Stored with the model, so that prediction featurises exactly as training did. */
export interface FeatureConfig {
  /** smallest and largest word n-gram (1 = unigrams, 2 = adds bigrams of adjacent kept words) */
  wordNgrams: [number, number];
  /** smallest and largest character n-gram, taken over the kept words joined without spaces (0 = none) */
  charNgrams: [number, number];
  /** weight of the character block against the word block (each block is L2-normalised on its own) */
  charWeight: number;
  /** features seen in fewer training messages than this are dropped */
  minDf: number;
  /** drop the stop-words that the pre-segmented form never contains */
  dropStopWords: boolean;
}

/** The feature configuration chosen by cross-validation on the 2020 TipDM messages. */
export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  wordNgrams: [1, 2],
  charNgrams: [1, 3],
  charWeight: 1.5,
  minDf: 3,
  dropStopWords: true,
};

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const DIGITS = /\d+/g;
const HAS_DIGIT = /\d/;

function isCjk(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}
// Excel exports of the message board leave carriage returns as the literal `_x000D_`.
const EXCEL_CR = /_x000d_/g;
const SINGLE_DIGIT_OR_LETTER = /^[0-9a-z]$/;

/** Full-width → half-width (NFKC), lower case, Excel artefacts removed. Digits are collapsed later, per word. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(EXCEL_CR, ' ');
}

/**
 * Whether a text is already segmented (words separated by spaces, as in the `tokens` form): at least 15% of its
 * CJK characters are followed by a space and another CJK character. Raw Chinese sentences almost never are.
 */
export function isPreSegmented(text: string): boolean {
  let cjk = 0;
  let gaps = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isCjk(code)) cjk++;
    else if (code === 32 && i > 0 && isCjk(text.charCodeAt(i - 1)) && isCjk(text.charCodeAt(i + 1))) gaps++;
  }
  return cjk > 0 && gaps / cjk >= 0.15;
}

/**
 * The words of a message as the model sees them: a raw sentence is segmented with jieba, a pre-segmented one is
 * split on spaces; then punctuation and (optionally) stop-words are dropped and digit runs become `0`, so that
 * a raw sentence and its segmented form give the same words.
 */
export function extractWords(text: string, dropStopWords = true): string[] {
  const normalised = normaliseText(text);
  const pieces = isPreSegmented(normalised) ? normalised.split(/\s+/) : getJieba().cut(normalised, true);
  const words: string[] = [];
  for (const piece of pieces) {
    // Nearly every kept word starts with a CJK character; only the others need the slower checks.
    const plain = isCjk(piece.charCodeAt(0));
    if (!plain && !HAS_WORD_CHAR.test(piece)) continue;
    if (
      dropStopWords &&
      (STOP_WORDS.has(piece) || (piece.length === 1 && SINGLE_DIGIT_OR_LETTER.test(piece)))
    ) {
      continue;
    }
    words.push(HAS_DIGIT.test(piece) ? piece.replace(DIGITS, '0') : piece);
  }
  return words;
}

/** The top bit of a feature hash tells its block: 0 = word n-gram, 1 = character n-gram. */
export const CHAR_BLOCK_BIT = 0x80000000;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashWord(word: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h;
}

function finish(h: number): number {
  // murmur3 finaliser: spreads FNV's weak low bits before the top bit is used as the block flag.
  let x = h;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Calls `emit` with the 32-bit hash of every feature of the words (repeats included, so the caller counts term
 * frequency). Word n-grams hash into [0, 2^31), character n-grams into [2^31, 2^32).
 */
export function forEachFeatureHash(
  words: string[],
  config: FeatureConfig,
  emit: (hash: number) => void,
): void {
  const [wMin, wMax] = config.wordNgrams;
  if (wMax >= 1) {
    const wordHashes = words.map((w) => hashWord(w, FNV_OFFSET));
    for (let i = 0; i < wordHashes.length; i++) {
      let h = FNV_OFFSET;
      for (let n = 1; n <= wMax && i + n <= wordHashes.length; n++) {
        h = Math.imul(h ^ wordHashes[i + n - 1]!, FNV_PRIME);
        if (n >= wMin) emit(finish(h ^ n) >>> 1);
      }
    }
  }
  const [cMin, cMax] = config.charNgrams;
  if (cMax >= 1) {
    const chars = words.join('');
    for (let i = 0; i < chars.length; i++) {
      let h = FNV_OFFSET ^ 0x5bd1e995;
      for (let n = 1; n <= cMax && i + n <= chars.length; n++) {
        h = Math.imul(h ^ chars.charCodeAt(i + n - 1), FNV_PRIME);
        if (n >= cMin) emit(((finish(h) >>> 1) | CHAR_BLOCK_BIT) >>> 0);
      }
    }
  }
}

/** Term counts of one message by feature hash, before any vocabulary is known: distinct keys, ascending. */
export interface HashedCounts {
  keys: Uint32Array;
  counts: Float32Array;
}

/** Counts the features of one message (training side). */
export function countFeatureHashes(words: string[], config: FeatureConfig): HashedCounts {
  let all = new Uint32Array(256);
  let n = 0;
  forEachFeatureHash(words, config, (h) => {
    if (n === all.length) {
      const grown = new Uint32Array(all.length * 2);
      grown.set(all);
      all = grown;
    }
    all[n++] = h;
  });
  const sorted = all.subarray(0, n).sort();
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  const keys = new Uint32Array(distinct);
  const counts = new Float32Array(distinct);
  let k = -1;
  for (let i = 0; i < n; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) keys[++k] = sorted[i]!;
    counts[k]! += 1;
  }
  return { keys, counts };
}
