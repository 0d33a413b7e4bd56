import {
  MARKET_MERCHANT_STATUSES,
  type MarketMerchantAction,
  type MarketMerchantListQuery,
  type MarketMerchantView,
  type MerchantAccount,
} from '@shanzhi/shared';
import {
  Alert,
  Button,
  Card,
  Drawer,
  Flex,
  Input,
  Modal,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { usePagedList } from '../../../platform/lists/index.js';
import { fetchMerchants } from '../api/merchants.api.js';
import { MerchantDetail } from '../components/MerchantDetail.js';
import { MerchantReviewDialog } from '../components/MerchantReviewDialog.js';
import { MerchantStatusTag } from '../components/MerchantStatusTag.js';

type Filters = Pick<MarketMerchantListQuery, 'status' | 'q' | 'flagged'>;

/** The first account an approval opened: its password is shown here once and never again. */
function AccountOpened({ account, onClose }: { account: MerchantAccount | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={account !== null}
      title={t('merchants.accountOpened')}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      {account && (
        <Flex vertical gap={8}>
          <Alert type="warning" showIcon message={t('merchants.passwordOnce')} />
          <Typography.Text>
            {t('merchants.username')}：
            <Typography.Text code copyable data-testid="merchant-username">
              {account.username}
            </Typography.Text>
          </Typography.Text>
          <Typography.Text>
            {t('merchants.initialPassword')}：
            <Typography.Text code copyable data-testid="merchant-password">
              {account.initialPassword}
            </Typography.Text>
          </Typography.Text>
        </Flex>
      )}
    </Modal>
  );
}

/**
 * 商户管理: the merchants covering the reviewer's scope, by status, name or licence and 待复核; a row opens the
 * application with the review actions the reviewer may take now.
 */
export function MerchantsPage() {
  const { t } = useI18n();
  const paged = usePagedList((query, signal) => fetchMerchants(query, signal), {} as Filters);
  const { list, query: filters, filter: set } = paged;
  const [open, setOpen] = useState<MarketMerchantView | null>(null);
  const [action, setAction] = useState<MarketMerchantAction | null>(null);
  const [account, setAccount] = useState<MerchantAccount | null>(null);

  return (
    <>
      <PageTitle title={t('menu.marketMerchants')} description={t('menu.hint.marketMerchants')} />
      <Card size="small">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Select
            allowClear
            aria-label={t('merchants.filterStatus')}
            placeholder={t('merchants.filterStatus')}
            style={{ width: 160 }}
            value={filters.status}
            onChange={(status) => set({ status })}
            options={MARKET_MERCHANT_STATUSES.map((s) => ({ value: s, label: t(`merchants.status.${s}`) }))}
          />
          <Flex gap={6} align="center">
            <Switch
              aria-label={t('merchants.flaggedOnly')}
              checked={filters.flagged === 'true'}
              onChange={(on) => set({ flagged: on ? 'true' : undefined })}
            />
            <Typography.Text>{t('merchants.flaggedOnly')}</Typography.Text>
          </Flex>
          <Input.Search
            allowClear
            placeholder={t('merchants.keyword')}
            aria-label={t('merchants.keyword')}
            style={{ width: 260 }}
            onSearch={(q) => set({ q: q.trim() || undefined })}
          />
        </Flex>
        {list.error ? (
          <ErrorState compact error={list.error} onRetry={list.reload} />
        ) : (
          <Table<MarketMerchantView>
            size="small"
            data-testid="market-merchants"
            rowKey="id"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1000 }}
            pagination={paged.pagination(t)}
            onRow={(row) => ({ onClick: () => setOpen(row), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('merchants.applicationNumber'), dataIndex: 'applicationNumber', width: 170 },
              { title: t('merchantApply.name'), dataIndex: 'name', width: 220, ellipsis: true },
              { title: t('merchantApply.licenceNo'), dataIndex: 'licenceNo', width: 190 },
              {
                title: t('merchants.status'),
                dataIndex: 'status',
                width: 100,
                render: (_: unknown, row) => <MerchantStatusTag status={row.status} />,
              },
              {
                title: t('merchants.score'),
                key: 'score',
                width: 130,
                render: (_: unknown, row) => (
                  <Flex gap={4}>
                    {row.score.toFixed(1)}
                    {row.needsReview && <Tag color="orange">{t('merchants.needsReview')}</Tag>}
                  </Flex>
                ),
              },
              {
                title: t('merchantApply.areas'),
                key: 'areas',
                ellipsis: true,
                render: (_: unknown, row) => row.areas.map((a) => a.name).join('、'),
              },
              {
                title: t('merchants.appliedAt'),
                dataIndex: 'createdAt',
                width: 150,
                render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
              },
            ]}
          />
        )}
      </Card>
      <Drawer open={open !== null} onClose={() => setOpen(null)} width={520} title={open?.name}>
        {open && (
          <Flex vertical gap={16}>
            <MerchantDetail merchant={open} />
            <Flex gap={8} wrap>
              {open.actions.map((a) => (
                <Button
                  key={a}
                  type={a === 'approve' ? 'primary' : 'default'}
                  danger={a === 'remove'}
                  onClick={() => setAction(a)}
                >
                  {t(`merchants.action.${a}`)}
                </Button>
              ))}
            </Flex>
            <MerchantReviewDialog
              merchant={open}
              action={action}
              onClose={() => setAction(null)}
              onStale={() => {
                setOpen(null);
                list.reload();
              }}
              onActed={(acted) => {
                setOpen(acted.merchant);
                setAccount(acted.account);
                list.reload();
              }}
            />
          </Flex>
        )}
      </Drawer>
      <AccountOpened account={account} onClose={() => setAccount(null)} />
    </>
  );
}
