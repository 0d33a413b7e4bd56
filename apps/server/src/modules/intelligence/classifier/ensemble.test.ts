import { describe, expect, it } from 'vitest';
import { trainEnsemble } from './ensemble.js';
import { FeatureCounter } from './feature-hashes.js';
import { scoreRow, trainLinearSvm } from './linear-model.js';
import { TINY_CORPUS } from './test-fixtures.js';
import { DEFAULT_FEATURE_CONFIG, extractWords } from './text-features.js';
import { fitVocabulary, toSparseMatrix, vectoriseCounts } from './tfidf.js';
import { DEFAULT_SVM_OPTIONS } from './train.js';

const counter = new FeatureCounter();
const counts = TINY_CORPUS.map((e) => {
  counter.count(extractWords(e.text), DEFAULT_FEATURE_CONFIG);
  return counter.snapshot();
});
const labels = [...new Set(TINY_CORPUS.map((e) => e.label))];
const y = Int32Array.from(TINY_CORPUS, (e) => labels.indexOf(e.label));
const vocabulary = fitVocabulary(counts, 1);
const rows = counts.map((c) => vectoriseCounts(c, vocabulary, DEFAULT_FEATURE_CONFIG.charWeight));
const x = toSparseMatrix(rows, vocabulary.keys.length);

describe('trainEnsemble', () => {
  it('scores every message with the mean of its members’ margins, as one linear model', () => {
    const svm = trainLinearSvm(x, y, labels.length, { ...DEFAULT_SVM_OPTIONS, nbScaling: false });
    const nbsvm = trainLinearSvm(x, y, labels.length, { ...DEFAULT_SVM_OPTIONS, nbScaling: true });
    const both = trainEnsemble(x, y, labels.length, DEFAULT_SVM_OPTIONS, ['svm', 'nbsvm']);
    for (const row of rows) {
      const a = scoreRow(svm, row);
      const b = scoreRow(nbsvm, row);
      const mean = scoreRow(both, row);
      for (let l = 0; l < labels.length; l++) expect(mean[l]).toBeCloseTo((a[l]! + b[l]!) / 2, 4);
    }
  });

  it('is its member alone when it has one, and refuses none', () => {
    const alone = trainEnsemble(x, y, labels.length, DEFAULT_SVM_OPTIONS, ['nbsvm']);
    const nbsvm = trainLinearSvm(x, y, labels.length, { ...DEFAULT_SVM_OPTIONS, nbScaling: true });
    expect(Array.from(alone.weights)).toEqual(Array.from(nbsvm.weights));
    expect(() => trainEnsemble(x, y, labels.length, DEFAULT_SVM_OPTIONS, [])).toThrow(RangeError);
  });
});
