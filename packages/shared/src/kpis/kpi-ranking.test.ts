import { describe, expect, it } from 'vitest';
import { rankByScore } from './kpi-ranking.js';

describe('rankByScore', () => {
  // 0.1 × 0.95 + 0.5 × 0.9 + 0.4 × 0.94 is 0.921 on paper and 0.9210000000000002 in floating point
  const computed = 0.1 * 0.95 + 0.5 * 0.9 + 0.4 * 0.94;
  const units = [
    { unit: '供热公司', score: 0.85 },
    { unit: '城管执法局', score: 0.921 },
    { unit: '无回访单位', score: null },
    { unit: '住建局', score: 0.95 },
    { unit: '水务局', score: computed },
    { unit: '交通运输局', score: 0.9 },
  ];

  it('sorts best first, ties share a rank and the next rank is skipped', () => {
    expect(rankByScore(units, 0.9).map((u) => [u.unit, u.rank])).toEqual([
      ['住建局', 1],
      ['城管执法局', 2],
      ['水务局', 2],
      ['交通运输局', 4],
      ['供热公司', 5],
      ['无回访单位', null],
    ]);
  });

  it('flags those under the threshold, not those at it, nor those without a score', () => {
    expect(
      rankByScore(units, 0.9)
        .filter((u) => u.flagged)
        .map((u) => u.unit),
    ).toEqual(['供热公司']);
  });

  it('does not flag a score at the threshold that carries floating-point noise', () => {
    expect(rankByScore([{ score: computed }], 0.921)[0]?.flagged).toBe(false);
  });

  it('keeps the fields of the entries and leaves the input alone', () => {
    const input = [{ id: 1, score: 0.5 }];
    expect(rankByScore(input, 0.9)).toEqual([{ id: 1, score: 0.5, rank: 1, flagged: true }]);
    expect(input).toEqual([{ id: 1, score: 0.5 }]);
  });

  it('ranks nothing when there is nothing', () => {
    expect(rankByScore([], 0.9)).toEqual([]);
  });
});
