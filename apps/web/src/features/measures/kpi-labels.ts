import { KPI_DEFINITIONS, type KpiKey } from '@shanzhi/shared';
import type { Locale } from '../../i18n/locale.js';

// Chinese labels come from the shared definitions (one source with the server); English ones live here.
const KPI_EN: Record<KpiKey, string> = {
  acceptanceRate: 'Acceptance rate',
  onTimeAcceptanceRate: 'On-time acceptance rate',
  closingRate: 'Closing rate',
  onTimeClosingRate: 'On-time closing rate',
  overdueRate: 'Overdue rate',
  reworkRate: 'Rework rate',
  returnRate: 'Return rate',
  extensionRate: 'Extension rate',
  duplicateRate: 'Duplicate rate',
  callbackRate: 'Callback rate',
  responseRate: 'Response rate',
  solvingRate: 'Solving rate',
  satisfactionRate: 'Satisfaction rate',
  compositeScore: 'Composite score',
};

/** 签收率 / 响应率 / 综合得分 …: a measure's name in the given language. */
export function kpiLabel(key: KpiKey, locale: Locale): string {
  return locale === 'en' ? KPI_EN[key] : KPI_DEFINITIONS[key].label;
}
