import { Card, Collapse, Empty, Flex, Input, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchGridItems } from '../api/catalog.api.js';

/** 网格事项准入清单: what may be asked of grid workers, by category, with the direct-push flag. */
export function GridItemsTab() {
  const { t } = useI18n();
  const list = useApi((signal) => fetchGridItems(signal), []);
  const [q, setQ] = useState('');

  const categories = useMemo(() => {
    const needle = q.trim();
    return (list.data?.categories ?? [])
      .map((c) => ({
        ...c,
        items: needle ? c.items.filter((i) => i.name.includes(needle) || i.code.includes(needle)) : c.items,
      }))
      .filter((c) => c.items.length > 0);
  }, [list.data, q]);

  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Card loading />;
  const itemCount = list.data.categories.reduce((n, c) => n + c.items.length, 0);

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Text>
          {t('catalog.gridSummary', { categories: list.data.categories.length, items: itemCount })}
        </Typography.Text>
        <Input.Search
          allowClear
          placeholder={t('catalog.gridSearch')}
          style={{ width: 260 }}
          onSearch={setQ}
          onChange={(e) => !e.target.value && setQ('')}
          aria-label={t('catalog.gridSearch')}
        />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
        {list.data.source}
      </Typography.Paragraph>
      {categories.length === 0 ? (
        <Empty description={t('catalog.searchEmpty')} />
      ) : (
        <Collapse
          defaultActiveKey={categories[0] ? [categories[0].code] : []}
          activeKey={q ? categories.map((c) => c.code) : undefined}
          items={categories.map((c) => ({
            key: c.code,
            label: (
              <Flex gap={8} align="center">
                <Typography.Text code>{c.code}</Typography.Text>
                <span>{c.name}</span>
                <Tag bordered={false}>{t('catalog.itemCount', { count: c.items.length })}</Tag>
              </Flex>
            ),
            children: (
              <Table
                size="small"
                rowKey="code"
                pagination={false}
                dataSource={c.items}
                columns={[
                  { title: t('catalog.code'), dataIndex: 'code', width: 120 },
                  { title: t('catalog.gridItem'), dataIndex: 'name' },
                  {
                    title: t('catalog.directPush'),
                    dataIndex: 'directPush',
                    width: 200,
                    render: (direct: boolean) =>
                      direct ? (
                        <Tag color="green">{t('catalog.directPushYes')}</Tag>
                      ) : (
                        <Tag color="orange">{t('catalog.directPushNo')}</Tag>
                      ),
                  },
                ]}
              />
            ),
          }))}
        />
      )}
    </Flex>
  );
}
