import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Tabs, Typography } from 'antd';
import { useEffect } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchMarketOffers, fetchMarketOrders } from '../api/market.api.js';
import { MarketOrderCard } from '../components/MarketOrderCard.js';

/** How often the workbench looks for new offers (the live stream is not wired to orders yet). */
const POLL_MS = 5_000;

/**
 * 接单工作台 on the merchant's phone: the offers waiting for him, each with its countdown and 接单/拒单, and
 * his orders in service with the next step's button; new offers appear within seconds.
 */
export function MerchantWorkbenchPage() {
  const { t } = useI18n();
  const offers = useApi((signal) => fetchMarketOffers(signal), []);
  const mine = useApi((signal) => fetchMarketOrders({ limit: 50 }, signal), []);
  const { reload: reloadOffers } = offers;
  const { reload: reloadMine } = mine;
  const reload = () => {
    reloadOffers();
    reloadMine();
  };
  useEffect(() => {
    const timer = setInterval(reloadOffers, POLL_MS);
    return () => clearInterval(timer);
  }, [reloadOffers]);

  const active = (mine.data?.items ?? []).filter((o) => o.state !== 'offered');
  const list = (state: typeof offers, items: typeof active, empty: string) =>
    state.error ? (
      <ErrorState error={state.error} onRetry={state.reload} compact />
    ) : items.length === 0 ? (
      <Empty description={empty} />
    ) : (
      <Flex vertical gap={12}>
        {items.map((order) => (
          <MarketOrderCard key={order.id} order={order} onChanged={reload} />
        ))}
      </Flex>
    );

  return (
    <div style={{ maxWidth: 560 }}>
      <PageTitle
        title={t('menu.marketWorkbench')}
        description={t('menu.hint.marketWorkbench')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('market.refresh')}
          </Button>
        }
      />
      <Tabs
        items={[
          {
            key: 'offers',
            label: (
              <Typography.Text>
                {t('market.offers')} ({offers.data?.items.length ?? 0})
              </Typography.Text>
            ),
            children: list(offers, offers.data?.items ?? [], t('market.noOffers')),
          },
          { key: 'mine', label: t('market.mine'), children: list(mine, active, t('market.noOrders')) },
        ]}
      />
    </div>
  );
}
