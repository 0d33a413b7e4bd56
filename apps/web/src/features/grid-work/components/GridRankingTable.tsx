import type { GridMeasureKey, GridRankingItem, RankedByMeasure } from '@shanzhi/shared';
import { Table, Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { formatMeasure, measureLabel } from '../grid-labels.js';

/** The measures every ranking shows beside the one it is ordered by. */
const BESIDE: readonly GridMeasureKey[] = ['closingRate', 'findings', 'patrolAttainmentRate', 'tasksOverdue'];

/** 排名: the areas best first by `measure`, its value in bold, with where each lies and its other numbers. */
export function GridRankingTable({
  items,
  measure,
  loading,
}: {
  items: readonly RankedByMeasure<GridRankingItem>[];
  measure: GridMeasureKey;
  loading: boolean;
}) {
  const { t, locale } = useI18n();
  const column = (key: GridMeasureKey, strong = false) => ({
    title: measureLabel(key, locale),
    key,
    width: 110,
    align: 'right' as const,
    render: (_: unknown, item: GridRankingItem) => {
      const m = item.measures[key];
      const text = formatMeasure(m.value, m.unit);
      return strong ? <Typography.Text strong>{text}</Typography.Text> : text;
    },
  });
  return (
    <Table<RankedByMeasure<GridRankingItem>>
      size="small"
      data-testid="grid-ranking"
      rowKey={(item) => item.org.id}
      loading={loading}
      dataSource={[...items]}
      pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
      locale={{ emptyText: t('gridStats.rankingEmpty') }}
      scroll={{ x: 820 }}
      columns={[
        { title: t('measures.rank'), dataIndex: 'rank', width: 64, render: (r: number | null) => r ?? '—' },
        { title: t('gridStats.area'), key: 'name', render: (_: unknown, item) => item.org.name },
        {
          title: t('gridStats.within'),
          dataIndex: 'within',
          ellipsis: true,
          render: (within: string) => <Typography.Text type="secondary">{within}</Typography.Text>,
        },
        column(measure, true),
        ...BESIDE.filter((k) => k !== measure).map((k) => column(k)),
      ]}
    />
  );
}
