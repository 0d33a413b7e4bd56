import {
  ageOn,
  type Gender,
  type HouseholdRelation,
  houseLabel,
  maskAddress,
  maskIdNumber,
  maskPersonName,
  maskPhone,
  type PopulationType,
  type ResidenceStatus,
  type ResidentFlag,
  type ResidentView,
  toBeijingDate,
} from '@shanzhi/shared';
import type { FreeTextMasking } from '../../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../../platform/context.js';
import { openSealed } from './register-sealing.js';
import type { ResidentListRow } from './residents.repository.js';

/** What presenting residents takes: the data key (to mask the numbers), today, and the caller's masking. */
export interface ResidentPresentation {
  ctx: Pick<AppContext, 'dataKey'>;
  today: string;
  masking: FreeTextMasking;
}

/**
 * A resident as the API shows him. His ID number and phone are opened only to be masked — in full they are read
 * one resident at a time, audited (`GET …/personal-data`). Without `personal_data.read` his name, birth date and
 * addresses are masked too.
 */
export function presentResident(row: ResidentListRow, p: ResidentPresentation): ResidentView {
  const full = p.masking.inFull;
  return {
    id: row.id,
    version: row.version,
    gridId: row.gridId,
    gridName: row.gridName,
    houseId: row.houseId,
    houseLabel: houseLabel({
      address: row.houseAddress,
      building: row.houseBuilding,
      unit: row.houseUnit,
      room: row.houseRoom,
    }),
    name: full ? row.name : maskPersonName(row.name)!,
    gender: row.gender as Gender,
    birthDate: full ? row.birthDate : null,
    age: ageOn(row.birthDate, p.today),
    ethnicity: row.ethnicity,
    idNumber: maskIdNumber(openSealed(p.ctx, 'resident.id_number', row.idNumberSealed))!,
    phone: maskPhone(openSealed(p.ctx, 'resident.phone', row.phoneSealed)),
    householdRelation: row.householdRelation as HouseholdRelation | null,
    populationType: row.populationType as PopulationType,
    residenceStatus: row.residenceStatus as ResidenceStatus | null,
    registeredAddress: full ? row.registeredAddress : maskAddress(row.registeredAddress),
    currentAddress: full ? row.currentAddress : maskAddress(row.currentAddress),
    employer: row.employer,
    flags: row.flags as ResidentFlag[],
    note: p.masking.text(row.note),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The presentation of residents for `masking` on the day of `now` (Beijing). */
export function residentPresentation(
  ctx: Pick<AppContext, 'dataKey'>,
  now: Date,
  masking: FreeTextMasking,
): ResidentPresentation {
  return { ctx, today: toBeijingDate(now), masking };
}
