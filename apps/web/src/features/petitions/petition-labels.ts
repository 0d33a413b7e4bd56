import type { PetitionAction, PetitionMode, PetitionState, Satisfaction } from '@shanzhi/shared';
import type { Translate } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.zh-CN.js';

/** The label of a petition state (已受理 …) in the current language. */
export function petitionStateLabel(state: PetitionState, t: Translate): string {
  return t(`petition.state.${state}` as MessageKey);
}

/** The label of a petition action (受理, 核实 …) in the current language; the timeline's too. */
export function petitionActionLabel(action: PetitionAction | string, t: Translate): string {
  return t(`petition.act.${action}` as MessageKey);
}

/** The label of an agency mode (主动/委托/指定代办). */
export function petitionModeLabel(mode: PetitionMode, t: Translate): string {
  return t(`petition.mode.${mode}` as MessageKey);
}

/** The label of a satisfaction answer at the visit back. */
export function satisfactionLabel(level: Satisfaction, t: Translate): string {
  return t(`petition.satisfaction.${level}` as MessageKey);
}

/** Tag colours of the states: grey waiting, blue in hand, orange under review, green closed, red refused. */
export const PETITION_STATE_COLORS: Record<PetitionState, string> = {
  registered: 'default',
  accepted: 'processing',
  not_accepted: 'error',
  handling: 'processing',
  answered: 'cyan',
  review_requested: 'warning',
  reviewed: 'cyan',
  re_review_requested: 'warning',
  re_review_hearing: 'purple',
  re_reviewed: 'cyan',
  closed: 'success',
};
