import { describe, expect, it } from 'vitest';
import { toFraction, toPercent } from './per-cent.js';

describe('per cents on the settings forms', () => {
  it.each([
    [0.855, 85.5],
    [0.9, 90],
    [0.1, 10],
    [1, 100],
    [0, 0],
  ])('shows %s as %s %% and sends it back unchanged', (fraction, percent) => {
    expect(toPercent(fraction)).toBe(percent);
    expect(toFraction(percent)).toBe(fraction);
  });

  it('keeps one decimal of what is typed', () => {
    expect(toFraction(85.55)).toBe(0.856);
    expect(toPercent(0.12345)).toBe(12.3);
  });
});
