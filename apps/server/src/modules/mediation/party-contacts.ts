import {
  maskAddress,
  maskIdNumber,
  maskPersonName,
  maskPhone,
  type PartyConfirmationMethod,
  type PartyInput,
  type PartyKind,
  type PartyRole,
  type PartyView,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { personalDataCipher } from '../../platform/crypto/personal-data-cipher.js';
import { openSealed } from '../grid/registers/register-sealing.js';
import type { PartyRow } from './disputes.repository.js';
import type { disputeParties } from './mediation.tables.js';

/** A party as stored: his ID number and phone sealed like the registers' (AES-GCM, per-column). */
export function partyValues(
  ctx: Pick<AppContext, 'dataKey'>,
  disputeId: number,
  party: PartyInput,
): typeof disputeParties.$inferInsert {
  const cipher = personalDataCipher(ctx.dataKey);
  return {
    disputeId,
    role: party.role,
    kind: party.kind,
    name: party.name,
    idNumberSealed: party.idNumber ? cipher.seal('dispute_party.id_number', party.idNumber) : null,
    creditCode: party.creditCode ?? null,
    representative: party.representative || null,
    phoneSealed: party.phone ? cipher.seal('dispute_party.phone', party.phone) : null,
    address: party.address || null,
    email: party.email ?? null,
  };
}

/** A party's phone in clear (to send him the room's code). */
export function partyPhone(ctx: Pick<AppContext, 'dataKey'>, row: PartyRow): string | null {
  return openSealed(ctx, 'dispute_party.phone', row.phoneSealed);
}

/**
 * A party as the API shows him: phone and ID number always masked (as the registers show theirs); his name
 * (a person's) and address masked too for a caller without `personal_data.read`.
 */
export function presentParty(ctx: Pick<AppContext, 'dataKey'>, row: PartyRow, inFull: boolean): PartyView {
  const person = row.kind === 'person';
  return {
    id: row.id,
    role: row.role as PartyRole,
    kind: row.kind as PartyKind,
    name: inFull || !person ? row.name : maskPersonName(row.name)!,
    idNumber: maskIdNumber(openSealed(ctx, 'dispute_party.id_number', row.idNumberSealed)),
    creditCode: row.creditCode,
    representative: row.representative,
    phone: maskPhone(partyPhone(ctx, row)),
    address: inFull ? row.address : maskAddress(row.address),
    email: inFull ? row.email : (row.email?.replace(/^(.).*@/, '$1***@') ?? null),
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    confirmationMethod: row.confirmationMethod as PartyConfirmationMethod | null,
  };
}
