import {
  maskPersonName,
  maskPhone,
  type OrganisationKind,
  type OrganisationTag,
  type OrganisationView,
} from '@shanzhi/shared';
import type { FreeTextMasking } from '../../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../../platform/context.js';
import type { OrganisationListRow } from './organisations.repository.js';
import { openSealed } from './register-sealing.js';

/** An organisation as the API shows it: the contact's phone masked, his name too without `personal_data.read`. */
export function presentOrganisation(
  row: OrganisationListRow,
  ctx: Pick<AppContext, 'dataKey'>,
  masking: FreeTextMasking,
): OrganisationView {
  return {
    id: row.id,
    version: row.version,
    gridId: row.gridId,
    gridName: row.gridName,
    name: row.name,
    kind: row.kind as OrganisationKind,
    creditCode: row.creditCode,
    address: row.address,
    location: row.lng === null || row.lat === null ? null : { longitude: row.lng, latitude: row.lat },
    contactName: masking.inFull ? row.contactName : maskPersonName(row.contactName),
    contactPhone: maskPhone(openSealed(ctx, 'organisation.contact_phone', row.contactPhoneSealed)),
    employees: row.employees,
    tags: row.tags as OrganisationTag[],
    note: masking.text(row.note),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
