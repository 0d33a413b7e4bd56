import {
  HAZARD_LEVEL_LABELS,
  HAZARD_SOURCE_LABELS,
  HAZARD_STATE_LABELS,
  HAZARD_TRANSITIONS,
  type HazardAction,
  type HazardLevel,
  type HazardSource,
  type HazardState,
  INDUSTRY_LABELS,
  type Industry,
} from '@shanzhi/shared';
import type { Locale } from '../../i18n/locale.js';

// Chinese labels come from the shared definitions (one source with the server); English ones live here.
const STATES_EN: Record<HazardState, string> = {
  found: 'Found',
  reported: 'Reported',
  assigned: 'Assigned',
  rectifying: 'Rectifying',
  extension_requested: 'Extension asked',
  rectified: 'Rectified',
  accepted: 'Accepted',
  closed: 'Closed',
};

const ACTIONS_EN: Record<HazardAction, string> = {
  record: 'Record',
  close_on_spot: 'Close on the spot',
  report: 'Report',
  assign: 'Assign rectification',
  start_rectification: 'Start rectification',
  submit_plan: 'Submit the plan',
  list_supervision: 'List for supervision',
  request_extension: 'Ask for an extension',
  approve_extension: 'Approve the extension',
  refuse_extension: 'Refuse the extension',
  rectify: 'Rectification done',
  accept_rectification: 'Accept',
  reject_rectification: 'Reject',
  close: 'Close',
};

const INDUSTRIES_EN: Record<Industry, string> = {
  coal_mine: 'Coal mine',
  non_coal_mine: 'Non-coal mine',
  hazardous_chemicals: 'Hazardous chemicals',
  coking: 'Coking',
  metal_smelting: 'Metal smelting',
  construction: 'Construction',
  gas: 'City gas',
  fireworks: 'Fireworks',
  manufacturing: 'Industry and trade',
  trade: 'Commerce and services',
  other: 'Other',
};

const LEVELS_EN: Record<HazardLevel, string> = { general: 'General', major: 'Major' };

const SOURCES_EN: Record<HazardSource, string> = {
  inspection: 'Inspection',
  self_check: 'Self-check',
  grid_finding: 'Grid finding',
  case: '12345 case',
};

/** The name of a hazard state in `locale`. */
export function hazardStateLabel(state: HazardState, locale: Locale): string {
  return locale === 'en' ? STATES_EN[state] : HAZARD_STATE_LABELS[state];
}

/** The name of a hazard action (a button, a timeline entry) in `locale`. */
export function hazardActionLabel(action: string, locale: Locale): string {
  const known = action in HAZARD_TRANSITIONS ? (action as HazardAction) : null;
  if (!known) return action;
  return locale === 'en' ? ACTIONS_EN[known] : HAZARD_TRANSITIONS[known].label;
}

/** The name of an industry in `locale`. */
export function industryLabel(industry: Industry, locale: Locale): string {
  return locale === 'en' ? INDUSTRIES_EN[industry] : INDUSTRY_LABELS[industry];
}

/** The name of a hazard level in `locale`. */
export function hazardLevelLabel(level: HazardLevel, locale: Locale): string {
  return locale === 'en' ? LEVELS_EN[level] : HAZARD_LEVEL_LABELS[level];
}

/** The name of a hazard source in `locale`. */
export function hazardSourceLabel(source: HazardSource, locale: Locale): string {
  return locale === 'en' ? SOURCES_EN[source] : HAZARD_SOURCE_LABELS[source];
}
