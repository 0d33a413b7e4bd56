import { describe, expect, it } from 'vitest';
import { createDemoRandom, deriveSeed } from './demo-random.js';

describe('createDemoRandom', () => {
  it('gives the same sequence for the same seed and another one for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 20 }, createDemoRandom(seed).next);
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('draws floats in [0, 1) and integers within their bounds', () => {
    const random = createDemoRandom(1);
    const floats = Array.from({ length: 10_000 }, random.next);
    const ints = new Set(Array.from({ length: 10_000 }, () => random.int(1, 3)));
    expect(floats.every((value) => value >= 0 && value < 1)).toBe(true);
    expect([...ints].sort()).toEqual([1, 2, 3]);
  });

  it('shuffles without losing or adding elements', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = createDemoRandom(5).shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });
});

describe('deriveSeed', () => {
  it('gives different streams for different seeds and labels', () => {
    const seeds = [1, 2, 3, 150300].flatMap((seed) =>
      ['150302', '150303'].map((label) => deriveSeed(seed, label)),
    );
    expect(new Set(seeds).size).toBe(seeds.length);
    expect(deriveSeed(1, 'a')).toBe(deriveSeed(1, 'a'));
  });
});
