/**
 * The comparable form of a caller's phone number: digits only, without the country code (+86 / 0086) and,
 * for a mobile, without a leading 0 or 17951-style prefix, so that `139 1234 5678`, `+86-139-1234-5678`
 * and `13912345678` match. Null when fewer than 7 digits remain (nothing to compare).
 */
export function phoneKey(phone: string | null | undefined): string | null {
  if (!phone) return null;
  let digits = phone.normalize('NFKC').replace(/\D/g, '');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  const mobile = /1[3-9]\d{9}$/.exec(digits);
  if (mobile && digits.length <= 16) return mobile[0];
  return digits.length >= 7 ? digits : null;
}
