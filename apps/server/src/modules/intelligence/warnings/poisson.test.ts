import { describe, expect, it } from 'vitest';
import { poissonUpperTail } from './poisson.js';
import { testSurge } from './surge-model.js';

describe('poissonUpperTail', () => {
  it('matches the textbook values', () => {
    expect(poissonUpperTail(0, 2)).toBe(1);
    expect(poissonUpperTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    // P(X ≥ 5 | 2) = 1 − Σ_{0..4} e^-2 2^k / k! = 0.052653
    expect(poissonUpperTail(5, 2)).toBeCloseTo(0.052653, 5);
  });

  it('keeps the precision of tiny tails', () => {
    const p = poissonUpperTail(15, 0.5);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-14);
  });
});

describe('testSurge', () => {
  it('flags 14 cases where the cell usually has 2 a day', () => {
    const t = testSurge(14, 2 * 28);
    expect(t.surge).toBe(true);
    expect(t.baseline).toBeCloseTo(2.02, 2);
  });

  it('does not flag a busy cell on an ordinary day, nor a handful where there were none', () => {
    expect(testSurge(6, 3 * 28).surge).toBe(false);
    expect(testSurge(4, 0).surge).toBe(false);
  });
});
