import type { PortalPetitionInput } from '@shanzhi/shared';

/** The petition form's values as typed. */
export interface PortalPetitionValues {
  name?: string;
  idNumber?: string;
  phone?: string;
  matter?: string;
  responsibleBody?: string;
  orgId?: number;
}

/** The fields the server's field errors may name. */
export const PORTAL_PETITION_FIELDS = ['name', 'idNumber', 'phone', 'matter', 'responsibleBody', 'orgId'];

/**
 * The petition as the API takes it: text trimmed, a blank 责任单位 left out; the server's schema judges the
 * rest (and names the fields it refuses).
 */
export function portalPetitionOf(values: PortalPetitionValues): PortalPetitionInput {
  const responsibleBody = values.responsibleBody?.trim();
  return {
    name: values.name?.trim() ?? '',
    idNumber: values.idNumber?.trim() ?? '',
    phone: values.phone?.trim() ?? '',
    matter: values.matter?.trim() ?? '',
    ...(responsibleBody ? { responsibleBody } : {}),
    orgId: values.orgId,
  } as PortalPetitionInput;
}
