import { Card, DatePicker, Flex, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import { fetchKpis } from '../api/measures.api.js';
import { RankingPanel } from '../components/RankingPanel.js';
import { RatesPanel } from '../components/RatesPanel.js';
import { TrendPanel } from '../components/TrendPanel.js';
import { periodOf, periodPresets } from '../period-presets.js';

/** 考核: the rates of an org (in scope) over a period, the ranking of units and districts, trends. */
export function MeasuresPage() {
  const { t } = useI18n();
  const presets = useMemo(() => periodPresets(), []);
  const [org, setOrg] = useState<number | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(presets[3]!.range);
  const period = useMemo(() => periodOf(range), [range]);
  const report = useApi((signal) => fetchKpis(org, period, signal), [org, period.from, period.to]);

  return (
    <Flex vertical gap={16}>
      <PageTitle
        title={t('menu.measures')}
        description={t('measures.description')}
        extra={
          <>
            <OrgTreeSelect
              value={org ?? null}
              onChange={setOrg}
              allowClear
              placeholder={t('measures.orgPlaceholder')}
              aria-label={t('measures.orgPlaceholder')}
              style={{ width: 240 }}
            />
            <DatePicker.RangePicker
              value={range}
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              presets={presets.map((p) => ({
                label: t(`measures.preset.${p.key}` as 'measures.preset.thisMonth'),
                value: p.range,
              }))}
              onChange={(next) => {
                if (next?.[0] && next[1]) setRange([next[0], next[1]]);
              }}
            />
          </>
        }
      />
      <Card
        size="small"
        title={
          report.data ? (
            <span data-testid="measures-org">
              {t('measures.of', { org: report.data.org.name, from: report.data.from, to: report.data.to })}
            </span>
          ) : (
            t('measures.rates')
          )
        }
      >
        {report.error ? (
          <ErrorState error={report.error} onRetry={report.reload} />
        ) : report.data ? (
          <RatesPanel report={report.data} />
        ) : (
          <Skeleton active />
        )}
      </Card>
      {/* one above the other: the ranking's seven columns need the page's whole width */}
      <Card size="small" title={t('measures.trend')}>
        <TrendPanel org={org} period={period} />
      </Card>
      <Card size="small" title={t('measures.ranking')}>
        <RankingPanel period={period} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('measures.csvNote')}
        </Typography.Text>
      </Card>
    </Flex>
  );
}
