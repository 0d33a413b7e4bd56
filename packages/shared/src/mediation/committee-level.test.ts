import { describe, expect, it } from 'vitest';
import { committeeLevelOf } from './mediation-enums.js';

describe('a committee’s level', () => {
  it.each([
    ['city', [], 'city'],
    ['district', [], 'district'],
    ['town', [], 'town'],
    ['community', [], 'community'],
    ['city', ['traffic'], 'specialised'],
    ['district', ['medical', 'labour'], 'specialised'],
    ['grid', [], null],
    ['unit', [], null],
    ['center', [], null],
    ['grid', ['property'], null],
  ] as const)('at a %s taking %j is %s', (kind, fields, level) => {
    expect(committeeLevelOf(kind, fields)).toBe(level);
  });
});
