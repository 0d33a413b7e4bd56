import type { Translate } from '../../i18n/I18nProvider.js';
import type { CaseSummary } from './api/cases.api.js';

/**
 * What a row without buttons says, from the server's `idleReason`: who holds the case (another centre,
 * another unit) or that its current step is someone else's. When the server lists actions but the place
 * shows none of them (a queue's own buttons), the case's page is where they are.
 */
export function idleText(
  c: Pick<CaseSummary, 'actions' | 'idleReason' | 'currentOrg' | 'leadUnit'>,
  t: Translate,
): string {
  switch (c.idleReason) {
    case 'held_by_other_centre':
      return t('cases.idle.heldByOtherCentre', { owner: c.currentOrg?.name ?? t('cases.idle.someone') });
    case 'with_other_unit':
      return t('cases.idle.withOtherUnit', { unit: c.leadUnit?.name ?? t('cases.idle.someone') });
    case 'not_your_step':
      return t('cases.idle.notYourStep');
    default:
      return c.actions.length > 0 ? t('cases.idle.onCasePage') : t('cases.idle.notYourStep');
  }
}
