import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { personalDataCipher } from './personal-data-cipher.js';

const key = randomBytes(32);
const cipher = personalDataCipher(key);
const ID = '150302195603122010';

describe('personalDataCipher', () => {
  it('seals a value so that it opens again, and never twice alike', () => {
    const a = cipher.seal('resident.id_number', ID);
    const b = cipher.seal('resident.id_number', ID);
    expect(a.equals(b)).toBe(false);
    expect(cipher.open('resident.id_number', a)).toBe(ID);
    expect(a.toString('latin1')).not.toContain(ID);
    expect(a.toString('hex')).not.toContain(Buffer.from(ID).toString('hex'));
  });

  it('does not open a value sealed for another field, or under another key', () => {
    const sealed = cipher.seal('resident.id_number', ID);
    expect(() => cipher.open('resident.phone', sealed)).toThrow();
    expect(() => personalDataCipher(randomBytes(32)).open('resident.id_number', sealed)).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 20]! ^= 1;
    expect(() => cipher.open('resident.id_number', tampered)).toThrow();
  });

  it('indexes equal values alike, per field and per key', () => {
    expect(cipher.index('resident.id_number', ID)).toBe(cipher.index('resident.id_number', ID));
    expect(cipher.index('resident.id_number', ID)).not.toBe(cipher.index('resident.phone', ID));
    expect(personalDataCipher(randomBytes(32)).index('resident.id_number', ID)).not.toBe(
      cipher.index('resident.id_number', ID),
    );
    expect(cipher.index('resident.id_number', ID)).not.toContain(ID.slice(0, 6));
  });
});
