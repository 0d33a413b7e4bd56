import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { TINY_CORPUS, TINY_UNSEEN } from './test-fixtures.js';
import { predict, trainClassifier } from './train.js';

const fixedClock = () => new Date('2025-01-01T00:00:00Z');

describe('trainClassifier', () => {
  const model = trainClassifier(TINY_CORPUS, { features: { minDf: 1 }, svm: { c: 10 }, now: fixedClock });

  it('learns a small three-category corpus', () => {
    expect(model.labels).toEqual(['卫生计生', '城乡建设', '教育文体']);
    expect(evaluate(model, TINY_CORPUS).accuracy).toBe(1);
  });

  it('classifies unseen raw and segmented messages', () => {
    for (const example of TINY_UNSEEN) expect(predict(model, example.text, 1)[0]?.label).toBe(example.label);
  });

  it('ranks k labels by probability, and the probabilities of all labels sum to one', () => {
    const ranked = predict(model, '医院看病排队太久', 3);
    expect(ranked.map((p) => p.label)).toHaveLength(3);
    expect(ranked[0]?.label).toBe('卫生计生');
    for (let i = 1; i < ranked.length; i++)
      expect(ranked[i - 1]!.probability).toBeGreaterThanOrEqual(ranked[i]!.probability);
    expect(ranked.reduce((s, p) => s + p.probability, 0)).toBeCloseTo(1, 6);
    expect(predict(model, '医院看病排队太久', 1)).toHaveLength(1);
  });

  it('is deterministic and records what it was trained on', () => {
    const again = trainClassifier(TINY_CORPUS, { features: { minDf: 1 }, svm: { c: 10 }, now: fixedClock });
    expect(Array.from(again.weights.weights)).toEqual(Array.from(model.weights.weights));
    expect(again.version).toBe(model.version);
    expect(model.version).toMatch(/^20250101T000000Z-[0-9a-f]{8}$/);
    expect(model.training.n).toBe(TINY_CORPUS.length);
    expect(model.training.labelCounts).toEqual({ 城乡建设: 6, 教育文体: 6, 卫生计生: 6 });
    expect(model.temperature).toBeGreaterThan(0);
  });

  it('fits its temperature on held-back messages and records what calibration gave on them', () => {
    expect(model.calibration).toMatchObject({ method: 'temperature', folds: 3, n: TINY_CORPUS.length });
    expect(model.calibration!.temperature).toBe(model.temperature);
    expect(model.calibration!.ece).toBeGreaterThanOrEqual(0);
    expect(model.calibration!.autoDispatch.length).toBeGreaterThan(5);
    expect(model.training.members).toEqual(['svm', 'nbsvm']);
    const uncalibrated = trainClassifier(TINY_CORPUS, { features: { minDf: 1 }, calibrationFolds: 0 });
    expect(uncalibrated.calibration).toBeUndefined();
    expect(uncalibrated.temperature).toBe(1);
  });

  it('answers even for a message with no known feature', () => {
    const ranked = predict(model, '？？？', 2);
    expect(ranked).toHaveLength(2);
  });
});
