import { z } from 'zod';

/** The fewest bytes a secret key may have: 256 bits, the HMAC-SHA256 block's own strength. */
export const SECRET_KEY_MIN_BYTES = 32;

/**
 * The bytes of a secret key written as hex (only hex digits, even length) or else as base64 (standard or
 * URL-safe); null when it is neither or shorter than `SECRET_KEY_MIN_BYTES`.
 */
export function decodeSecretKey(text: string): Buffer | null {
  const trimmed = text.trim();
  let bytes: Buffer;
  if (/^(?:[0-9a-fA-F]{2})+$/.test(trimmed)) bytes = Buffer.from(trimmed, 'hex');
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) bytes = Buffer.from(trimmed, 'base64');
  else return null;
  return bytes.length >= SECRET_KEY_MIN_BYTES ? bytes : null;
}

/** A setting holding a secret key (see `decodeSecretKey`), validated and decoded to its bytes. */
export const SecretKeySetting = z.string().transform((text, ctx) => {
  const key = decodeSecretKey(text);
  if (key) return key;
  ctx.addIssue({
    code: 'custom',
    message: `must be at least ${SECRET_KEY_MIN_BYTES} bytes written as hex or base64 (e.g. \`openssl rand -hex 32\`)`,
  });
  return z.NEVER;
});
