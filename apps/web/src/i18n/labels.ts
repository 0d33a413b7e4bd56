import { ORG_KIND_LABELS, ROLE_LABELS } from '@shanzhi/shared';
import type { Locale } from './locale.js';

// Chinese labels come from the shared package (one source with the server); English ones live here.
const ROLE_LABELS_EN: Record<string, string> = {
  citizen: 'Citizen',
  agent: '12345 agent',
  dispatcher: 'Dispatcher',
  handler: 'Case handler',
  grid_worker: 'Grid worker',
  mediator: 'Mediator',
  supervisor: 'Supervisor',
  leader: 'Leader',
  merchant: 'Merchant',
  admin: 'Administrator',
};

const ORG_KIND_LABELS_EN: Record<string, string> = {
  city: 'City',
  district: 'District',
  town: 'Town / street',
  community: 'Village / community',
  grid: 'Grid',
  unit: 'Functional unit',
  center: 'Social governance centre',
};

/** The label of a role identifier in the given language; an unknown role shows its identifier. */
export function roleLabel(role: string, locale: Locale): string {
  const labels: Record<string, string> = locale === 'en' ? ROLE_LABELS_EN : ROLE_LABELS;
  return labels[role] ?? role;
}

/** The label of an organisation kind in the given language; an unknown kind shows its identifier. */
export function orgKindLabel(kind: string, locale: Locale): string {
  const labels: Record<string, string> = locale === 'en' ? ORG_KIND_LABELS_EN : ORG_KIND_LABELS;
  return labels[kind] ?? kind;
}
