import { Flex, Radio } from 'antd';
import { useMemo, useState } from 'react';
import { EChart } from '../../../components/EChart.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchTrend, type Period, type TrendBucket } from '../api/measures.api.js';
import { kpiLabel } from '../kpi-labels.js';

const SERIES = ['responseRate', 'solvingRate', 'satisfactionRate'] as const;
// the same colours as the rates' figures above the chart
const COLORS = ['#1456f0', '#006d75', '#237804'];

/** 趋势: the three rates by day, week or month, as lines (ECharts, loaded with the first chart). */
export function TrendPanel({ org, period }: { org: number | undefined; period: Period }) {
  const { t, locale } = useI18n();
  const [bucket, setBucket] = useState<TrendBucket>('week');
  const trend = useApi(
    (signal) => fetchTrend(org, period, bucket, signal),
    [org, period.from, period.to, bucket],
  );
  const option = useMemo(() => {
    const items = trend.data?.items ?? [];
    return {
      color: COLORS,
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${v.toFixed(1)}%`),
      },
      legend: { top: 0 },
      grid: { left: 48, right: 24, top: 36, bottom: 32 },
      xAxis: {
        type: 'category',
        data: items.map((i) => i.start.slice(bucket === 'month' ? 0 : 5, bucket === 'month' ? 7 : 10)),
      },
      yAxis: {
        type: 'value',
        min: (v: { min: number }) => Math.max(0, Math.floor(v.min - 5)),
        max: 100,
        axisLabel: { formatter: '{value}%' },
      },
      series: SERIES.map((key) => ({
        type: 'line',
        name: kpiLabel(key, locale),
        smooth: true,
        connectNulls: true,
        data: items.map((i) =>
          i.rates[key].value === null ? null : Number((i.rates[key].value! * 100).toFixed(2)),
        ),
      })),
    };
  }, [trend.data, bucket, locale]);

  return (
    <Flex vertical gap={8}>
      <Radio.Group
        size="small"
        optionType="button"
        value={bucket}
        onChange={(e) => setBucket(e.target.value)}
        options={[
          { value: 'day', label: t('measures.bucket.day') },
          { value: 'week', label: t('measures.bucket.week') },
          { value: 'month', label: t('measures.bucket.month') },
        ]}
      />
      {trend.error ? (
        <ErrorState error={trend.error} onRetry={trend.reload} compact />
      ) : (
        <EChart option={option} style={{ height: 300 }} ariaLabel={t('measures.trendLabel')} />
      )}
    </Flex>
  );
}
