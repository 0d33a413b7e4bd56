import { birthDateOfIdNumber, genderOfIdNumber, phoneIndexForm } from '@shanzhi/shared';
import type { AppContext } from '../../../platform/context.js';
import { type PersonalField, personalDataCipher } from '../../../platform/crypto/personal-data-cipher.js';

/** A resident's ID number as stored: sealed, indexed, and the two facts kept beside it. */
export interface StoredIdNumber {
  idNumberSealed: Buffer;
  idNumberIndex: string;
  birthDate: string;
  gender: 'male' | 'female';
}

/** A canonical ID number (`ResidentIdNumber`) as the register stores it. */
export function storeIdNumber(ctx: Pick<AppContext, 'dataKey'>, canonical: string): StoredIdNumber {
  const cipher = personalDataCipher(ctx.dataKey);
  return {
    idNumberSealed: cipher.seal('resident.id_number', canonical),
    idNumberIndex: idNumberIndexOf(ctx, canonical),
    birthDate: birthDateOfIdNumber(canonical),
    gender: genderOfIdNumber(canonical),
  };
}

/** The blind index of a canonical ID number: the key of the duplicate check and of an exact search. */
export function idNumberIndexOf(ctx: Pick<AppContext, 'dataKey'>, canonical: string): string {
  return personalDataCipher(ctx.dataKey).index('resident.id_number', canonical);
}

/** A canonical phone (`PhoneNumber`) of `field`, sealed and indexed (by its digits). */
export function storePhone(
  ctx: Pick<AppContext, 'dataKey'>,
  field: Extract<PersonalField, 'resident.phone' | 'organisation.contact_phone'>,
  canonical: string,
): { sealed: Buffer; index: string } {
  const cipher = personalDataCipher(ctx.dataKey);
  return { sealed: cipher.seal(field, canonical), index: phoneIndexOf(ctx, field, canonical) };
}

/** The blind index of a canonical phone of `field`. */
export function phoneIndexOf(
  ctx: Pick<AppContext, 'dataKey'>,
  field: Extract<PersonalField, 'resident.phone' | 'organisation.contact_phone'>,
  canonical: string,
): string {
  return personalDataCipher(ctx.dataKey).index(field, phoneIndexForm(canonical));
}

/** A sealed value opened (null stays null). */
export function openSealed(ctx: Pick<AppContext, 'dataKey'>, field: PersonalField, sealed: Buffer): string;
export function openSealed(
  ctx: Pick<AppContext, 'dataKey'>,
  field: PersonalField,
  sealed: Buffer | null,
): string | null;
export function openSealed(
  ctx: Pick<AppContext, 'dataKey'>,
  field: PersonalField,
  sealed: Buffer | null,
): string | null {
  return sealed === null ? null : personalDataCipher(ctx.dataKey).open(field, sealed);
}
