/** GB 32100-2015: the 31 characters of a 统一社会信用代码 (no I, O, S, V or Z). */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A credit code as typed, canonical: ASCII, upper case, no spaces. */
export function canonicalCreditCode(typed: string): string {
  return typed.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/**
 * Whether `code` (canonical) is a 统一社会信用代码 (GB 32100-2015): 18 characters of the code's alphabet, a
 * 6-digit area at positions 3–8, and a last character fixed by the weighted sum of the first 17 (mod 31).
 */
export function hasValidCreditCode(code: string): boolean {
  if (code.length !== 18 || !/^\d{6}$/.test(code.slice(2, 8))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(code[i]!);
    if (value < 0) return false;
    sum += value * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return code[17] === CHARSET[check];
}
