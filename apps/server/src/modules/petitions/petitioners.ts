import {
  maskAddress,
  maskIdNumber,
  maskPersonName,
  maskPhone,
  type PetitionerInput,
  type PetitionerView,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { personalDataCipher } from '../../platform/crypto/personal-data-cipher.js';
import { openSealed } from '../grid/registers/register-sealing.js';
import type { petitionPetitioners } from './petitions.tables.js';

type DataKey = Pick<AppContext, 'dataKey'>;

/** The blind index of a petitioner's canonical ID number: what finds his other petitions. */
export function petitionerIdIndexOf(ctx: DataKey, idNumber: string): string {
  return personalDataCipher(ctx.dataKey).index('petitioner.id_number', idNumber);
}

/** A petitioner as stored: ID number and phone sealed (AES-GCM, per column), the ID number indexed. */
export function petitionerValues(
  ctx: DataKey,
  petitionId: number,
  petitioner: PetitionerInput,
): typeof petitionPetitioners.$inferInsert {
  const cipher = personalDataCipher(ctx.dataKey);
  return {
    petitionId,
    name: petitioner.name,
    idNumberSealed: cipher.seal('petitioner.id_number', petitioner.idNumber),
    idNumberIndex: petitionerIdIndexOf(ctx, petitioner.idNumber),
    phoneSealed: petitioner.phone ? cipher.seal('petitioner.phone', petitioner.phone) : null,
    address: petitioner.address || null,
  };
}

/**
 * A petitioner as the API shows him: ID number and phone always masked (as the parties' and the registers'
 * are); his name and address masked too for a caller without `personal_data.read`.
 */
export function presentPetitioner(
  ctx: DataKey,
  row: typeof petitionPetitioners.$inferSelect,
  inFull: boolean,
): PetitionerView {
  return {
    id: row.id,
    name: inFull ? row.name : maskPersonName(row.name)!,
    idNumber: maskIdNumber(openSealed(ctx, 'petitioner.id_number', row.idNumberSealed))!,
    phone: maskPhone(openSealed(ctx, 'petitioner.phone', row.phoneSealed)),
    address: inFull ? row.address : maskAddress(row.address),
  };
}
