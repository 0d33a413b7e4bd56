import type { PetitionStats } from '@shanzhi/shared';
import { Card, Col, DatePicker, Flex, Row, Statistic, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { percent } from '../../measures/period-presets.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import { fetchPetitionStats } from '../api/petitions.api.js';
import { monthsOf, rangePeriod, type StatsPeriod } from '../petition-stats-periods.js';

type PeriodRow = PetitionStats & { key: string };

/** The numbers of each month of the range, then of the whole range (合计). */
async function statsByMonth(org: number | undefined, range: [Dayjs, Dayjs], signal: AbortSignal) {
  const periods: StatsPeriod[] = [...monthsOf(range), rangePeriod(range)];
  return Promise.all(
    periods.map(async (p) => ({
      key: p.key,
      ...(await fetchPetitionStats({ org, from: p.from, to: p.to }, signal)),
    })),
  );
}

/**
 * 信访统计: the petitions of an org's subtree (the caller's scope by default) registered over a period — volumes,
 * acceptance, resolution rate (化解率), satisfaction at the visit back, repeat rate (重复访率) and the overdue —
 * month by month and in all.
 */
export function PetitionStatsPage() {
  const { t } = useI18n();
  const [org, setOrg] = useState<number | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [
    dayjs().subtract(11, 'month').startOf('month'),
    dayjs(),
  ]);
  const key = useMemo(() => rangePeriod(range), [range]);
  const stats = useApi((signal) => statsByMonth(org, range, signal), [org, key.from, key.to]);
  const rows = stats.data ?? [];
  const all = rows.at(-1);

  return (
    <Flex vertical gap={16}>
      <PageTitle
        title={t('menu.petitionStats')}
        description={t('petition.stats.description')}
        extra={
          <>
            <OrgTreeSelect
              value={org ?? null}
              onChange={setOrg}
              allowClear
              placeholder={t('petition.stats.org')}
              aria-label={t('petition.stats.org')}
              style={{ width: 240 }}
            />
            <DatePicker.RangePicker
              value={range}
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              onChange={(next) => {
                if (next?.[0] && next[1]) setRange([next[0], next[1]]);
              }}
            />
          </>
        }
      />
      {stats.error ? (
        <ErrorState error={stats.error} onRetry={stats.reload} />
      ) : (
        <>
          <Row gutter={[16, 16]} data-testid="petition-stats-summary">
            {(
              [
                ['petition.stats.total', all?.total],
                ['petition.stats.accepted', all?.accepted],
                ['petition.stats.resolutionRate', percent(all?.resolutionRate)],
                ['petition.stats.satisfactionRate', percent(all?.satisfactionRate)],
                ['petition.stats.repeatRate', percent(all?.repeatRate)],
                ['petition.stats.overdue', all?.overdue],
              ] as const
            ).map(([label, value]) => (
              <Col key={label} xs={12} md={8} xl={4}>
                <Card size="small" loading={stats.loading}>
                  <Statistic title={t(label)} value={value ?? '—'} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title={t('petition.stats.byMonth')}>
            <Table<PeriodRow>
              size="small"
              data-testid="petition-stats-months"
              rowKey="key"
              loading={stats.loading}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 900 }}
              columns={[
                {
                  title: t('petition.stats.month'),
                  dataIndex: 'key',
                  render: (k: string) => (k === 'all' ? t('petition.stats.all') : k),
                },
                { title: t('petition.stats.total'), dataIndex: 'total', align: 'right' },
                { title: t('petition.stats.accepted'), dataIndex: 'accepted', align: 'right' },
                { title: t('petition.stats.closed'), dataIndex: 'closed', align: 'right' },
                { title: t('petition.stats.resolved'), dataIndex: 'resolved', align: 'right' },
                {
                  title: t('petition.stats.resolutionRate'),
                  dataIndex: 'resolutionRate',
                  align: 'right',
                  render: (v: number | null) => percent(v),
                },
                {
                  title: t('petition.stats.satisfactionRate'),
                  dataIndex: 'satisfactionRate',
                  align: 'right',
                  render: (v: number | null) => percent(v),
                },
                { title: t('petition.stats.repeats'), dataIndex: 'repeats', align: 'right' },
                {
                  title: t('petition.stats.repeatRate'),
                  dataIndex: 'repeatRate',
                  align: 'right',
                  render: (v: number | null) => percent(v),
                },
                { title: t('petition.stats.overdue'), dataIndex: 'overdue', align: 'right' },
              ]}
            />
          </Card>
        </>
      )}
    </Flex>
  );
}
