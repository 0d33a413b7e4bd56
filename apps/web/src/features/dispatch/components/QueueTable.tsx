import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { KeysetPager } from '../../../components/KeysetPager.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { priorityLabel } from '../../../i18n/labels.js';
import type { CaseSummary } from '../../cases/api/cases.api.js';
import { caseTypeLabel } from '../../cases/case-labels.js';
import { CaseActionBar } from '../../cases/components/CaseActionBar.js';
import { DeadlineCountdown } from '../../cases/components/DeadlineCountdown.js';
import { LightTag } from '../../cases/components/LightTag.js';
import { useCaseQueue } from '../../cases/hooks/use-case-queue.js';
import type { DispatchQueue } from '../queues.js';
import { ExtensionRequestCell } from './ExtensionRequestCell.js';

/**
 * One queue of the dispatch centre as a server-paged table with its action buttons (no state column: the
 * queue is the state), narrowed to the cases matching `q` (a number or keywords; empty for all).
 */
export function QueueTable({
  queue,
  q,
  onChanged,
}: {
  queue: DispatchQueue;
  q: string;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const pages = useCaseQueue(q ? { ...queue.filters, q } : queue.filters);
  const changed = () => {
    pages.page.reload();
    onChanged();
  };

  // the queues of cases already with a unit show that unit
  const withUnit = queue.key !== 'registered' && queue.key !== 'returned';
  const columns: ColumnsType<CaseSummary> = [
    {
      title: t('cases.number'),
      dataIndex: 'number',
      width: 170,
      render: (_, c) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <Link to={`/cases/${c.id}`}>{c.number}</Link>
          {c.supervisionLevel && (
            <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
              {t('cases.supervised')}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('cases.light'),
      dataIndex: 'light',
      width: 80,
      render: (light: string) => <LightTag light={light} />,
    },
    {
      title: t('cases.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (_, c) => (
        <span>
          {c.title}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {[caseTypeLabel(c.type, locale), priorityLabel(c.priority, locale), c.category?.name]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('cases.place'),
      width: 150,
      ellipsis: true,
      render: (_, c) => [c.district?.name, c.town?.name].filter(Boolean).join(' ') || '—',
    },
    ...(!withUnit
      ? []
      : [
          {
            title: t('cases.leadUnit'),
            width: 160,
            ellipsis: true,
            render: (_: unknown, c: CaseSummary) => c.leadUnit?.name ?? '—',
          },
        ]),
    {
      title: t('cases.createdAt'),
      dataIndex: 'createdAt',
      width: 110,
      render: (at: string) => dayjs(at).format('MM-DD HH:mm'),
    },
    {
      title: t('cases.resolveDeadline'),
      dataIndex: 'resolveDeadline',
      width: 150,
      render: (at: string | null) => <DeadlineCountdown deadline={at} />,
    },
    {
      title: t('common.actions'),
      width: queue.key === 'extension' ? 300 : 290,
      fixed: 'right' as const,
      render: (_, c) =>
        queue.key === 'extension' ? (
          <ExtensionRequestCell caseId={c.id} onChanged={changed} />
        ) : (
          <CaseActionBar caseData={c} only={queue.actions} size="small" onDone={changed} onStale={changed} />
        ),
    },
  ];

  if (pages.page.error) return <ErrorState error={pages.page.error} onRetry={pages.page.reload} />;
  return (
    <>
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={pages.page.data?.items ?? []}
        loading={pages.page.loading}
        pagination={false}
        // the title takes what the fixed columns leave; below that width the table scrolls sideways
        scroll={{ x: withUnit ? 1350 : 1180 }}
        locale={{ emptyText: t('dispatch.empty') }}
      />
      <KeysetPager pages={pages} />
    </>
  );
}
