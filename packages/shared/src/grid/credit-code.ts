/** GB 32100-2015: the 31 characters of a 统一社会信用代码 (no I, O, S, V or Z). */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A credit code as typed, canonical: ASCII, upper case, no spaces. */
export function canonicalCreditCode(typed: string): string {
  return typed.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** The check character (校验码) of the first 17 characters of a credit code; null if one is not of the alphabet. */
function checkCharacterOf(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/**
 * Whether `code` (canonical) is a 统一社会信用代码 (GB 32100-2015): 18 characters of the code's alphabet, a
 * 6-digit area at positions 3–8, and a last character fixed by the weighted sum of the first 17 (mod 31).
 */
export function hasValidCreditCode(code: string): boolean {
  if (code.length !== 18 || !/^\d{6}$/.test(code.slice(2, 8))) return false;
  const check = checkCharacterOf(code.slice(0, 17));
  return check !== null && code[17] === check;
}

/** The full credit code of its first 17 characters (of the code's alphabet): they and their check character. */
export function completeCreditCode(first17: string): string {
  const check = checkCharacterOf(first17);
  if (first17.length !== 17 || check === null)
    throw new RangeError(`not the start of a credit code: ${first17}`);
  return `${first17}${check}`;
}

/** The alphabet of credit codes, for drawing one (demo data, tests). */
export const CREDIT_CODE_CHARSET = CHARSET;
