import { KPI_KEYS, type KpiKey } from '@shanzhi/shared';
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { KpiRateView, KpiReport } from '../api/measures.api.js';
import { kpiLabel } from '../kpi-labels.js';
import { amount, percent } from '../period-presets.js';

const BIG: readonly KpiKey[] = ['responseRate', 'solvingRate', 'satisfactionRate', 'compositeScore'];
const COLORS: Partial<Record<KpiKey, string>> = {
  // dark enough to be read as figures on white (4.5:1)
  responseRate: '#1456f0',
  solvingRate: '#006d75',
  satisfactionRate: '#237804',
  compositeScore: '#722ed1',
};

/** The three rates of 接诉即办 and the composite score, big; then every other rate with its parts. */
export function RatesPanel({ report }: { report: KpiReport }) {
  const { t, locale } = useI18n();
  const others = KPI_KEYS.filter((k) => !BIG.includes(k)).map((k) => report.rates[k]);
  return (
    <>
      <Row gutter={[16, 16]}>
        {BIG.map((key) => {
          const rate = report.rates[key];
          return (
            <Col key={key} xs={12} lg={6}>
              <Card size="small" data-testid={`kpi-${key}`}>
                <Statistic
                  title={kpiLabel(key, locale)}
                  value={
                    key === 'compositeScore'
                      ? rate.value === null
                        ? '—'
                        : (rate.value * 100).toFixed(2)
                      : percent(rate.value)
                  }
                  valueStyle={{ color: COLORS[key], fontSize: 30, fontWeight: 600 }}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('measures.parts', { n: amount(rate.numerator), d: rate.denominator })}
                </Typography.Text>
              </Card>
            </Col>
          );
        })}
      </Row>
      <Table<KpiRateView>
        style={{ marginTop: 16 }}
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={others}
        columns={[
          {
            title: t('measures.rate'),
            dataIndex: 'key',
            render: (key: KpiKey) => kpiLabel(key, locale),
          },
          {
            title: t('measures.value'),
            dataIndex: 'value',
            align: 'right',
            render: (v: number | null) => <Typography.Text strong>{percent(v)}</Typography.Text>,
          },
          { title: t('measures.numerator'), dataIndex: 'numerator', align: 'right', render: amount },
          { title: t('measures.denominator'), dataIndex: 'denominator', align: 'right' },
        ]}
      />
    </>
  );
}
