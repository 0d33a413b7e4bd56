import { describe, expect, it } from 'vitest';
import { assertStrongPassword } from '../../platform/auth/password-policy.js';
import { drawInitialPassword } from './merchant-accounts.js';

describe('a merchant’s initial password', () => {
  it('is 16 characters with a letter, a digit and a symbol, passes the password rules, and is never the same', () => {
    const drawn = Array.from({ length: 50 }, drawInitialPassword);
    for (const password of drawn) {
      expect(password).toHaveLength(16);
      expect(password).toMatch(/[A-Za-z]/);
      expect(password).toMatch(/\d/);
      expect(password).toMatch(/[@#%+=!?]/);
      expect(() => assertStrongPassword(password, ['m13947300001'])).not.toThrow();
    }
    expect(new Set(drawn).size).toBe(drawn.length);
  });
});
