import { hasValidIdCheckDigit, isBirthDate } from '../privacy/personal-numbers.js';

/** Why an ID number is refused, or `ok`. */
export type IdNumberCheck = 'ok' | 'shape' | 'birth_date' | 'check_digit';

/**
 * A resident ID number as typed (full-width digits, a lower-case x, spaces) in its canonical form: ASCII, upper
 * case, nothing else. The blind index and the duplicate check read this form, so `１５０３…ｘ` and `1503…X` are
 * one person.
 */
export function canonicalIdNumber(typed: string): string {
  return typed.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/**
 * GB 11643-1999 公民身份号码: 18 characters (a 6-digit area not starting with 0, a birth date that is a day of
 * the calendar, a 3-digit sequence and the check character of the weighted sum). Reads the canonical form.
 */
export function checkIdNumber(canonical: string): IdNumberCheck {
  if (!/^[1-9]\d{16}[\dX]$/.test(canonical)) return 'shape';
  if (!isBirthDate(canonical.slice(6, 14))) return 'birth_date';
  return hasValidIdCheckDigit(canonical) ? 'ok' : 'check_digit';
}

/** The message of each refusal, as the form and the import report it. */
export const ID_NUMBER_PROBLEMS: Record<Exclude<IdNumberCheck, 'ok'>, string> = {
  shape: '公民身份号码须为 18 位（最后一位可为 X）',
  birth_date: '公民身份号码中的出生日期不存在',
  check_digit: '公民身份号码校验位错误（GB 11643），请核对',
};

/** The birth date an ID number carries (`YYYY-MM-DD`). */
export function birthDateOfIdNumber(canonical: string): string {
  return `${canonical.slice(6, 10)}-${canonical.slice(10, 12)}-${canonical.slice(12, 14)}`;
}

/** The sex an ID number carries: the 17th digit is odd for a man, even for a woman. */
export function genderOfIdNumber(canonical: string): 'male' | 'female' {
  return Number(canonical[16]) % 2 === 1 ? 'male' : 'female';
}

/** Full years of age on `today` (`YYYY-MM-DD`, Beijing) of someone born on `birthDate`. */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * A phone number as typed, canonical: ASCII digits, with the hyphen of a fixed line's area code kept
 * (`0473-3123456`); a `+86`/`86` prefix of a mobile dropped. Null when it is neither a mobile nor a fixed line.
 */
export function canonicalPhone(typed: string): string | null {
  const compact = typed.normalize('NFKC').replace(/[\s()（）]/g, '');
  const mobile = compact.replace(/^\+?86-?(?=1)/, '');
  if (/^1[3-9]\d{9}$/.test(mobile)) return mobile;
  const fixed = /^(0\d{2,3})-?([1-9]\d{6,7})$/.exec(compact);
  return fixed ? `${fixed[1]}-${fixed[2]}` : null;
}

/** What the blind index of a phone reads: its digits alone, so `0473-3123456` and `04733123456` are one. */
export function phoneIndexForm(canonical: string): string {
  return canonical.replace(/\D/g, '');
}
