import type { GridMeasureKey, GridStatsReport } from '@shanzhi/shared';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { formatMeasure, measureLabel } from '../grid-labels.js';

/** The headline measures, big: the closing rate of findings first, as Wuhai publishes it. */
const HEADLINE: readonly GridMeasureKey[] = [
  'closingRate',
  'onSpotRate',
  'patrolAttainmentRate',
  'taskOverdueRate',
];
/** The volumes beside them. */
const VOLUMES: readonly GridMeasureKey[] = [
  'findings',
  'solvedOnSpot',
  'reportedUp',
  'closedFindings',
  'patrols',
  'patrolKm',
  'missedPatrolDays',
  'tasks',
  'tasksOverdue',
];
const COLORS: Partial<Record<GridMeasureKey, string>> = {
  // dark enough to be read as figures on white (4.5:1)
  closingRate: '#237804',
  onSpotRate: '#006d75',
  patrolAttainmentRate: '#1456f0',
  taskOverdueRate: '#a8071a',
};

/** An org's numbers: the four rates big with their parts, then the volumes they come from. */
export function GridStatsSummary({ report }: { report: GridStatsReport }) {
  const { t, locale } = useI18n();
  return (
    <>
      <Row gutter={[16, 16]}>
        {HEADLINE.map((key) => {
          const m = report.measures[key];
          return (
            <Col key={key} xs={12} lg={6}>
              <Card size="small" data-testid={`grid-measure-${key}`}>
                <Statistic
                  title={measureLabel(key, locale)}
                  value={formatMeasure(m.value, m.unit)}
                  valueStyle={{ color: COLORS[key], fontSize: 30, fontWeight: 600 }}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('measures.parts', { n: m.numerator, d: m.denominator ?? 0 })}
                </Typography.Text>
              </Card>
            </Col>
          );
        })}
      </Row>
      <Row gutter={[16, 8]} style={{ marginTop: 16 }}>
        {VOLUMES.map((key) => {
          const m = report.measures[key];
          return (
            <Col key={key} xs={12} sm={8} lg={6} xl={4}>
              <Statistic
                title={measureLabel(key, locale)}
                value={formatMeasure(m.value, m.unit)}
                valueStyle={{ fontSize: 20 }}
                data-testid={`grid-measure-${key}`}
              />
            </Col>
          );
        })}
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
        {t('gridStats.definition')}
      </Typography.Paragraph>
    </>
  );
}
