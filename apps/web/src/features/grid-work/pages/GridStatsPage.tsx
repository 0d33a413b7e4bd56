import {
  GRID_MEASURE_KEYS,
  GRID_STATS_LEVELS,
  type GridMeasureKey,
  type GridStatsEntry,
  type GridStatsLevel,
  rankByMeasure,
} from '@shanzhi/shared';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Row,
  Segmented,
  Select,
  Skeleton,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { orgKindLabel } from '../../../i18n/labels.js';
import { useApi } from '../../../platform/api/index.js';
import { ExportButton } from '../../case-search/components/ExportButton.js';
import { periodOf } from '../../measures/period-presets.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import { fetchGridRanking, fetchGridStats } from '../api/grid-stats.api.js';
import { GridRankingTable } from '../components/GridRankingTable.js';
import { GridStatsMapCard } from '../components/GridStatsMapCard.js';
import { GridStatsSummary } from '../components/GridStatsSummary.js';
import { formatMeasure, measureLabel } from '../grid-labels.js';
import { statsPresets } from '../stats-period.js';

const KIND_ORDER = ['city', ...GRID_STATS_LEVELS] as const;

/** The levels an org of `kind` breaks down into (a district: towns, communities, grids). */
function levelsBelow(kind: string): GridStatsLevel[] {
  const at = KIND_ORDER.indexOf(kind as (typeof KIND_ORDER)[number]);
  return at < 0 ? [] : GRID_STATS_LEVELS.filter((level) => KIND_ORDER.indexOf(level) > at);
}

/** The orgs directly below, one row each, with a way down into each. */
function ChildrenTable({ rows, onOpen }: { rows: GridStatsEntry[]; onOpen: (id: number) => void }) {
  const { t, locale } = useI18n();
  const keys: GridMeasureKey[] = [
    'findings',
    'solvedOnSpot',
    'reportedUp',
    'closingRate',
    'patrolAttainmentRate',
    'patrolKm',
    'tasksOverdue',
  ];
  return (
    <Table<GridStatsEntry>
      size="small"
      data-testid="grid-stats-children"
      rowKey={(row) => row.org.id}
      dataSource={rows}
      pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 860 }}
      columns={[
        {
          title: t('gridStats.area'),
          key: 'org',
          render: (_: unknown, row) => (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(row.org.id)}>
              {row.org.name}
            </Button>
          ),
        },
        ...keys.map((key) => ({
          title: measureLabel(key, locale),
          key,
          align: 'right' as const,
          render: (_: unknown, row: GridStatsEntry) =>
            formatMeasure(row.measures[key].value, row.measures[key].unit),
        })),
      ]}
    />
  );
}

/**
 * 网格统计: the grid's numbers of an org (the caller's scope by default) over a period — patrols against the
 * plans, kilometres, findings and their closing rate, tasks and the overdue ones — the orgs below it, a map
 * of its grids (or towns, communities) coloured by any measure, the ranking by that measure, and an Excel
 * workbook of it all.
 */
export function GridStatsPage() {
  const { t, locale } = useI18n();
  const presets = useMemo(() => statsPresets(), []);
  const [org, setOrg] = useState<number | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(presets.at(-1)!.range);
  const [chosenLevel, setLevel] = useState<GridStatsLevel>('grid');
  const [measure, setMeasure] = useState<GridMeasureKey>('closingRate');
  const period = useMemo(() => periodOf(range), [range]);
  const report = useApi((signal) => fetchGridStats(org, period, signal), [org, period.from, period.to]);
  const levels = report.data ? levelsBelow(report.data.org.kind) : [];
  const level = levels.includes(chosenLevel) ? chosenLevel : levels.at(-1);
  const rankingOrg = report.data?.org.id;
  const ranking = useApi(
    async (signal) =>
      rankingOrg === undefined || level === undefined
        ? undefined
        : fetchGridRanking({ org: rankingOrg, level, measure: 'closingRate', ...period }, signal),
    [rankingOrg, level, period.from, period.to],
  );
  // ranked here by the shared rule, so that choosing another measure needs no new count
  const ranked = useMemo(
    () => (ranking.data ? rankByMeasure(ranking.data.items, measure) : []),
    [ranking.data, measure],
  );

  return (
    <Flex vertical gap={16}>
      <PageTitle
        title={t('menu.gridStats')}
        description={t('gridStats.description')}
        extra={
          <>
            <OrgTreeSelect
              value={org ?? null}
              onChange={setOrg}
              initial={org !== undefined && report.data ? report.data.org : undefined}
              allowClear
              placeholder={t('gridStats.orgPlaceholder')}
              aria-label={t('gridStats.orgPlaceholder')}
              style={{ width: 240 }}
            />
            <DatePicker.RangePicker
              value={range}
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              presets={presets.map((p) => ({
                label: t(`gridStats.preset.${p.key}` as 'gridStats.preset.lastYear'),
                value: p.range,
              }))}
              onChange={(next) => {
                if (next?.[0] && next[1]) setRange([next[0], next[1]]);
              }}
            />
            <ExportButton
              path="/api/v1/grid/stats/export"
              query={{ org: rankingOrg, ...period, ...(level ? { level, measure } : {}) }}
              fallbackName={`网格统计_${period.from}_${period.to}.xlsx`}
              label={t('gridStats.export')}
            />
          </>
        }
      />
      <Card
        size="small"
        title={
          report.data ? (
            <span data-testid="grid-stats-org">
              {t('measures.of', { org: report.data.org.name, from: report.data.from, to: report.data.to })}
            </span>
          ) : (
            t('gridStats.summary')
          )
        }
      >
        {report.error ? (
          <ErrorState error={report.error} onRetry={report.reload} />
        ) : report.data ? (
          <GridStatsSummary report={report.data} />
        ) : (
          <Skeleton active />
        )}
      </Card>
      {report.data && report.data.children.length > 0 && (
        <Card
          size="small"
          title={t('gridStats.children', {
            kind: orgKindLabel(report.data.children[0]!.org.kind, locale),
          })}
        >
          <ChildrenTable rows={report.data.children} onOpen={setOrg} />
        </Card>
      )}
      {level && (
        <Card
          size="small"
          title={t('gridStats.mapAndRanking')}
          extra={
            <Flex gap={8} wrap align="center">
              <Segmented<GridStatsLevel>
                size="small"
                value={level}
                onChange={setLevel}
                options={levels.map((l) => ({ value: l, label: orgKindLabel(l, locale) }))}
              />
              <Select<GridMeasureKey>
                size="small"
                value={measure}
                onChange={setMeasure}
                aria-label={t('gridStats.measure')}
                style={{ width: 170 }}
                options={GRID_MEASURE_KEYS.map((k) => ({ value: k, label: measureLabel(k, locale) }))}
              />
            </Flex>
          }
        >
          {ranking.error ? (
            <ErrorState compact error={ranking.error} onRetry={ranking.reload} />
          ) : (
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={11}>
                <GridStatsMapCard
                  org={rankingOrg}
                  level={level}
                  measure={measure}
                  items={ranking.data?.items}
                />
              </Col>
              <Col xs={24} xl={13}>
                <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
                  {t('gridStats.rankingBy', { measure: measureLabel(measure, locale) })}
                </Typography.Text>
                <GridRankingTable items={ranked} measure={measure} loading={ranking.loading} />
              </Col>
            </Row>
          )}
        </Card>
      )}
    </Flex>
  );
}
