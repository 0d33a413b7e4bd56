import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectPoliceMatter } from './police-detector.js';

const examples = readFileSync(new URL('./police-examples.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { text: string; police: boolean });

describe('110 detection (rules)', () => {
  it('has a balanced hand-written test set of at least 120 messages', () => {
    expect(examples.length).toBeGreaterThanOrEqual(120);
    const police = examples.filter((e) => e.police).length;
    expect(police / examples.length).toBeGreaterThan(0.4);
    expect(police / examples.length).toBeLessThan(0.6);
  });

  it('finds at least 95% of the police matters (recall), and says why', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const missed: string[] = [];
    const falseAlarms: string[] = [];
    for (const e of examples) {
      const verdict = detectPoliceMatter(e.text);
      if (verdict.flagged) expect(verdict.reasons.length).toBeGreaterThan(0);
      if (verdict.flagged && e.police) tp++;
      else if (verdict.flagged) {
        fp++;
        falseAlarms.push(e.text);
      } else if (e.police) {
        fn++;
        missed.push(e.text);
      }
    }
    const recall = tp / (tp + fn);
    const precision = tp / (tp + fp);
    console.info(
      `110 detection on ${examples.length} examples: recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}`,
      { missed, falseAlarms },
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.8);
  });

  it('lets the model flag a message no rule catches', () => {
    const text = '小区门口有情况需要处理';
    expect(detectPoliceMatter(text).flagged).toBe(false);
    const verdict = detectPoliceMatter(text, { probability: 0.7, category: '社会治安' });
    expect(verdict.flagged).toBe(true);
    expect(verdict.reasons.join()).toContain('社会治安');
  });
});
