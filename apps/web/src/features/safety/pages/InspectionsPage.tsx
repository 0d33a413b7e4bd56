import { PlusOutlined } from '@ant-design/icons';
import type { InspectionView } from '@shanzhi/shared';
import { Button, Card, Flex, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { usePagedList } from '../../../platform/lists/index.js';
import { fetchInspections } from '../api/safety.api.js';
import { InspectionDialog } from '../components/InspectionDialog.js';

/** The checklist of one inspection: each item, passed or not, and the hazard a failed one became. */
function Checklist({ inspection }: { inspection: InspectionView }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey="seq"
      pagination={false}
      dataSource={inspection.items}
      columns={[
        { title: t('safety.inspections.items'), dataIndex: 'item' },
        {
          title: t('safety.inspections.passed'),
          dataIndex: 'passed',
          width: 90,
          render: (passed: boolean) => (passed ? <Tag color="success">✓</Tag> : <Tag color="error">✗</Tag>),
        },
        {
          title: t('safety.inspections.finding'),
          dataIndex: 'finding',
          render: (f: string | null) => f ?? '—',
        },
        {
          title: t('menu.safetyHazards'),
          dataIndex: 'hazardId',
          width: 110,
          render: (id: number | null) => (id ? <Link to={`/safety/hazards/${id}`}>#{id}</Link> : '—'),
        },
      ]}
    />
  );
}

/** 监督检查: the inspections of the caller's scope (each opens to its checklist), and a new one. */
export function InspectionsPage() {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const paged = usePagedList((query, signal) => fetchInspections(query, signal), {});
  const { list } = paged;

  return (
    <Flex vertical gap={16}>
      <PageTitle
        title={t('menu.safetyInspections')}
        description={t('safety.inspections.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('safety.inspections.add')}
          </Button>
        }
      />
      <Card size="small">
        {list.error ? (
          <ErrorState compact error={list.error} onRetry={list.reload} />
        ) : (
          <Table<InspectionView>
            size="small"
            data-testid="safety-inspections"
            rowKey="id"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            expandable={{ expandedRowRender: (row) => <Checklist inspection={row} /> }}
            pagination={paged.pagination(t)}
            columns={[
              {
                title: t('safety.inspections.inspectedAt'),
                dataIndex: 'inspectedAt',
                width: 150,
                render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
              },
              { title: t('safety.enterprise'), dataIndex: 'enterpriseName', ellipsis: true },
              { title: t('safety.inspections.campaign'), dataIndex: 'campaign', render: (c) => c ?? '—' },
              { title: t('safety.inspections.inspector'), dataIndex: 'inspectorName', width: 160 },
              { title: t('safety.inspections.items'), dataIndex: 'itemCount', width: 80 },
              {
                title: t('safety.inspections.failed'),
                dataIndex: 'failedCount',
                width: 90,
                render: (n: number) => (n > 0 ? <Tag color="error">{n}</Tag> : n),
              },
            ]}
          />
        )}
      </Card>
      <InspectionDialog
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          list.reload();
        }}
      />
    </Flex>
  );
}
