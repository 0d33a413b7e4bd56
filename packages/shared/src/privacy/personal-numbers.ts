/**
 * The personal numbers people type into free text (诉求内容, notes, replies): mobile and fixed-line phones,
 * resident ID numbers, bank cards and vehicle plates. Each kind is a shape (a regular expression) and a rule
 * that confirms a number of that shape really is one (the ID check digit, the Luhn check …).
 *
 * The shapes are written in the part of regular-expression syntax that JavaScript and PostgreSQL's advanced
 * regular expressions read alike (classes, bounded repeats, `(?:…)`, look-ahead and look-behind, no
 * backslashes), so that the database can star the same shapes in the copy of a text it searches.
 */

/** An ASCII or full-width digit: Chinese input methods type both. */
const D = '[0-9０-９]';
/** A Latin letter, ASCII or full-width. */
const L = 'A-Za-zＡ-Ｚａ-ｚ';
// A number starts and ends where no digit or letter touches it: `WH20261123000123` holds no phone.
const EDGE_BEFORE = `(?<![0-9０-９${L}])`;
const EDGE_AFTER = `(?![0-9０-９${L}])`;
/** What people put between groups of digits. */
const SEP = '[ -]';
/** 省、自治区、直辖市 abbreviations that open a plate. */
const PROVINCES = '[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]';

/** The kinds of personal number found in free text. */
export type PersonalNumberKindName =
  | 'mobile'
  | 'landline'
  | 'resident_id'
  | 'old_resident_id'
  | 'bank_card'
  | 'vehicle_plate';

/** One kind of personal number. */
export interface PersonalNumberKind {
  name: PersonalNumberKindName;
  /** the shape without its edges (a regular-expression source for JavaScript and PostgreSQL) */
  shape: string;
  /** whether a number of this shape is one, read in its canonical form (ASCII, upper case) */
  confirms(canonical: string): boolean;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** GB 11643-1999: the 18th character of a resident ID is fixed by the weighted sum of the first 17. */
export function hasValidIdCheckDigit(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(id[i]), 0);
  return ID_CHECK_CHARS[sum % 11] === id[17];
}

/** The Luhn check (ISO/IEC 7812) that every bank card number passes. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[digits.length - 1 - i]);
    sum += i % 2 === 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return sum % 10 === 0;
}

/** Whether `yyyymmdd` (from 1900 on) is a day of the calendar: no 30 February in an ID. */
export function isBirthDate(yyyymmdd: string): boolean {
  const [y, m, d] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)].map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return (
    y! >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d
  );
}

/** The digits of a canonical number, separators and prefixes dropped. */
export function digitsOf(canonical: string): string {
  return canonical.replace(/[^0-9]/g, '');
}

/**
 * The kinds, in the order a text is read: phones first (an `86` prefix would otherwise read as a card),
 * then IDs, cards and plates. A number one kind masks is starred, so no later kind reads it again.
 */
export const PERSONAL_NUMBER_KINDS: readonly PersonalNumberKind[] = [
  {
    // 13912345678, 139 1234 5678, +86 139-1234-5678
    name: 'mobile',
    shape: `(?:[+＋]?[8８][6６]${SEP}?)?[1１]${D}{2}(?:${SEP}?${D}{4}){2}`,
    confirms: (c) => /^1[3-9]\d{9}$/.test(digitsOf(c).slice(-11)),
  },
  {
    // 0473-1234567, 010 12345678, 04733123456
    name: 'landline',
    shape: `[0０]${D}{2,3}${SEP}?${D}{7,8}`,
    confirms: (c) => /^0[1-9]\d{1,2}[ -]?[1-9]\d{6,7}$/.test(c),
  },
  {
    // area (6), birth date (8), sequence (3), check digit (GB 11643)
    name: 'resident_id',
    shape: `${D}{17}[0-9０-９XxＸｘ]`,
    confirms: (c) => /^[1-9]/.test(c) && isBirthDate(c.slice(6, 14)) && hasValidIdCheckDigit(c),
  },
  {
    // issued before 1999: a two-digit year and no check digit, so the birth date is all there is to check
    name: 'old_resident_id',
    shape: `${D}{15}`,
    confirms: (c) => /^[1-9]/.test(c) && isBirthDate(`19${c.slice(6, 12)}`),
  },
  {
    // 13 to 19 digits, in groups of four or not; never 12, so that a date with a serial (`20261201-0001`)
    // keeps its shape in the search copy too
    name: 'bank_card',
    shape: `${D}{4}(?:${SEP}?${D}{4}){2}${SEP}?${D}{1,4}(?:${SEP}?${D}{1,3})?`,
    confirms(c) {
      const digits = digitsOf(c);
      return /^[1-9]\d{12,18}$/.test(digits) && passesLuhn(digits);
    },
  },
  {
    // 蒙C12345, 蒙CD12345 (new energy), 蒙C·12345: a serial of at most two letters, never I or O
    name: 'vehicle_plate',
    shape: `${PROVINCES}[${L}][·• ]?[0-9０-９${L}]{5,6}`,
    confirms(c) {
      const letters = c.slice(2).replace(/[·• 0-9]/g, '');
      return letters.length <= 2 && !/[IO]/.test(letters);
    },
  },
];

const edged = (kind: PersonalNumberKind) => `${EDGE_BEFORE}(?:${kind.shape})${EDGE_AFTER}`;

/**
 * Every shape at once, for PostgreSQL's `regexp_replace(text, pattern, '*', 'g')`: the copy of a text that a
 * caller without `personal_data.read` searches. It stars every number of a personal shape, confirmed or not,
 * so that such a caller finds nothing by a phone, an ID or a fragment of one.
 */
export const PERSONAL_NUMBER_SEARCH_PATTERN = PERSONAL_NUMBER_KINDS.map(edged).join('|');

const PATTERNS = PERSONAL_NUMBER_KINDS.map((kind) => ({ kind, pattern: new RegExp(edged(kind), 'g') }));

/**
 * `text` with every confirmed personal number replaced by `replace(found, kind, canonical)`; numbers of a
 * personal shape that fail their kind's check (a wrong ID check digit, a card failing Luhn) stay as they are.
 */
export function replacePersonalNumbers(
  text: string,
  replace: (found: string, kind: PersonalNumberKindName, canonical: string) => string,
): string {
  return PATTERNS.reduce(
    (out, { kind, pattern }) =>
      out.replace(pattern, (found) => {
        const canonical = found.normalize('NFKC').toUpperCase();
        return kind.confirms(canonical) ? replace(found, kind.name, canonical) : found;
      }),
    text,
  );
}

/**
 * The first `max` characters of `text`, never cutting through a number of a personal shape: the cut moves to
 * just before such a number (or just after it, when the number opens the text). A title clipped from
 * 诉求内容 thus never ends in a fragment of a phone, which would no longer read as one and escape masking.
 */
export function clipOutsidePersonalNumbers(text: string, max: number): string {
  if (text.length <= max) return text;
  for (const found of text.matchAll(new RegExp(PERSONAL_NUMBER_SEARCH_PATTERN, 'g'))) {
    if (found.index >= max) break;
    const end = found.index + found[0].length;
    if (end > max) return found.index > 0 ? text.slice(0, found.index) : text.slice(0, end);
  }
  return text.slice(0, max);
}
