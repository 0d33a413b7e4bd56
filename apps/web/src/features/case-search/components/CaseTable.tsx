import { type CaseState, isCaseOpen } from '@shanzhi/shared';
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { CaseSummary } from '../../cases/api/cases.api.js';
import { caseSourceLabel, caseTypeLabel, supervisionLevelLabel } from '../../cases/case-labels.js';
import { CaseStateTag } from '../../cases/components/CaseStateTag.js';
import { DeadlineCountdown } from '../../cases/components/DeadlineCountdown.js';
import { LightTag } from '../../cases/components/LightTag.js';

/**
 * A table of cases: number, title, state and light tags, deadline countdown, where and who. A row opens the
 * case (一事一档); `actions` adds a last column (督办 / 回访 buttons), whose clicks do not open the row.
 */
export function CaseTable({
  items,
  loading,
  emptyText,
  actions,
  showSource = true,
}: {
  items: CaseSummary[];
  loading: boolean;
  emptyText: string;
  actions?: (item: CaseSummary) => ReactNode;
  showSource?: boolean;
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const columns: ColumnsType<CaseSummary> = [
    {
      title: t('search.col.number'),
      dataIndex: 'number',
      width: 170,
      fixed: 'left',
      render: (number: string, item) => (
        <Typography.Link onClick={() => navigate(`/cases/${item.id}`)}>{number}</Typography.Link>
      ),
    },
    {
      title: t('search.col.title'),
      dataIndex: 'title',
      width: 260,
      ellipsis: true,
      render: (title: string, item) => (
        <span>
          {item.supervisionLevel && (
            <Tag color={item.supervisionLevel === 'listed' ? 'red' : 'orange'} bordered={false}>
              {supervisionLevelLabel(item.supervisionLevel, locale)}
            </Tag>
          )}
          {title}
        </span>
      ),
    },
    {
      title: t('search.col.state'),
      dataIndex: 'state',
      width: 96,
      render: (state: string) => <CaseStateTag state={state} />,
    },
    {
      title: t('search.col.light'),
      dataIndex: 'light',
      width: 88,
      render: (light: string, item) => <LightTag light={light} open={isCaseOpen(item.state as CaseState)} />,
    },
    {
      title: t('search.col.deadline'),
      dataIndex: 'resolveDeadline',
      width: 150,
      render: (deadline: string | null, item) =>
        isCaseOpen(item.state as CaseState) ? (
          <DeadlineCountdown deadline={item.state === 'dispatched' ? item.acceptDeadline : deadline} />
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t('search.col.type'),
      dataIndex: 'type',
      width: 72,
      render: (type: string) => caseTypeLabel(type, locale),
    },
    ...(showSource
      ? [
          {
            title: t('search.col.source'),
            dataIndex: 'source',
            width: 110,
            render: (source: string) => caseSourceLabel(source, locale),
          },
        ]
      : []),
    {
      title: t('search.col.category'),
      dataIndex: ['category', 'name'],
      width: 150,
      ellipsis: true,
      render: (name: string | undefined) => name ?? '—',
    },
    {
      title: t('search.col.area'),
      key: 'area',
      width: 130,
      ellipsis: true,
      render: (_: unknown, item) => [item.district?.name, item.town?.name].filter(Boolean).join(' / ') || '—',
    },
    {
      title: t('search.col.unit'),
      key: 'unit',
      width: 150,
      ellipsis: true,
      render: (_: unknown, item) => item.leadUnit?.name ?? item.currentOrg?.name ?? '—',
    },
    {
      title: t('search.col.created'),
      dataIndex: 'createdAt',
      width: 140,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
  ];
  if (actions) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 180,
      render: (_: unknown, item) => (
        // biome-ignore lint/a11y/noStaticElementInteractions: only stops the row's own click
        // biome-ignore lint/a11y/useKeyWithClickEvents: the buttons inside carry the keyboard
        <span onClick={(event) => event.stopPropagation()}>{actions(item)}</span>
      ),
    });
  }
  return (
    <Table<CaseSummary>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      columns={columns}
      pagination={false}
      scroll={{ x: 1400 }}
      locale={{ emptyText }}
      onRow={(item) => ({
        onClick: () => navigate(`/cases/${item.id}`),
        style: { cursor: 'pointer' },
      })}
    />
  );
}
