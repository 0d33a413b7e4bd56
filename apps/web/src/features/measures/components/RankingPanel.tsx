import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { Locale } from '../../../i18n/locale.js';
import { useApi } from '../../../platform/api/index.js';
import { saveBlob } from '../../case-search/api/case-search.api.js';
import {
  fetchRanking,
  type KpiRanking,
  type Period,
  type RankingItem,
  type RankingLevel,
} from '../api/measures.api.js';
import { csvBlob } from '../csv.js';
import { kpiLabel } from '../kpi-labels.js';
import { percent } from '../period-presets.js';
import { rankingFileName } from '../ranking-file-name.js';

/** The ranking as rows of a spreadsheet. */
function rankingRows(
  ranking: KpiRanking,
  t: ReturnType<typeof useI18n>['t'],
  locale: Locale,
): (string | number)[][] {
  const header = [
    t('measures.rank'),
    t('measures.org'),
    t('measures.score'),
    ...(['responseRate', 'solvingRate', 'satisfactionRate', 'closingRate', 'onTimeClosingRate'] as const).map(
      (k) => kpiLabel(k, locale),
    ),
    t('measures.validCallbacks'),
    t('measures.flagged'),
  ];
  return [
    header,
    ...ranking.items.map((item) => [
      item.rank ?? '—',
      item.org.name,
      item.score === null ? '—' : (item.score * 100).toFixed(2),
      percent(item.rates.responseRate.value),
      percent(item.rates.solvingRate.value),
      percent(item.rates.satisfactionRate.value),
      percent(item.rates.closingRate.value),
      percent(item.rates.onTimeClosingRate.value),
      item.counts.validCallbacks ?? 0,
      item.flagged ? t('measures.flag') : '',
    ]),
  ];
}

function RankingTable({ level, period }: { level: RankingLevel; period: Period }) {
  const { t, locale } = useI18n();
  const ranking = useApi((signal) => fetchRanking(level, period, signal), [level, period.from, period.to]);
  if (ranking.error) return <ErrorState error={ranking.error} onRetry={ranking.reload} compact />;
  const data = ranking.data;
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }} wrap gap={8}>
        <Typography.Text type="secondary">
          {data ? t('measures.threshold', { value: (data.threshold * 100).toFixed(0) }) : ' '}
        </Typography.Text>
        <Button
          size="small"
          icon={<DownloadOutlined />}
          disabled={!data || data.items.length === 0}
          onClick={() =>
            data && saveBlob(csvBlob(rankingRows(data, t, locale)), rankingFileName(level, period, t))
          }
        >
          {t('measures.exportCsv')}
        </Button>
      </Flex>
      <Table<RankingItem>
        size="small"
        rowKey={(item) => item.org.id}
        loading={ranking.loading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        rowClassName={(item) => (item.flagged ? 'measures-flagged-row' : '')}
        onRow={(item) => (item.flagged ? { style: { background: '#fff1f0' } } : {})}
        locale={{ emptyText: t('measures.rankingEmpty') }}
        scroll={{ x: 760 }}
        columns={[
          { title: t('measures.rank'), dataIndex: 'rank', width: 64, render: (r: number | null) => r ?? '—' },
          {
            title: t('measures.org'),
            key: 'org',
            render: (_: unknown, item) => (
              <span>
                <Typography.Text type={item.flagged ? 'danger' : undefined} strong={item.flagged}>
                  {item.org.name}
                </Typography.Text>
                {item.flagged && (
                  <Tag color="red" style={{ marginInlineStart: 8 }}>
                    {t('measures.flag')}
                  </Tag>
                )}
              </span>
            ),
          },
          {
            title: t('measures.score'),
            dataIndex: 'score',
            width: 90,
            align: 'right',
            render: (s: number | null) => (s === null ? '—' : (s * 100).toFixed(2)),
          },
          ...(['responseRate', 'solvingRate', 'satisfactionRate', 'closingRate'] as const).map((key) => ({
            title: kpiLabel(key, locale),
            key,
            width: 90,
            align: 'right' as const,
            render: (_: unknown, item: RankingItem) => percent(item.rates[key].value),
          })),
          {
            title: t('measures.validCallbacks'),
            key: 'valid',
            width: 90,
            align: 'right',
            render: (_: unknown, item) => item.counts.validCallbacks ?? 0,
          },
        ]}
      />
    </>
  );
}

/** 排名: units and districts (and towns) by composite score; the flagged ones red, marked 通报. */
export function RankingPanel({ period }: { period: Period }) {
  const { t } = useI18n();
  const [level, setLevel] = useState<RankingLevel>('unit');
  return (
    <Tabs
      activeKey={level}
      onChange={(key) => setLevel(key as RankingLevel)}
      destroyOnHidden
      items={(['unit', 'district', 'town'] as const).map((key) => ({
        key,
        label: t(`measures.level.${key}`),
        children: <RankingTable level={key} period={period} />,
      }))}
    />
  );
}
