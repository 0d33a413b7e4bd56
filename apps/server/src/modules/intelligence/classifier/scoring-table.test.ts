import { describe, expect, it } from 'vitest';
import { FeatureCounter } from './feature-hashes.js';
import { scoreRow } from './linear-model.js';
import { TINY_CORPUS, TINY_UNSEEN } from './test-fixtures.js';
import { extractWords } from './text-features.js';
import { vectoriseCounts } from './tfidf.js';
import { predict, scoreText, trainClassifier } from './train.js';

describe('the fused prediction path', () => {
  const model = trainClassifier(TINY_CORPUS, { features: { minDf: 1 }, svm: { c: 10 } });
  const texts = [...TINY_CORPUS, ...TINY_UNSEEN].map((e) => e.text).concat(['？？？', '']);

  // The training path: counted features → TF-IDF row → w·x + b, as cross-validation scores held-out messages.
  function trainingPathMargins(text: string): Float64Array {
    const counter = new FeatureCounter();
    counter.count(extractWords(text, model.features.dropStopWords), model.features);
    const row = vectoriseCounts(counter.snapshot(), model.vocabulary, model.features.charWeight);
    return scoreRow(model.weights, row);
  }

  it('gives the margins of the training path, less the first label’s', () => {
    for (const text of texts) {
      const expected = trainingPathMargins(text);
      const fused = scoreText(model, text);
      for (let l = 0; l < model.labels.length; l++)
        expect(fused[l]).toBeCloseTo(expected[l]! - expected[0]!, 5);
    }
  });

  it('ranks the labels as the training path does', () => {
    for (const text of texts) {
      const margins = trainingPathMargins(text);
      const best = margins.indexOf(Math.max(...margins));
      expect(predict(model, text, 1)[0]?.label).toBe(model.labels[best]);
    }
  });
});
