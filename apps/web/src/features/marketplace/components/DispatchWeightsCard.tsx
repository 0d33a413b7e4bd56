import { DEFAULT_MARKET_DISPATCH_WEIGHTS, type MarketDispatchWeights } from '@shanzhi/shared';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { MessageKey } from '../../../i18n/messages.zh-CN.js';
import { NumberSettingsCard } from '../../settings/components/NumberSettingsCard.js';
import { fetchDispatchWeights, saveDispatchWeights } from '../api/market.api.js';

/** The weights in the order of the rule's cost, then the distance counted without a base point. */
const WEIGHTS = [
  'openOrders',
  'score',
  'distance',
  'defaultDistanceKm',
] as const satisfies readonly (keyof MarketDispatchWeights)[];

/**
 * 派单规则 (民需我应): the weights of the cost the platform offers an order by — open orders, score below 5,
 * distance — set by an administrator; each field names its default beside it.
 */
export function DispatchWeightsCard() {
  const { t } = useI18n();
  return (
    <NumberSettingsCard<MarketDispatchWeights>
      title={t('market.weights.title')}
      description={t('market.weights.description')}
      name="market-dispatch-weights"
      keys={WEIGHTS}
      defaults={DEFAULT_MARKET_DISPATCH_WEIGHTS}
      load={fetchDispatchWeights}
      save={saveDispatchWeights}
      labelOf={(key) => t(`market.weights.${key}` as MessageKey)}
      defaultOf={(value) => t('market.weights.default', { value })}
      restoreLabel={t('market.weights.restore')}
      input={{ min: 0, max: 100, step: 0.5 }}
      span={6}
    />
  );
}
