import type { MarketItemAdminView } from '@shanzhi/shared';
import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchAllMarketItems } from '../api/items.api.js';
import { MarketItemDialog } from '../components/MarketItemDialog.js';

/** 服务项目管理: the marketplace's service items, offered or not, each edited in a dialog. */
export function MarketItemsPage() {
  const { t } = useI18n();
  const items = useApi((signal) => fetchAllMarketItems(signal), []);
  const [editing, setEditing] = useState<MarketItemAdminView | null>(null);

  return (
    <>
      <PageTitle title={t('menu.marketItems')} description={t('menu.hint.marketItems')} />
      <Card size="small">
        {items.error ? (
          <ErrorState compact error={items.error} onRetry={items.reload} />
        ) : (
          <Table<MarketItemAdminView>
            size="small"
            data-testid="market-items"
            rowKey="id"
            loading={items.loading}
            dataSource={items.data?.items ?? []}
            pagination={false}
            scroll={{ x: 900 }}
            columns={[
              { title: t('marketItems.name'), dataIndex: 'name', width: 140 },
              { title: t('marketItems.category'), dataIndex: 'category', width: 80 },
              { title: t('marketItems.description'), dataIndex: 'description', ellipsis: true },
              {
                title: t('marketItems.priceRange'),
                key: 'price',
                width: 130,
                render: (_: unknown, row) => `${row.priceMin}–${row.priceMax}`,
              },
              { title: t('marketItems.acceptMinutes'), dataIndex: 'acceptMinutes', width: 120 },
              {
                title: t('marketItems.active'),
                dataIndex: 'active',
                width: 90,
                render: (on: boolean) =>
                  on ? <Tag color="green">{t('marketItems.on')}</Tag> : <Tag>{t('marketItems.off')}</Tag>,
              },
              {
                title: t('common.actions'),
                key: 'edit',
                width: 90,
                render: (_: unknown, row) => (
                  <Button
                    size="small"
                    onClick={() => setEditing(row)}
                    aria-label={`${t('marketItems.edit')} ${row.name}`}
                  >
                    {t('marketItems.edit')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      <MarketItemDialog item={editing} onClose={() => setEditing(null)} onSaved={() => items.reload()} />
    </>
  );
}
