import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crossValidate } from './cross-validate.js';
import { createRandom, shuffleInPlace } from './random.js';
import type { TrainingExample } from './train.js';

// Real citizen messages (2020 TipDM Cup C); read in place, never copied into the repository.
const DATA = new URL('../../../../../../../shared/data/teddy_cup_2020_c/train_8290.jsonl', import.meta.url);
const present = existsSync(DATA);

function sample(size: number): TrainingExample[] {
  const rows = readFileSync(DATA, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as TrainingExample);
  shuffleInPlace(rows, createRandom(2020));
  return rows.slice(0, size).map((r) => ({ text: r.text, label: r.label }));
}

describe('on the 2020 TipDM citizen messages', () => {
  it.skipIf(!present)(
    'reaches 0.85 accuracy and macro-F1 in 2-fold cross-validation on 2,000 messages, with calibrated probabilities',
    () => {
      const report = crossValidate(sample(2000), 2, { threshold: 0.95 });
      expect(report.mean.accuracy).toBeGreaterThanOrEqual(0.85);
      expect(report.mean.macro_f1).toBeGreaterThanOrEqual(0.85);
      // each fold's model calibrated itself on its own training half: its 90 % means about nine in ten
      expect(report.ece).toBeLessThanOrEqual(0.05);
      expect(report.auto_dispatch!.accuracy).toBeGreaterThan(report.mean.accuracy);
    },
  );
});
