import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DUPLICATE_SCORING, scoreDuplicate } from './duplicate-score.js';
import { buildDuplicateEvalSet, type EvalMessage } from './duplicates-eval-set.js';
import { phoneKey } from './phone-key.js';
import { bandKeys, textSimilarity } from './text-fingerprint.js';

// Real citizen messages (2020 TipDM Cup C, the replied-messages file); read in place, never copied.
const DATA = new URL(
  '../../../../../../../shared/data/teddy_cup_2020_c/fj4_messages_replies.jsonl',
  import.meta.url,
);
const present = existsSync(DATA);

function load(): EvalMessage[] {
  return readFileSync(DATA, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as EvalMessage);
}

describe('duplicate detection on the labelled evaluation set (README)', () => {
  it.skipIf(!present)(
    'reaches precision ≥ 0.95 and recall ≥ 0.9 at the default threshold, and precision ≥ 0.9 from the shown floor on',
    () => {
      const pairs = buildDuplicateEvalSet(load(), 400);
      const s = DEFAULT_DUPLICATE_SCORING;
      let tp = 0;
      let fp = 0;
      let fn = 0;
      let banded = 0;
      let shown = 0;
      let shownRight = 0;
      const wrong: Record<string, number> = {};
      for (const pair of pairs) {
        const query = { ...pair.query, phone: phoneKey(pair.query.phone) };
        const candidate = { ...pair.candidate, phone: phoneKey(pair.candidate.phone) };
        const scored = scoreDuplicate(
          query,
          candidate,
          textSimilarity(query.features, candidate.features),
          s,
        );
        const flagged = scored.score >= s.threshold;
        if (scored.score >= s.shownFrom) {
          shown++;
          if (pair.duplicate) shownRight++;
        }
        if (flagged && pair.duplicate) tp++;
        else if (flagged) fp++;
        else if (pair.duplicate) fn++;
        if (flagged !== pair.duplicate) wrong[pair.kind] = (wrong[pair.kind] ?? 0) + 1;
        if (pair.duplicate) {
          // text-only retrieval: would the LSH bands alone bring the stored case in?
          const a = bandKeys(query.features);
          const b = new Set(bandKeys(candidate.features));
          if (a.some((k) => b.has(k))) banded++;
        }
      }
      const positives = pairs.filter((p) => p.duplicate).length;
      const precision = tp / (tp + fp);
      const recall = tp / (tp + fn);
      const report = {
        pairs: pairs.length,
        duplicates: positives,
        threshold: s.threshold,
        precision: Number(precision.toFixed(3)),
        recall: Number(recall.toFixed(3)),
        bandRecall: Number((banded / positives).toFixed(3)),
        shownFrom: s.shownFrom,
        shownPrecision: Number((shownRight / shown).toFixed(3)),
        shownRecall: Number((shownRight / positives).toFixed(3)),
        errorsByKind: wrong,
      };
      console.log(`duplicate evaluation ${JSON.stringify(report)}`);
      expect(precision).toBeGreaterThanOrEqual(0.95);
      expect(recall).toBeGreaterThanOrEqual(0.9);
      expect(banded / positives).toBeGreaterThanOrEqual(0.95);
      // what the agent sees at all: nine in ten of the listed candidates are real duplicates
      expect(shownRight / shown).toBeGreaterThanOrEqual(0.9);
      expect(shownRight / positives).toBeGreaterThanOrEqual(0.95);
    },
  );
});
