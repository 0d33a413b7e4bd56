import { describe, expect, it } from 'vitest';
import { scorePredictions } from './evaluate.js';

describe('scorePredictions', () => {
  it('matches a hand-computed confusion matrix', () => {
    // gold \ predicted:  A  B  C
    //               A    3  1  0
    //               B    0  2  1
    //               C    1  0  2
    const pairs: [string, string][] = [
      ['A', 'A'],
      ['A', 'A'],
      ['A', 'A'],
      ['A', 'B'],
      ['B', 'B'],
      ['B', 'B'],
      ['B', 'C'],
      ['C', 'C'],
      ['C', 'C'],
      ['C', 'A'],
    ];
    const report = scorePredictions(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
    expect(report.n).toBe(10);
    expect(report.accuracy).toBeCloseTo(7 / 10, 12);
    // A: P = 3/4, R = 3/4; B: P = 2/3, R = 2/3; C: P = 2/3, R = 2/3
    expect(report.per_label.A).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75, support: 4 });
    expect(report.per_label.B?.precision).toBeCloseTo(2 / 3, 12);
    expect(report.per_label.B?.recall).toBeCloseTo(2 / 3, 12);
    expect(report.per_label.C?.f1).toBeCloseTo(2 / 3, 12);
    expect(report.per_label.C?.support).toBe(3);
    expect(report.macro_f1).toBeCloseTo((0.75 + 2 / 3 + 2 / 3) / 3, 12);
  });

  it('counts a label that is only ever predicted, with zero recall and support', () => {
    const report = scorePredictions(['A', 'A'], ['A', 'Z']);
    expect(report.per_label.Z).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
    expect(report.per_label.A?.recall).toBe(0.5);
    expect(report.per_label.A?.precision).toBe(1);
    expect(report.macro_f1).toBeCloseTo((2 / 3 + 0) / 2, 12);
  });
});
