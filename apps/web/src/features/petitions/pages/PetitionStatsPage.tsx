import { Card, Col, DatePicker, Flex, Row, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { ExportButton } from '../../case-search/components/ExportButton.js';
import { percent } from '../../measures/period-presets.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import { fetchPetitionStats } from '../api/petitions.api.js';
import { AgencyStatsTable, MonthStatsTable, signedPercent } from '../components/PetitionStatsTables.js';
import { rangePeriod } from '../petition-stats-periods.js';

/**
 * 信访统计: the petitions of an org's subtree (the caller's scope by default) registered over a period — volumes,
 * acceptance, resolution rate (化解率), satisfaction at the visit back, repeat rate (重复访率, against the same
 * period a year earlier) and the overdue — in all, per agency point and per month, and as an Excel workbook.
 */
export function PetitionStatsPage() {
  const { t } = useI18n();
  const [org, setOrg] = useState<number | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [
    dayjs().subtract(11, 'month').startOf('month'),
    dayjs(),
  ]);
  const period = useMemo(() => rangePeriod(range), [range]);
  const stats = useApi(
    (signal) => fetchPetitionStats({ org, ...period }, signal),
    [org, period.from, period.to],
  );
  const report = stats.data;

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
            <ExportButton
              path="/api/v1/petitions/stats.xlsx"
              query={{ org, ...period }}
              fallbackName={`信访统计_${range[0].format('YYYY-MM-DD')}_${range[1].format('YYYY-MM-DD')}.xlsx`}
              label={t('petition.stats.export')}
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
                ['petition.stats.total', report?.total],
                ['petition.stats.accepted', report?.accepted],
                ['petition.stats.resolutionRate', percent(report?.resolutionRate)],
                ['petition.stats.satisfactionRate', percent(report?.satisfactionRate)],
                ['petition.stats.repeatRate', percent(report?.repeatRate)],
                ['petition.stats.overdue', report?.overdue],
              ] as const
            ).map(([label, value]) => (
              <Col key={label} xs={12} md={8} xl={4}>
                <Card size="small" loading={stats.loading}>
                  <Statistic title={t(label)} value={value ?? '—'} />
                  {label === 'petition.stats.repeatRate' && report?.lastYear && (
                    <Typography.Text type="secondary" data-testid="petition-stats-last-year">
                      {t('petition.stats.lastYear', {
                        rate: percent(report.lastYear.repeatRate),
                        change: signedPercent(report.lastYear.repeatRateChange),
                      })}
                    </Typography.Text>
                  )}
                </Card>
              </Col>
            ))}
          </Row>
          <AgencyStatsTable report={report} loading={stats.loading} />
          <MonthStatsTable report={report} loading={stats.loading} />
        </>
      )}
    </Flex>
  );
}
