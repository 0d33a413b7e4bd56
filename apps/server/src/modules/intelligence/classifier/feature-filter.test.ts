import { describe, expect, it } from 'vitest';
import { FeatureFilter } from './feature-filter.js';
import { createRandom } from './random.js';

function randomKeys(n: number, seed: number): Uint32Array {
  const random = createRandom(seed);
  return Uint32Array.from({ length: n }, () => Math.floor(random() * 2 ** 32));
}

describe('FeatureFilter', () => {
  const members = randomKeys(50_000, 1);
  const filter = new FeatureFilter(members);

  it('lets every feature of its vocabulary through', () => {
    expect(members.every((key) => filter.mayContain(key))).toBe(true);
  });

  it('turns away most other features', () => {
    const others = randomKeys(50_000, 2);
    const passed = others.filter((key) => filter.mayContain(key)).length;
    expect(passed / others.length).toBeLessThan(0.1);
  });
});
