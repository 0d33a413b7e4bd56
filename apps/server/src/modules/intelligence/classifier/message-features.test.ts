import { describe, expect, it } from 'vitest';
import { FeatureCounter, type HashedCounts } from './feature-hashes.js';
import { countMessageFeatures } from './message-features.js';
import { DEFAULT_FEATURE_CONFIG, extractWords, type FeatureConfig } from './text-features.js';

function fresh(text: string, config: FeatureConfig): HashedCounts {
  const counter = new FeatureCounter();
  counter.count(extractWords(text, config.dropStopWords), config);
  return counter.snapshot();
}

const WORDS_ONLY: FeatureConfig = { ...DEFAULT_FEATURE_CONFIG, charNgrams: [0, 0] };
const STREETLIGHT = '小区门口的路灯坏了好几个月，晚上出行很不安全。';
const WATER_TANK = '小区 楼顶 水箱 长年 不洗 自来水 霉味';

describe('countMessageFeatures', () => {
  it('counts as a fresh counter does, message after message', () => {
    for (const text of [STREETLIGHT, WATER_TANK, STREETLIGHT]) {
      expect(countMessageFeatures(text, DEFAULT_FEATURE_CONFIG).snapshot()).toEqual(
        fresh(text, DEFAULT_FEATURE_CONFIG),
      );
    }
  });

  it('counts again when the same text comes with another way of counting', () => {
    countMessageFeatures(STREETLIGHT, DEFAULT_FEATURE_CONFIG);
    expect(countMessageFeatures(STREETLIGHT, WORDS_ONLY).snapshot()).toEqual(fresh(STREETLIGHT, WORDS_ONLY));
    expect(countMessageFeatures(STREETLIGHT, { ...DEFAULT_FEATURE_CONFIG }).snapshot()).toEqual(
      fresh(STREETLIGHT, DEFAULT_FEATURE_CONFIG),
    );
    const noHead = { ...DEFAULT_FEATURE_CONFIG, headWords: 0 };
    expect(countMessageFeatures(STREETLIGHT, noHead).snapshot()).toEqual(fresh(STREETLIGHT, noHead));
  });
});
