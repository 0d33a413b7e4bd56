import { DEFAULT_PETITION_TIME_LIMITS, type PetitionTimeLimits } from '@shanzhi/shared';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { MessageKey } from '../../../i18n/messages.zh-CN.js';
import { NumberSettingsCard } from '../../settings/components/NumberSettingsCard.js';
import { fetchPetitionTimeLimits, savePetitionTimeLimits } from '../api/petitions.api.js';

/** The limits in the order the law runs them: acceptance, answer and its extension, review, re-review. */
const LIMITS = [
  'acceptDays',
  'answerDays',
  'maxExtensionDays',
  'reviewRequestDays',
  'reviewAnswerDays',
  'reReviewRequestDays',
  'reReviewAnswerDays',
] as const satisfies readonly (keyof PetitionTimeLimits)[];

/**
 * 信访时限: the legal time limits of 信访工作条例 in calendar days, set by an administrator when regulations
 * change; periods opened afterwards follow them. Each field names the law's value beside it.
 */
export function PetitionLimitsCard() {
  const { t } = useI18n();
  return (
    <NumberSettingsCard<PetitionTimeLimits>
      title={t('petition.limits.title')}
      description={t('petition.limits.description')}
      name="petition-limits"
      keys={LIMITS}
      defaults={DEFAULT_PETITION_TIME_LIMITS}
      load={fetchPetitionTimeLimits}
      save={savePetitionTimeLimits}
      labelOf={(key) => t(`petition.limits.${key}` as MessageKey)}
      defaultOf={(days) => t('petition.limits.lawSays', { days })}
      restoreLabel={t('petition.limits.restore')}
      input={{ min: 1, max: 365, precision: 0, suffix: t('petition.limits.days') }}
      span={8}
    />
  );
}
