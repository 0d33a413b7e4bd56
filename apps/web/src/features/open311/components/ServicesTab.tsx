import { ReloadOutlined } from '@ant-design/icons';
import type { Open311ServiceView } from '@shanzhi/shared';
import { Button, Flex, Input, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchOpen311Services } from '../api/open311.api.js';
import { ServiceFormModal } from './ServiceFormModal.js';

/** 开放服务: the catalog's leaves and which of them the city offers as Open311 services. */
export function ServicesTab() {
  const { t } = useI18n();
  const list = useApi((signal) => fetchOpen311Services(signal), []);
  const [keyword, setKeyword] = useState('');
  const [onlyPublished, setOnlyPublished] = useState(true);
  const [editing, setEditing] = useState<Open311ServiceView | null>(null);

  const rows = useMemo(() => {
    const q = keyword.trim();
    return (list.data?.items ?? []).filter(
      (s) =>
        (!onlyPublished || s.published) &&
        (!q || [s.name, s.code, s.areaName, s.subcategoryName, s.group ?? ''].some((v) => v.includes(q))),
    );
  }, [list.data, keyword, onlyPublished]);

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center" role="search">
        <Input.Search
          allowClear
          placeholder={t('open311.searchServices')}
          aria-label={t('open311.searchServices')}
          style={{ width: 280 }}
          value={keyword}
          onChange={(event) => setKeyword(event.target.value)}
        />
        <Flex gap={6} align="center">
          <Switch
            checked={onlyPublished}
            onChange={setOnlyPublished}
            aria-label={t('open311.onlyPublished')}
          />
          <Typography.Text>{t('open311.onlyPublished')}</Typography.Text>
        </Flex>
        <Tooltip title={t('common.refresh')}>
          <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />
        </Tooltip>
        <Typography.Text type="secondary">{t('open311.servicesHint')}</Typography.Text>
      </Flex>
      {list.error && !list.data ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : (
        <Table<Open311ServiceView>
          rowKey="categoryId"
          size="middle"
          loading={list.loading}
          dataSource={rows}
          scroll={{ x: 900 }}
          pagination={{
            pageSize: 20,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
          }}
          locale={{ emptyText: t('open311.noServices') }}
          columns={[
            {
              title: t('open311.serviceCode'),
              dataIndex: 'code',
              width: 120,
              render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
            },
            { title: t('open311.serviceName'), dataIndex: 'name', ellipsis: true },
            {
              title: t('open311.place'),
              key: 'place',
              ellipsis: true,
              render: (_: unknown, s) => `${s.areaName} / ${s.subcategoryName}`,
            },
            {
              title: t('open311.group'),
              key: 'group',
              width: 140,
              render: (_: unknown, s) =>
                s.group ?? <Typography.Text type="secondary">{s.areaName}</Typography.Text>,
            },
            {
              title: t('open311.attributes'),
              key: 'attributes',
              width: 100,
              render: (_: unknown, s) => s.attributes.length || '—',
            },
            {
              title: t('open311.state'),
              key: 'state',
              width: 100,
              render: (_: unknown, s) =>
                s.published ? (
                  <Tag color="success">{t('open311.published')}</Tag>
                ) : (
                  <Tag>{t('open311.notPublished')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              fixed: 'right',
              render: (_: unknown, s) => (
                <Button type="link" size="small" onClick={() => setEditing(s)}>
                  {t('open311.configure')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <ServiceFormModal
        service={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
    </Flex>
  );
}
