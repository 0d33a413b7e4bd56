import { describe, expect, it } from 'vitest';
import { CHAR_BLOCK_BIT, FeatureCounter, type HashedCounts } from './feature-hashes.js';
import { DEFAULT_FEATURE_CONFIG } from './text-features.js';

// n-grams alone, as the models stored before head words were trained
const NGRAMS_ONLY = { ...DEFAULT_FEATURE_CONFIG, headWords: 0 };

function countsOf(
  words: string[],
  counter = new FeatureCounter(),
  config = NGRAMS_ONLY,
): Map<number, number> {
  counter.count(words, config);
  return asMap(counter.snapshot());
}

function asMap({ keys, counts }: HashedCounts): Map<number, number> {
  return new Map(Array.from(keys, (key, i) => [key, counts[i]!]));
}

describe('FeatureCounter', () => {
  it('hashes exactly as the models already stored were trained (a change would silently void them)', () => {
    // word 路灯, 坏, 路灯+坏 and character 路 灯 坏 路灯 灯坏 路灯坏, as hashed when the artefact format began
    const stored = [
      290123571, 1402591320, 1953233103, 2837195771, 3193951468, 3422126512, 3744693642, 3820973480,
      4258415538,
    ];
    expect([...countsOf(['路灯', '坏']).keys()].sort((a, b) => a - b)).toEqual(stored);
  });

  it('hashes word and character n-grams into separate blocks', () => {
    const keys = [...countsOf(['路灯', '坏']).keys()];
    expect(keys.filter((h) => h < CHAR_BLOCK_BIT)).toHaveLength(3); // 路灯, 坏, 路灯+坏
    expect(keys.filter((h) => h >= CHAR_BLOCK_BIT)).toHaveLength(3 + 2 + 1); // 路 灯 坏, 路灯 灯坏, 路灯坏
  });

  it('counts repeated n-grams, and character n-grams across word boundaries', () => {
    // words 路灯 ×2, 路灯+路灯; characters 路 ×2, 灯 ×2, 路灯 ×2, 灯路, 路灯路, 灯路灯
    const counts = countsOf(['路灯', '路灯']);
    expect(counts.size).toBe(2 + 6);
    expect([...counts.values()].reduce((s, c) => s + c, 0)).toBe(3 + 9);
    expect([...counts.values()].sort()).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
  });

  it('gives the characters of a text the same features however it was segmented', () => {
    const chars = (words: string[]) => [...countsOf(words)].filter(([h]) => h >= CHAR_BLOCK_BIT);
    expect(new Map(chars(['路灯', '坏了']))).toEqual(new Map(chars(['路', '灯坏', '了'])));
  });

  it('counts the opening words again as head features, apart from every n-gram', () => {
    const words = ['电梯', '故障', '物业', '不', '维修'];
    const plain = countsOf(words);
    const headed = countsOf(words, new FeatureCounter(), { ...NGRAMS_ONLY, headWords: 2 });
    const extra = [...headed.keys()].filter((h) => !plain.has(h));
    expect(extra).toHaveLength(2);
    expect(extra.every((h) => h < CHAR_BLOCK_BIT)).toBe(true);
    for (const [h, c] of plain) expect(headed.get(h)).toBe(c);
    const short = countsOf(['电梯'], new FeatureCounter(), { ...NGRAMS_ONLY, headWords: 15 });
    expect(short.size).toBe(countsOf(['电梯']).size + 1);
  });

  it('answers the same when its buffers are reused after a longer message', () => {
    const counter = new FeatureCounter();
    const long = Array.from({ length: 3000 }, (_, i) => `第${i % 97}号路灯坏了`);
    countsOf(long, counter);
    expect(countsOf(['水箱', '霉味', '水箱'], counter)).toEqual(countsOf(['水箱', '霉味', '水箱']));
    expect(countsOf([], counter).size).toBe(0);
    countsOf(long, counter, DEFAULT_FEATURE_CONFIG);
    expect(countsOf(['水箱', '霉味'], counter, DEFAULT_FEATURE_CONFIG)).toEqual(
      countsOf(['水箱', '霉味'], new FeatureCounter(), DEFAULT_FEATURE_CONFIG),
    );
  });
});
