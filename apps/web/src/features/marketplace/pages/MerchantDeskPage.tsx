import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Tabs, Typography } from 'antd';
import { useEffect } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ApiError, useApi } from '../../../platform/api/index.js';
import { fetchMarketOffers, fetchMarketOrders } from '../api/market.api.js';
import { MarketOrderCard } from '../components/MarketOrderCard.js';
import { MarketShell } from '../components/MarketShell.js';
import { MerchantSignIn } from '../components/MerchantSignIn.js';

/** How often the desk looks for new offers (the live stream is not wired to orders yet). */
const POLL_MS = 5_000;

const signedOut = (error: unknown) => error instanceof ApiError && error.status === 401;

/**
 * 商户接单 on the merchant's phone, outside the staff console: his own sign-in, then the offers waiting for
 * him, each with its countdown and 接单/拒单, and his orders with the next step's button; new offers appear
 * within seconds.
 */
export function MerchantDeskPage() {
  const { t } = useI18n();
  const offers = useApi((signal) => fetchMarketOffers(signal), []);
  const mine = useApi((signal) => fetchMarketOrders({ limit: 50 }, signal, true), []);
  const { reload: reloadOffers } = offers;
  const { reload: reloadMine } = mine;
  const reload = () => {
    reloadOffers();
    reloadMine();
  };
  const out = signedOut(offers.error);
  useEffect(() => {
    if (out) return;
    const timer = setInterval(reloadOffers, POLL_MS);
    return () => clearInterval(timer);
  }, [reloadOffers, out]);

  if (out) {
    return (
      <MarketShell title={t('merchantDesk.title')}>
        <MerchantSignIn onSignedIn={reload} />
      </MarketShell>
    );
  }
  if (!offers.data && !offers.error) {
    return (
      <MarketShell title={t('merchantDesk.title')}>
        <PageLoading />
      </MarketShell>
    );
  }

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
    <MarketShell title={t('merchantDesk.title')}>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t('merchantDesk.hint')}</Typography.Text>
        <Button icon={<ReloadOutlined />} aria-label={t('market.refresh')} onClick={reload} />
      </Flex>
      <Tabs
        items={[
          {
            key: 'offers',
            label: `${t('market.offers')} (${offers.data?.items.length ?? 0})`,
            children: list(offers, offers.data?.items ?? [], t('market.noOffers')),
          },
          { key: 'mine', label: t('market.mine'), children: list(mine, active, t('market.noOrders')) },
        ]}
      />
    </MarketShell>
  );
}
