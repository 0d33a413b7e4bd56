import { FieldTimeOutlined, PlusOutlined } from '@ant-design/icons';
import { REPORT_KINDS, type ReportKind } from '@shanzhi/shared';
import { Button, Empty, Flex, Progress, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { usePermission } from '../../auth/hooks/use-permission.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import { fetchReports, type ReportItem } from '../api/reports.api.js';
import { GenerateReportModal, ReportDownloads } from '../components/GenerateReportModal.js';
import { ReportScheduleModal } from '../components/ReportScheduleModal.js';

const STATUS_COLORS: Record<ReportItem['status'], string> = {
  queued: 'default',
  generating: 'processing',
  ready: 'success',
  failed: 'error',
};

/** How often the list refreshes while one of its reports is being produced. */
const REFRESH_MS = 2_000;

/** 报告: the reports of the caller's scope by kind and org, 生成报告, and their Word and Excel files. */
export function ReportsPage() {
  const { t } = useI18n();
  const mayGenerate = usePermission('report.generate');
  const mayConfigure = usePermission('report.configure');
  const [kind, setKind] = useState<ReportKind | undefined>();
  const [org, setOrg] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [generating, setGenerating] = useState(false);
  const [scheduling, setScheduling] = useState(false);
  const list = useApi((signal) => fetchReports({ kind, org, page, pageSize: 20 }, signal), [kind, org, page]);

  const busy = list.data?.items.some((r) => r.status === 'queued' || r.status === 'generating') ?? false;
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshes while a listed report is being produced
  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(list.reload, REFRESH_MS);
    return () => clearTimeout(timer);
  }, [busy, list.data]);

  return (
    <Flex vertical gap={16}>
      <PageTitle
        title={t('menu.reports')}
        description={t('reports.description')}
        extra={
          <>
            <Select<ReportKind | 'all'>
              value={kind ?? 'all'}
              style={{ width: 150 }}
              aria-label={t('reports.kind')}
              options={[
                { value: 'all', label: t('reports.kind.all') },
                ...REPORT_KINDS.map((k) => ({ value: k, label: t(`reports.kind.${k}`) })),
              ]}
              onChange={(next) => {
                setKind(next === 'all' ? undefined : next);
                setPage(1);
              }}
            />
            <OrgTreeSelect
              value={org ?? null}
              onChange={(next) => {
                setOrg(next);
                setPage(1);
              }}
              allowClear
              placeholder={t('reports.orgPlaceholder')}
              aria-label={t('reports.org')}
              style={{ width: 240 }}
            />
            {mayConfigure && (
              <Button icon={<FieldTimeOutlined />} onClick={() => setScheduling(true)}>
                {t('reports.schedule.title')}
              </Button>
            )}
            {mayGenerate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setGenerating(true)}>
                {t('reports.generate')}
              </Button>
            )}
          </>
        }
      />
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : (
        <Table<ReportItem>
          rowKey="id"
          size="middle"
          loading={list.loading && !list.data}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('reports.empty')} /> }}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
          }}
          columns={[
            { key: 'title', title: t('reports.title'), dataIndex: 'title' },
            {
              key: 'kind',
              title: t('reports.kind'),
              render: (_, r) => (
                <Flex gap={4}>
                  {t(`reports.kind.${r.kind}`)}
                  {r.scheduled && <Tag>{t('reports.scheduled')}</Tag>}
                </Flex>
              ),
            },
            { key: 'org', title: t('reports.org'), dataIndex: 'orgName' },
            {
              key: 'period',
              title: t('reports.period'),
              render: (_, r) =>
                r.from === r.to ? r.from : t('reports.periodRange', { from: r.from, to: r.to }),
            },
            {
              key: 'status',
              title: t('reports.status'),
              width: 180,
              render: (_, r) =>
                r.status === 'generating' || r.status === 'queued' ? (
                  <Progress percent={r.progress} size="small" status="active" />
                ) : (
                  <Tag color={STATUS_COLORS[r.status]}>{r.statusLabel}</Tag>
                ),
            },
            {
              key: 'createdAt',
              title: t('reports.createdAt'),
              render: (_, r) => dayjs(r.createdAt).format('YYYY-MM-DD HH:mm'),
            },
            {
              key: 'actions',
              title: t('reports.actions'),
              render: (_, r) => (r.status === 'ready' ? <ReportDownloads report={r} size="small" /> : null),
            },
          ]}
        />
      )}
      <GenerateReportModal open={generating} onClose={() => setGenerating(false)} onChanged={list.reload} />
      <ReportScheduleModal open={scheduling} onClose={() => setScheduling(false)} />
    </Flex>
  );
}
