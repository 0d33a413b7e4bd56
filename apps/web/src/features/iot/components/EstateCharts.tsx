import type { EstateStats } from '@shanzhi/shared';
import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { EChart } from '../../../components/EChart.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { alertTypeLabel, deviceTypeLabel } from '../iot-labels.js';

/** A bar chart of one series in a card, or the empty state. */
function BarCard({
  title,
  labels,
  values,
  percent,
}: {
  title: string;
  labels: string[];
  values: number[];
  percent?: boolean;
}) {
  const { t } = useI18n();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, bottom: 70, top: 24 },
      xAxis: { type: 'category', axisLabel: { rotate: 30 }, data: labels },
      yAxis: { type: 'value', ...(percent ? { max: 100, axisLabel: { formatter: '{value}%' } } : {}) },
      series: [{ name: title, type: 'bar', data: values }],
    }),
    [labels, values, title, percent],
  );
  return (
    <Card size="small" title={title}>
      {values.length === 0 ? (
        <Empty description={t('iot.stats.noAlerts')} />
      ) : (
        <EChart option={option} style={{ height: 280 }} ariaLabel={title} />
      )}
    </Card>
  );
}

/** 告警类型分布: the estate's alerts by type. */
export function AlertsByTypeChart({ stats }: { stats: EstateStats }) {
  const { t } = useI18n();
  return (
    <BarCard
      title={t('iot.stats.byType')}
      labels={stats.alertsByType.map((r) => alertTypeLabel(r.type))}
      values={stats.alertsByType.map((r) => r.count)}
    />
  );
}

/** 误报率: dismissed as false over all alerts, per device type (percent). */
export function FalseAlarmChart({ stats }: { stats: EstateStats }) {
  const { t } = useI18n();
  return (
    <BarCard
      title={t('iot.stats.falseAlarms')}
      labels={stats.falseAlarms.map((r) => deviceTypeLabel(r.deviceType))}
      values={stats.falseAlarms.map((r) => Math.round(r.rate * 1000) / 10)}
      percent
    />
  );
}
