import type { SafetyStatsView } from '@shanzhi/shared';
import { Card, Col, Flex, Row, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { BarChartCard } from '../../../components/BarChartCard.js';
import { DayRangePicker } from '../../../components/DayRangePicker.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { StatisticCards } from '../../../components/StatisticCards.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { percent, periodOf } from '../../measures/period-presets.js';
import { fetchSafetyStats } from '../api/safety.api.js';
import { EnterpriseMapCard } from '../components/EnterpriseMapCard.js';
import { lastQuarterEnded, SafetyReportDownload } from '../components/SafetyReportDownload.js';
import { industryLabel } from '../safety-labels.js';

type OrgNumbers = SafetyStatsView['byOrg'][number];

/** Rectified of found as a per-cent rate, or a dash when none was found. */
const rateOf = (found: number, rectified: number) => percent(found === 0 ? null : rectified / found);

/**
 * 隐患统计: the hazards found in a period of days (the last year by default) in the caller's scope — found,
 * rectified and the rate, majors, those overdue and under 挂牌督办, inspections, the campaigns' enterprises
 * inspected of those planned —, by month, industry and the
 * orgs one level down, the enterprises on a map; the quarterly and annual tables download from the title.
 */
export function SafetyStatsPage() {
  const { t, locale } = useI18n();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(364, 'day'), dayjs()]);
  const [reportPeriod, setReportPeriod] = useState(lastQuarterEnded);
  const period = periodOf(range);
  const stats = useApi((signal) => fetchSafetyStats(period, signal), [period.from, period.to]);
  const s = stats.data;

  return (
    <Flex vertical gap={16}>
      <PageTitle
        title={t('menu.safetyStats')}
        description={t('menu.hint.safetyStats')}
        extra={
          <Flex gap={8} wrap>
            <DayRangePicker value={range} onChange={setRange} label={t('safety.stats.period')} />
            <SafetyReportDownload period={reportPeriod} onChange={setReportPeriod} />
          </Flex>
        }
      />
      {stats.error ? (
        <ErrorState error={stats.error} onRetry={stats.reload} />
      ) : (
        <>
          <StatisticCards
            testId="safety-stats-summary"
            loading={stats.loading}
            items={(
              [
                ['safety.stats.found', s?.found],
                ['safety.stats.rectified', s?.rectified],
                ['safety.stats.rate', percent(s?.rectificationRate)],
                ['safety.stats.majorFound', s?.byLevel.major.found],
                ['safety.stats.overdueMajor', s?.overdueMajor],
                ['safety.stats.listed', s?.listedForSupervision],
                ['safety.stats.inspections', s?.inspections],
                [
                  'safety.stats.campaignCoverage',
                  s && `${s.campaigns.inspectedEnterprises} / ${s.campaigns.plannedEnterprises}`,
                ],
                ['safety.stats.enterprises', s?.enterprises],
              ] as const
            ).map(([label, value]) => ({ title: t(label), value }))}
          />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <BarChartCard
                title={t('safety.stats.byMonth')}
                empty={t('safety.stats.none')}
                labels={(s?.byMonth ?? []).map((m) => m.month)}
                values={(s?.byMonth ?? []).map((m) => m.found)}
              />
            </Col>
            <Col xs={24} xl={12}>
              <BarChartCard
                title={t('safety.stats.byIndustry')}
                empty={t('safety.stats.none')}
                labels={(s?.byIndustry ?? []).map((i) => industryLabel(i.industry, locale))}
                values={(s?.byIndustry ?? []).map((i) => i.found)}
              />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('safety.stats.byOrg')}>
                <Table<OrgNumbers>
                  rowKey="orgId"
                  size="small"
                  pagination={false}
                  loading={stats.loading}
                  dataSource={s?.byOrg ?? []}
                  data-testid="safety-stats-by-org"
                  locale={{ emptyText: t('safety.stats.noOrgs') }}
                  columns={[
                    { title: t('safety.territory'), dataIndex: 'name' },
                    { title: t('safety.stats.found'), dataIndex: 'found', align: 'right' },
                    { title: t('safety.stats.rectified'), dataIndex: 'rectified', align: 'right' },
                    {
                      title: t('safety.stats.rate'),
                      align: 'right',
                      render: (_, o) => rateOf(o.found, o.rectified),
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <EnterpriseMapCard />
            </Col>
          </Row>
        </>
      )}
    </Flex>
  );
}
