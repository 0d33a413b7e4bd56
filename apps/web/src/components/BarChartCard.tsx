import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { EChart } from './EChart.js';

/** Props of {@link BarChartCard}. */
export interface BarChartCardProps {
  title: string;
  labels: string[];
  values: number[];
  /** values are per cent (the axis runs to 100) */
  percent?: boolean;
  /** what the card says when there is nothing to draw */
  empty: string;
}

/** A bar chart of one series in a card, or its empty state. */
export function BarChartCard({ title, labels, values, percent, empty }: BarChartCardProps) {
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
        <Empty description={empty} />
      ) : (
        <EChart option={option} style={{ height: 280 }} ariaLabel={title} />
      )}
    </Card>
  );
}
