/**
 * Masking of personal data (phone, ID number, address, name) for roles that do not hold
 * `personal_data.read`. The rules keep just enough for a person to recognise a record.
 */

/** `13812345678` → `138****5678`; other lengths keep the first 3 and last 2 characters. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  if (phone.length === 11) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  if (phone.length <= 5) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 5)}${phone.slice(-2)}`;
}

/** 18-digit ID number → first 6 (the issuing area) and last 4 kept: `150302********123X`. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
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
