import { describe, expect, it } from 'vitest';
import { CHAR_BLOCK_BIT, FeatureCounter } from './feature-hashes.js';
import { DEFAULT_FEATURE_CONFIG, extractWords, isPreSegmented, normaliseText } from './text-features.js';

function charFeatures(text: string): Set<number> {
  const counter = new FeatureCounter();
  counter.count(extractWords(text), DEFAULT_FEATURE_CONFIG);
  return new Set(Array.from(counter.snapshot().keys).filter((h) => h >= CHAR_BLOCK_BIT));
}

describe('text features', () => {
  it('gives a raw sentence and its segmented form the same words and character n-grams', () => {
    const raw = 'A1区小区楼顶水箱长年不洗，现在自来水有严重霉味！';
    const segmented = 'A1 区 小区 楼顶 水箱 长年 不洗 现在 自来水 严重 霉味';
    expect(extractWords(raw)).toEqual(extractWords(segmented));
    expect(charFeatures(raw)).toEqual(charFeatures(segmented));
    expect(charFeatures(raw).size).toBeGreaterThan(20);
  });

  it('tells pre-segmented text from a raw sentence', () => {
    expect(isPreSegmented('小区 楼顶 水箱 长年 不洗')).toBe(true);
    expect(isPreSegmented('小区楼顶水箱长年不洗，自来水有霉味。')).toBe(false);
    expect(isPreSegmented('')).toBe(false);
  });

  it('folds full-width characters and case, and collapses digit runs', () => {
    expect(normaliseText('ＡＢＣ１２３，')).toBe('abc123,');
    expect(extractWords('2019 年 12 月 A3 区')).toEqual(['0', '年', '0', '月', 'a0', '区']);
  });

  it('drops punctuation and stop-words the segmented form never has', () => {
    expect(extractWords('我们的路灯坏了！！')).toEqual(['路灯', '坏']);
    expect(extractWords('我们的路灯坏了', false)).toContain('的');
  });
});
