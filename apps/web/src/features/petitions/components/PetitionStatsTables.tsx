import type { PetitionAgencyStats, PetitionStats, PetitionStatsReport } from '@shanzhi/shared';
import { Card, Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { MessageKey } from '../../../i18n/messages.zh-CN.js';
import { percent } from '../../measures/period-presets.js';

type T = ReturnType<typeof useI18n>['t'];

/** A change against last year as people read it: `-29.0%`, `+12.5%`, `—` without one. */
export function signedPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value > 0 ? '+' : ''}${percent(value)}`;
}

/** Nulls (no rate) sort below every rate. */
const byNumber =
  <R,>(value: (row: R) => number | null) =>
  (a: R, b: R) =>
    (value(a) ?? -1) - (value(b) ?? -1);

/** The numbers' columns of a row (an agency point, a month), each sortable when `sortable`. */
function statsColumns<R extends PetitionStats>(t: T, sortable: boolean): ColumnsType<R> {
  const count = (key: MessageKey, field: keyof PetitionStats & string) => ({
    title: t(key),
    dataIndex: field,
    align: 'right' as const,
    sorter: sortable && byNumber<R>((r) => r[field] as number | null),
  });
  const rate = (key: MessageKey, field: 'resolutionRate' | 'satisfactionRate' | 'repeatRate') => ({
    ...count(key, field),
    render: (v: number | null) => percent(v),
  });
  return [
    count('petition.stats.total', 'total'),
    count('petition.stats.accepted', 'accepted'),
    count('petition.stats.closed', 'closed'),
    count('petition.stats.resolved', 'resolved'),
    rate('petition.stats.resolutionRate', 'resolutionRate'),
    rate('petition.stats.satisfactionRate', 'satisfactionRate'),
    count('petition.stats.repeats', 'repeats'),
    rate('petition.stats.repeatRate', 'repeatRate'),
  ];
}

/** 按代办点统计: a row per agency point with petitions, sortable, with its repeat rate against last year. */
export function AgencyStatsTable({ report, loading }: { report?: PetitionStatsReport; loading: boolean }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('petition.stats.byAgency')}>
      <Table<PetitionAgencyStats>
        size="small"
        data-testid="petition-stats-agencies"
        rowKey={(a) => a.org.id}
        loading={loading}
        dataSource={report?.byAgency ?? []}
        pagination={false}
        scroll={{ x: 1200 }}
        locale={{ emptyText: <Empty description={t('petition.stats.noAgency')} /> }}
        columns={[
          {
            title: t('petition.stats.agency'),
            dataIndex: ['org', 'name'],
            fixed: 'left',
            sorter: (a, b) => a.org.name.localeCompare(b.org.name, 'zh-CN'),
          },
          ...statsColumns<PetitionAgencyStats>(t, true),
          {
            title: t('petition.stats.lastYearRepeatRate'),
            key: 'lastYearRepeatRate',
            align: 'right',
            sorter: byNumber((a) => a.lastYear?.repeatRate ?? null),
            render: (_, a) => percent(a.lastYear?.repeatRate),
          },
          {
            title: t('petition.stats.repeatRateChange'),
            key: 'repeatRateChange',
            align: 'right',
            sorter: byNumber((a) => a.lastYear?.repeatRateChange ?? null),
            render: (_, a) => signedPercent(a.lastYear?.repeatRateChange),
          },
          {
            title: t('petition.stats.overdue'),
            dataIndex: 'overdue',
            align: 'right',
            sorter: byNumber((a) => a.overdue),
          },
        ]}
      />
    </Card>
  );
}

type MonthRow = PetitionStats & { month: string };

/** 按月统计: a row per month with petitions, then the whole period (合计). */
export function MonthStatsTable({ report, loading }: { report?: PetitionStatsReport; loading: boolean }) {
  const { t } = useI18n();
  const rows: MonthRow[] = report?.byMonth.length ? [...report.byMonth, { ...report, month: 'all' }] : [];
  return (
    <Card size="small" title={t('petition.stats.byMonth')}>
      <Table<MonthRow>
        size="small"
        data-testid="petition-stats-months"
        rowKey="month"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t('petition.stats.noMonth')} /> }}
        columns={[
          {
            title: t('petition.stats.month'),
            dataIndex: 'month',
            render: (m: string) => (m === 'all' ? t('petition.stats.all') : m),
          },
          ...statsColumns<MonthRow>(t, false),
          { title: t('petition.stats.overdue'), dataIndex: 'overdue', align: 'right' },
        ]}
      />
    </Card>
  );
}
