import type { MarketStats } from '@shanzhi/shared';
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
import { ExportButton } from '../../case-search/components/ExportButton.js';
import { percent } from '../../measures/period-presets.js';
import { fetchMarketStats } from '../api/market.api.js';

type RankedMerchant = MarketStats['merchants'][number];

/** Seconds as minutes with one decimal, or a dash. */
const minutes = (seconds: number | null | undefined) =>
  seconds === null || seconds === undefined ? '—' : (seconds / 60).toFixed(1);

/**
 * 便民服务统计: the orders of a period of days (the last year by default) — volumes, completion and satisfaction,
 * acceptance times (median, P90) — by month, item and district, the merchants ranked, and as a workbook.
 */
export function MarketStatsPage() {
  const { t } = useI18n();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(364, 'day'), dayjs()]);
  const period = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const stats = useApi((signal) => fetchMarketStats(period, signal), [period.from, period.to]);
  const s = stats.data;

  return (
    <Flex vertical gap={16}>
      <PageTitle
        title={t('menu.marketStats')}
        description={t('menu.hint.marketStats')}
        extra={
          <>
            <DayRangePicker value={range} onChange={setRange} label={t('market.stats.period')} />
            <ExportButton
              path="/api/v1/market/stats.xlsx"
              query={period}
              fallbackName={`便民服务统计_${period.from}_${period.to}.xlsx`}
              label={t('market.stats.export')}
            />
          </>
        }
      />
      {stats.error ? (
        <ErrorState error={stats.error} onRetry={stats.reload} />
      ) : (
        <>
          <StatisticCards
            testId="market-stats-summary"
            loading={stats.loading}
            items={(
              [
                ['market.stats.orders', s?.orders],
                ['market.stats.completionRate', percent(s?.completionRate)],
                ['market.stats.satisfactionRate', percent(s?.satisfactionRate)],
                ['market.stats.averageStars', s?.averageStars?.toFixed(2)],
                ['market.stats.acceptMedian', minutes(s?.acceptSeconds.median)],
                ['market.stats.acceptP90', minutes(s?.acceptSeconds.p90)],
              ] as const
            ).map(([label, value]) => ({ title: t(label), value }))}
          />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <BarChartCard
                title={t('market.stats.byMonth')}
                empty={t('market.noOrders')}
                labels={(s?.byMonth ?? []).map((m) => m.month)}
                values={(s?.byMonth ?? []).map((m) => m.orders)}
              />
            </Col>
            <Col xs={24} xl={12}>
              <BarChartCard
                title={t('market.stats.byItem')}
                empty={t('market.noOrders')}
                labels={(s?.byItem ?? []).map((i) => i.name)}
                values={(s?.byItem ?? []).map((i) => i.orders)}
              />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={8}>
              <Card size="small" title={t('market.stats.byDistrict')}>
                <Table
                  rowKey={(d) => String(d.districtId)}
                  size="small"
                  pagination={false}
                  loading={stats.loading}
                  dataSource={s?.byDistrict ?? []}
                  columns={[
                    { title: t('market.district'), render: (_, d) => d.name ?? t('market.stats.unlocated') },
                    { title: t('market.stats.orders'), dataIndex: 'orders', align: 'right' },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={16}>
              <Card size="small" title={t('market.stats.ranking')}>
                <Table<RankedMerchant>
                  rowKey="merchantId"
                  size="small"
                  pagination={false}
                  loading={stats.loading}
                  dataSource={s?.merchants ?? []}
                  data-testid="market-stats-ranking"
                  columns={[
                    { title: t('market.stats.rank'), render: (_, _m, index) => index + 1, width: 64 },
                    { title: t('market.merchant'), dataIndex: 'name' },
                    { title: t('market.stats.completed'), dataIndex: 'completed', align: 'right' },
                    {
                      title: t('market.stats.averageStars'),
                      align: 'right',
                      render: (_, m) => m.averageStars?.toFixed(2) ?? '—',
                    },
                    { title: t('market.stats.score'), align: 'right', render: (_, m) => m.score.toFixed(2) },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Flex>
  );
}
