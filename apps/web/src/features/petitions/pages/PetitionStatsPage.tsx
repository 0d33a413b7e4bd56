import { Flex, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { DayRangePicker } from '../../../components/DayRangePicker.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { StatisticCards } from '../../../components/StatisticCards.js';
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
            <DayRangePicker value={range} onChange={setRange} />
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
          <StatisticCards
            testId="petition-stats-summary"
            loading={stats.loading}
            items={[
              { title: t('petition.stats.total'), value: report?.total },
              { title: t('petition.stats.accepted'), value: report?.accepted },
              { title: t('petition.stats.resolutionRate'), value: percent(report?.resolutionRate) },
              { title: t('petition.stats.satisfactionRate'), value: percent(report?.satisfactionRate) },
              {
                title: t('petition.stats.repeatRate'),
                value: percent(report?.repeatRate),
                extra: report?.lastYear && (
                  <Typography.Text type="secondary" data-testid="petition-stats-last-year">
                    {t('petition.stats.lastYear', {
                      rate: percent(report.lastYear.repeatRate),
                      change: signedPercent(report.lastYear.repeatRateChange),
                    })}
                  </Typography.Text>
                ),
              },
              { title: t('petition.stats.overdue'), value: report?.overdue },
            ]}
          />
          <AgencyStatsTable report={report} loading={stats.loading} />
          <MonthStatsTable report={report} loading={stats.loading} />
        </>
      )}
    </Flex>
  );
}
