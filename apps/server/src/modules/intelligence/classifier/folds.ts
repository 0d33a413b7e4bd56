import { createRandom, shuffleInPlace } from './random.js';

/**
 * Assigns each row a fold in 0 … folds-1 so that every label is spread evenly over the folds (stratified):
 * the rows of each label are shuffled with the seed and dealt out in turn, continuing where the last label stopped.
 */
export function assignStratifiedFolds(labels: ArrayLike<number>, folds: number, seed: number): Int32Array {
  const byLabel = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const rows = byLabel.get(labels[i]!) ?? [];
    rows.push(i);
    byLabel.set(labels[i]!, rows);
  }
  const fold = new Int32Array(labels.length);
  const random = createRandom(seed);
  let next = 0;
  for (const label of [...byLabel.keys()].sort((a, b) => a - b)) {
    const rows = byLabel.get(label)!;
    shuffleInPlace(rows, random);
    for (const row of rows) {
      fold[row] = next;
      next = (next + 1) % folds;
    }
  }
  return fold;
}
