import { type LinearWeights, type SvmOptions, trainLinearSvm } from './linear-model.js';
import type { SparseMatrix } from './tfidf.js';

/**
 * A member of the classifier's ensemble: `svm` is the linear SVM on TF-IDF rows; `nbsvm` the same SVM on rows
 * scaled per label by the naive-Bayes log-count ratio of each feature (Wang & Manning 2012), a second model
 * family whose errors differ from the first's.
 */
export type EnsembleMember = 'svm' | 'nbsvm';

/** The ensemble a classifier trains unless told otherwise (chosen by cross-validation, see the README). */
export const DEFAULT_MEMBERS: readonly EnsembleMember[] = ['svm', 'nbsvm'];

/**
 * Trains every member on the same rows and averages their weights. Averaging the weights of linear models is
 * averaging their margins, so the ensemble is again one linear model: prediction costs what one member costs.
 */
export function trainEnsemble(
  x: SparseMatrix,
  y: Int32Array,
  labelCount: number,
  svm: SvmOptions,
  members: readonly EnsembleMember[],
): LinearWeights {
  if (members.length === 0) throw new RangeError('an ensemble needs at least one member');
  const trained = members.map((m) => trainLinearSvm(x, y, labelCount, { ...svm, nbScaling: m === 'nbsvm' }));
  if (trained.length === 1) return trained[0]!;
  const weights = new Float32Array(trained[0]!.weights.length);
  const bias = new Float32Array(labelCount);
  for (const member of trained) {
    for (let i = 0; i < weights.length; i++) weights[i]! += member.weights[i]! / trained.length;
    for (let l = 0; l < labelCount; l++) bias[l]! += member.bias[l]! / trained.length;
  }
  return { labelCount, weights, bias };
}
