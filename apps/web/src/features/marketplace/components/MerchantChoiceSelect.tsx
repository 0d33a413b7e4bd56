import { Select, Space, Tag, Typography } from 'antd';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchMerchantChoices } from '../api/market.api.js';

/**
 * 派给商户: the merchants who may take a queued order, in the dispatch rule's order, each with how busy it is,
 * how far its base point is, whether it is open now and whether it was offered the order before.
 */
export function MerchantChoiceSelect({
  orderId,
  onChange,
}: {
  orderId: number;
  onChange: (merchantId: number) => void;
}) {
  const { t } = useI18n();
  const choices = useApi((signal) => fetchMerchantChoices(orderId, signal), [orderId]);
  if (choices.error) return <ErrorState error={choices.error} onRetry={choices.reload} compact />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select<number>
        showSearch
        optionFilterProp="title"
        loading={choices.loading}
        aria-label={t('market.assignMerchant')}
        placeholder={t('market.assignMerchant')}
        style={{ width: '100%' }}
        notFoundContent={choices.loading ? undefined : t('market.noEligibleMerchants')}
        onChange={onChange}
        options={(choices.data?.items ?? []).map((m) => ({
          value: m.id,
          title: m.name,
          label: (
            <Space size={4}>
              {m.name}
              <Tag>{m.score.toFixed(1)}★</Tag>
              <Tag>{t('market.merchantOpenOrders', { count: m.openOrders })}</Tag>
              {m.distanceKm !== null && (
                <Tag>{t('market.merchantDistance', { km: m.distanceKm.toFixed(1) })}</Tag>
              )}
              {!m.openNow && <Tag color="orange">{t('market.merchantClosed')}</Tag>}
              {m.offeredBefore && <Tag color="red">{t('market.merchantOfferedBefore')}</Tag>}
            </Space>
          ),
        }))}
      />
      <Typography.Text type="secondary">{t('market.assignHint')}</Typography.Text>
    </Space>
  );
}
