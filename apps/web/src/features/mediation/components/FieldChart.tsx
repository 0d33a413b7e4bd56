import { DISPUTE_FIELD_LABELS, type MediationStatsView } from '@shanzhi/shared';
import { Card } from 'antd';
import { useMemo } from 'react';
import { EChart } from '../../../components/EChart.js';
import { useI18n } from '../../../i18n/I18nProvider.js';

/** 按纠纷类型: received, mediated and agreed disputes of each field, as bars. */
export function FieldChart({ byField }: { byField: MediationStatsView['byField'] }) {
  const { t } = useI18n();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: ['登记', '调解', '成功'] },
      grid: { left: 40, right: 16, bottom: 60, top: 36 },
      xAxis: {
        type: 'category',
        axisLabel: { rotate: 30 },
        data: byField.map((row) => DISPUTE_FIELD_LABELS[row.field]),
      },
      yAxis: { type: 'value' },
      series: [
        { name: '登记', type: 'bar', data: byField.map((row) => row.received) },
        { name: '调解', type: 'bar', data: byField.map((row) => row.mediated) },
        { name: '成功', type: 'bar', data: byField.map((row) => row.agreed) },
      ],
    }),
    [byField],
  );
  return (
    <Card size="small" title={t('mediation.stats.byField')}>
      <EChart option={option} style={{ height: 300 }} ariaLabel={t('mediation.stats.byField')} />
    </Card>
  );
}
