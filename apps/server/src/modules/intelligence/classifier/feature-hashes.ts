import type { FeatureConfig } from './text-features.js';

/** The top bit of a feature hash tells its block: 0 = word n-gram, 1 = character n-gram. */
export const CHAR_BLOCK_BIT = 0x80000000;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const CHAR_SEED = FNV_OFFSET ^ 0x5bd1e995;
const HEAD_SEED = 0x68656164;

function hashWord(word: string): number {
  let h = FNV_OFFSET;
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

/** Term counts of one message by feature hash: distinct hashes, in the order they first occur. */
export interface HashedCounts {
  keys: Uint32Array;
  counts: Int32Array;
}

/**
 * Hashes the word and character n-grams of one message at a time and counts them, in buffers reused from
 * call to call: prediction featurises one message per request and should not allocate for it. Word n-grams
 * and head words (the first `headWords` kept words, counted again as features of their own) hash into
 * [0, 2^31), character n-grams (over the kept words joined without spaces) into [2^31, 2^32).
 */
export class FeatureCounter {
  /** distinct feature hashes of the last counted message, first-seen order; entries [0, size) are valid */
  keys = new Uint32Array(1024);
  /** how often each of `keys` occurs */
  counts = new Int32Array(1024);
  /** number of distinct features of the last counted message */
  size = 0;
  // The kept words' characters joined, and each word's hash: n-grams read them without building strings.
  private codes = new Uint16Array(4096);
  private wordHashes = new Int32Array(1024);
  // Open-addressing count table, sized to the message: small enough to stay in cache, unlike a sort.
  private slotKeys = new Int32Array(2048);
  private slotIndex = new Int32Array(2048);
  private mask = 0;

  /** Counts the features of `words`; answers the number of distinct ones (also in `size`). */
  count(words: readonly string[], config: FeatureConfig): number {
    const [wMin, wMax] = config.wordNgrams;
    const [cMin, cMax] = config.charNgrams;
    const head = Math.min(config.headWords, words.length);
    const chars = this.loadWords(words, wMax >= 1 || head > 0);
    const wordSpan = wMax >= 1 ? Math.max(0, wMax - Math.max(wMin, 1) + 1) : 0;
    const charSpan = cMax >= 1 ? Math.max(0, cMax - Math.max(cMin, 1) + 1) : 0;
    this.prepareTable(words.length * wordSpan + chars * charSpan + head);
    this.size = 0;
    // The opening words are mostly the title, the densest statement of what the message is about.
    for (let i = 0; i < head; i++)
      this.add(finish(Math.imul(this.wordHashes[i]! ^ HEAD_SEED, FNV_PRIME)) >>> 1);
    if (wMax >= 1) {
      const wordHashes = this.wordHashes;
      for (let i = 0; i < words.length; i++) {
        let h = FNV_OFFSET;
        for (let n = 1; n <= wMax && i + n <= words.length; n++) {
          h = Math.imul(h ^ wordHashes[i + n - 1]!, FNV_PRIME);
          if (n >= wMin) this.add(finish(h ^ n) >>> 1);
        }
      }
    }
    if (cMax >= 1) {
      const codes = this.codes;
      for (let i = 0; i < chars; i++) {
        let h = CHAR_SEED;
        for (let n = 1; n <= cMax && i + n <= chars; n++) {
          h = Math.imul(h ^ codes[i + n - 1]!, FNV_PRIME);
          if (n >= cMin) this.add(((finish(h) >>> 1) | CHAR_BLOCK_BIT) >>> 0);
        }
      }
    }
    return this.size;
  }

  /** Copies the counts of the last counted message out of the reused buffers. */
  snapshot(): HashedCounts {
    return { keys: this.keys.slice(0, this.size), counts: this.counts.slice(0, this.size) };
  }

  /** Fills `codes` (and `wordHashes` when word n-grams are wanted); answers the number of characters. */
  private loadWords(words: readonly string[], hashWords: boolean): number {
    let chars = 0;
    for (const word of words) chars += word.length;
    if (this.codes.length < chars) this.codes = new Uint16Array(2 * chars);
    if (this.wordHashes.length < words.length) this.wordHashes = new Int32Array(2 * words.length);
    const codes = this.codes;
    let at = 0;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      for (let i = 0; i < word.length; i++) codes[at++] = word.charCodeAt(i);
      if (hashWords) this.wordHashes[w] = hashWord(word);
    }
    return chars;
  }

  private prepareTable(features: number): void {
    let capacity = 64;
    while (capacity < 2 * features) capacity *= 2;
    if (this.slotKeys.length < capacity) {
      this.slotKeys = new Int32Array(capacity);
      this.slotIndex = new Int32Array(capacity);
    }
    if (this.keys.length < features) {
      this.keys = new Uint32Array(features);
      this.counts = new Int32Array(features);
    }
    this.slotIndex.fill(-1, 0, capacity);
    this.mask = capacity - 1;
  }

  private add(hash: number): void {
    const key = hash | 0;
    let s = Math.imul(key, 0x85ebca6b) & this.mask;
    for (;;) {
      const at = this.slotIndex[s]!;
      if (at === -1) {
        this.slotKeys[s] = key;
        this.slotIndex[s] = this.size;
        this.keys[this.size] = hash;
        this.counts[this.size++] = 1;
        return;
      }
      if (this.slotKeys[s] === key) {
        this.counts[at]!++;
        return;
      }
      s = (s + 1) & this.mask;
    }
  }
}
