import { digitsOf, type PersonalNumberKindName, replacePersonalNumbers } from './personal-numbers.js';

/**
 * Masking of personal data (phone, ID number, address, name, and the numbers typed into free text) for roles
 * that do not hold `personal_data.read`. The rules keep just enough for a person to recognise a record.
 */

/** `text` with its first `head` and last `tail` characters kept and the rest starred (all starred if short). */
function keepEnds(text: string, head: number, tail: number): string {
  if (text.length <= head + tail) return '*'.repeat(text.length);
  return `${text.slice(0, head)}${'*'.repeat(text.length - head - tail)}${text.slice(-tail)}`;
}

/** `13812345678` → `138****5678`; other lengths keep the first 3 and last 2 characters. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  return phone.length === 11 ? keepEnds(phone, 3, 4) : keepEnds(phone, 3, 2);
}

/** 18-digit ID number → first 6 (the issuing area) and last 4 kept: `150302********123X`. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  return keepEnds(id, 6, 4);
}

/** Keeps an address up to its road or community and hides the rest (house and room numbers). */
export function maskAddress(address: string | null | undefined): string | null {
  if (!address) return address ?? null;
  const cut = address.search(/[0-9０-９]/);
  const keep = cut > 0 ? address.slice(0, cut) : address.slice(0, Math.ceil(address.length / 2));
  return `${keep}****`;
}

/** `张三丰` → `张**`: the surname alone. */
export function maskPersonName(name: string | null | undefined): string | null {
  if (!name) return name ?? null;
  return `${name.slice(0, 1)}${'*'.repeat(Math.max(1, name.length - 1))}`;
}

/** `蒙C12345` → `蒙C***45`: the province and the issuing office kept, the serial hidden but its end. */
export function maskVehiclePlate(plate: string): string {
  return keepEnds(plate, 2, 2);
}

/** The masked form of a personal number found in free text, by its kind. */
const MASKED_FORM: Record<PersonalNumberKindName, (found: string, canonical: string) => string> = {
  mobile(found, canonical) {
    // a country prefix stays as typed; the number itself reads as a list shows a phone
    const digits = digitsOf(canonical);
    const prefix = digits.length > 11 ? `${found.match(/^[+＋]?[8８][6６]/)![0]} ` : '';
    return `${prefix}${maskPhone(digits.slice(-11))}`;
  },
  landline: (found) => maskPhone(found)!,
  resident_id: (found) => maskIdNumber(found)!,
  old_resident_id: (found) => maskIdNumber(found)!,
  bank_card: (_found, canonical) => maskIdNumber(digitsOf(canonical))!,
  vehicle_plate: (found) => maskVehiclePlate(found),
};

/**
 * Free text (诉求内容, a note, a reply) with the personal numbers in it masked: mobile and fixed-line phones,
 * resident IDs (18 digits with a valid GB 11643 check digit, or 15), bank cards (13–19 digits passing Luhn)
 * and vehicle plates. `我的电话13912345678` → `我的电话139****5678`. Other numbers — case numbers, dates,
 * amounts, an ID-shaped number with a wrong check digit — stay as they are.
 */
export function maskPersonalDataInText(text: string): string;
export function maskPersonalDataInText(text: string | null): string | null;
export function maskPersonalDataInText(text: string | null): string | null {
  if (!text) return text;
  return replacePersonalNumbers(text, (found, kind, canonical) => MASKED_FORM[kind](found, canonical));
}

/**
 * A JSON value with the personal numbers masked in every string inside it, at any depth (keys and other
 * values stay): a timeline event's `changes`, the data of a live event.
 */
export function maskPersonalDataInValues<T>(value: T): T {
  if (typeof value === 'string') return maskPersonalDataInText(value) as T;
  if (Array.isArray(value)) return value.map((item) => maskPersonalDataInValues(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, maskPersonalDataInValues(item)]),
    ) as T;
  }
  return value;
}
