import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Tabs, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ApiError, useApi } from '../../../platform/api/index.js';
import { useLiveStream } from '../../notifications/hooks/use-live-stream.js';
import { fetchMarketOffers, fetchMarketOrders } from '../api/market.api.js';
import { MarketOrderCard } from '../components/MarketOrderCard.js';
import { MarketShell } from '../components/MarketShell.js';
import { MerchantSignIn } from '../components/MerchantSignIn.js';

/** How often the desk looks for new offers while its live stream is down. */
const POLL_MS = 5_000;

/** What rings the desk: an order offered to its merchant, or an offer cancelled. */
const OFFER_TOPICS = ['market_order.offered', 'market_order.assigned', 'market_order.cancelled'] as const;

const signedOut = (error: unknown) => error instanceof ApiError && error.status === 401;

/**
 * 商户接单 on the merchant's phone, outside the staff console: his own sign-in, then the offers waiting for
 * him, each with its countdown and 接单/拒单, and his orders with the next step's button. A new offer rings in
 * over the live stream; while the stream is down the desk looks every few seconds.
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
  const live = useLiveStream(reloadOffers, !out, OFFER_TOPICS);
  useEffect(() => {
    if (out || live !== 'polling') return;
    const timer = setInterval(reloadOffers, POLL_MS);
    return () => clearInterval(timer);
  }, [reloadOffers, out, live]);

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
        <Flex gap={8} align="center">
          <Tag color={live === 'live' ? 'green' : 'default'} data-testid="desk-live" data-status={live}>
            {t(live === 'live' ? 'merchantDesk.live' : 'merchantDesk.polling')}
          </Tag>
          <Button icon={<ReloadOutlined />} aria-label={t('market.refresh')} onClick={reload} />
        </Flex>
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
