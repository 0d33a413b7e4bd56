import { MARKET_ORDER_STATES, type MarketOrderState, type MarketOrderView } from '@shanzhi/shared';
import { Card, Drawer, Flex, Input, Select, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { KeysetPager } from '../../../components/KeysetPager.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { useKeysetPages } from '../../../platform/lists/index.js';
import { fetchMarketItems, fetchMarketOrders } from '../api/market.api.js';
import { MarketOrderCard } from '../components/MarketOrderCard.js';
import { MarketStateTag } from '../components/MarketStateTag.js';
import { MarketTimeline } from '../components/MarketTimeline.js';
import { wantedTimeText } from '../wanted-time.js';

/**
 * 服务订单: the centre's list of orders (a merchant's: his own), by state and item, newest first; a row opens
 * the order with its timeline — every offer and how it ended — and the caller's buttons.
 */
export function MarketOrdersPage() {
  const { t } = useI18n();
  const [state, setState] = useState<MarketOrderState>();
  const [itemId, setItemId] = useState<number>();
  const [q, setQ] = useState<string>();
  const [open, setOpen] = useState<MarketOrderView | null>(null);
  const items = useApi((signal) => fetchMarketItems(signal), []);
  const pages = useKeysetPages(
    (page, signal) => fetchMarketOrders({ state, itemId, q, ...page }, signal),
    JSON.stringify({ state, itemId, q }),
    20,
  );
  const orders = pages.page;

  return (
    <>
      <PageTitle title={t('menu.marketOrders')} description={t('menu.hint.marketOrders')} />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            aria-label={t('market.search')}
            placeholder={t('market.search')}
            style={{ width: 280 }}
            onSearch={(value) => setQ(value.trim() || undefined)}
          />
          <Select
            allowClear
            aria-label={t('market.filterState')}
            placeholder={t('market.filterState')}
            style={{ width: 160 }}
            value={state}
            onChange={setState}
            options={MARKET_ORDER_STATES.map((s) => ({ value: s, label: t(`market.state.${s}`) }))}
          />
          <Select
            allowClear
            aria-label={t('market.filterItem')}
            placeholder={t('market.filterItem')}
            style={{ width: 180 }}
            value={itemId}
            onChange={setItemId}
            options={(items.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
          />
        </Flex>
        {orders.error ? (
          <ErrorState error={orders.error} onRetry={orders.reload} />
        ) : (
          <Table<MarketOrderView>
            rowKey="id"
            size="small"
            loading={orders.loading}
            dataSource={orders.data?.items ?? []}
            onRow={(row) => ({ onClick: () => setOpen(row), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('market.number'), dataIndex: 'number' },
              { title: t('market.item'), dataIndex: 'itemName' },
              {
                title: t('market.status'),
                dataIndex: 'state',
                render: (s: MarketOrderState) => <MarketStateTag state={s} />,
              },
              { title: t('market.address'), dataIndex: 'address', ellipsis: true },
              {
                title: t('market.district'),
                dataIndex: 'districtName',
                render: (v: string | null) => v ?? '—',
              },
              {
                title: t('market.merchant'),
                dataIndex: 'merchantName',
                render: (v: string | null) => v ?? '—',
              },
              {
                title: t('market.wantedAt'),
                dataIndex: 'wantedAt',
                render: (v: string | null) => wantedTimeText(v, t('marketPortal.wantedNow')),
              },
              {
                title: t('market.createdAt'),
                dataIndex: 'createdAt',
                render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
              },
            ]}
            pagination={false}
          />
        )}
        <KeysetPager pages={pages} />
      </Card>
      <Drawer open={open !== null} onClose={() => setOpen(null)} width={480} title={open?.number}>
        {open && (
          <Flex vertical gap={16}>
            <MarketOrderCard
              order={open}
              onChanged={(after) => {
                setOpen(after);
                orders.reload();
              }}
            />
            <MarketTimeline order={open} />
          </Flex>
        )}
      </Drawer>
    </>
  );
}
