import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal data encrypted at rest: the ID numbers and phones of the grid's registers, of
 * the parties to disputes and of petitioners. Each value is sealed with
 * AES-256-GCM under a key derived from `SHANZHI_DATA_KEY` (HKDF-SHA256), with a fresh 96-bit nonce and the
 * column it belongs to as associated data, so a sealed value copied into another column does not open. A
 * keyed blind index (HMAC-SHA256 under a second derived key) stands beside it for exact search and duplicate
 * checks: equal numbers give equal indexes, and without the key nobody can test a guess against them.
 */

/** The first byte of a sealed value: the format (and key derivation) it was written with. */
const FORMAT_V1 = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** The column a personal value belongs to: its associated data when sealed, its index's domain. */
export type PersonalField =
  | 'resident.id_number'
  | 'resident.phone'
  | 'organisation.contact_phone'
  | 'dispute_party.id_number'
  | 'dispute_party.phone'
  | 'petitioner.id_number'
  | 'petitioner.phone'
  // not personal data but a secret of the same size class: a room's 6-digit code, kept only as its index
  | 'dispute_party.room_code'
  // not personal data either: the secret a smart-safe device signs its messages with
  | 'iot_device.secret';

/** Seals, opens and indexes personal values under one data key. */
export interface PersonalDataCipher {
  /** `value` encrypted for `field`: format byte, nonce, ciphertext and tag */
  seal(field: PersonalField, value: string): Buffer;
  /** the value sealed for `field`; throws if it was sealed under another key or for another field */
  open(field: PersonalField, sealed: Buffer): string;
  /** the blind index of a canonical value of `field` (base64url of the HMAC) */
  index(field: PersonalField, canonical: string): string;
}

const ciphers = new WeakMap<Buffer, PersonalDataCipher>();

function derive(dataKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `shanzhi personal data: ${purpose}`, 32));
}

/** The cipher of a data key (derived once per key and kept). */
export function personalDataCipher(dataKey: Buffer): PersonalDataCipher {
  const known = ciphers.get(dataKey);
  if (known) return known;
  const encryptionKey = derive(dataKey, 'aes-256-gcm v1');
  const indexKey = derive(dataKey, 'blind index v1');
  const cipher: PersonalDataCipher = {
    seal(field, value) {
      const nonce = randomBytes(NONCE_BYTES);
      const gcm = createCipheriv('aes-256-gcm', encryptionKey, nonce);
      gcm.setAAD(Buffer.from(field));
      const body = Buffer.concat([gcm.update(value, 'utf8'), gcm.final()]);
      return Buffer.concat([Buffer.of(FORMAT_V1), nonce, body, gcm.getAuthTag()]);
    },
    open(field, sealed) {
      if (sealed[0] !== FORMAT_V1 || sealed.length < 1 + NONCE_BYTES + TAG_BYTES) {
        throw new Error(`not a sealed ${field} value`);
      }
      const nonce = sealed.subarray(1, 1 + NONCE_BYTES);
      const tag = sealed.subarray(sealed.length - TAG_BYTES);
      const gcm = createDecipheriv('aes-256-gcm', encryptionKey, nonce);
      gcm.setAAD(Buffer.from(field));
      gcm.setAuthTag(tag);
      return Buffer.concat([gcm.update(sealed.subarray(1 + NONCE_BYTES, -TAG_BYTES)), gcm.final()]).toString(
        'utf8',
      );
    },
    index(field, canonical) {
      return createHmac('sha256', indexKey).update(`${field}\u0000${canonical}`).digest('base64url');
    },
  };
  ciphers.set(dataKey, cipher);
  return cipher;
}
