import {
  GRID_MEASURE_DEFINITIONS,
  type GridMeasureKey,
  type GridRankingItem,
  type GridStatsLevel,
} from '@shanzhi/shared';
import { Empty, Flex, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { type ReactNode, useMemo } from 'react';
import { boundaryGeo, boundaryMap, containerRegion } from '../../../components/boundary-map.js';
import { EChart } from '../../../components/EChart.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchGridStatsMap } from '../api/grid-stats.api.js';
import { formatMeasure, measureLabel } from '../grid-labels.js';
import { colourOf, NO_VALUE, SCALE, scaleOf, type ValueScale, VOLUME_SCALE } from '../map-colours.js';

/** The scale's colours from low to high values, with the lowest and highest value. */
function Legend({ measure, domain }: { measure: GridMeasureKey; domain: ValueScale | null }) {
  const { t } = useI18n();
  const { better, unit } = GRID_MEASURE_DEFINITIONS[measure];
  const scale = better === null ? VOLUME_SCALE : better === 'lower' ? [...SCALE].reverse() : SCALE;
  return (
    <Flex gap={8} align="center" wrap style={{ fontSize: 12 }} data-testid="grid-map-legend">
      {domain && <Typography.Text type="secondary">{formatMeasure(domain.min, unit)}</Typography.Text>}
      <Flex>
        {scale.map((colour) => (
          <span key={colour} style={{ width: 22, height: 10, background: colour, display: 'inline-block' }} />
        ))}
      </Flex>
      {domain && <Typography.Text type="secondary">{formatMeasure(domain.max, unit)}</Typography.Text>}
      <span style={{ width: 14, height: 10, background: NO_VALUE, display: 'inline-block', marginLeft: 8 }} />
      <Typography.Text type="secondary">{t('gridStats.noValue')}</Typography.Text>
    </Flex>
  );
}

/**
 * 网格地图: the boundaries of every area of `level` under the org (ECharts, no tile server), each coloured by
 * `measure` from red (worst) to green (best) — blues for a plain volume — with the value in its tooltip.
 */
export function GridStatsMapCard({
  org,
  level,
  measure,
  items,
  height = 460,
}: {
  org: number | undefined;
  level: GridStatsLevel;
  measure: GridMeasureKey;
  /** the areas' numbers (the ranking's items) */
  items: readonly GridRankingItem[] | undefined;
  height?: number;
}) {
  const { t, locale } = useI18n();
  const areas = useApi((signal) => fetchGridStatsMap(org, level, signal), [org, level]);
  const map = useMemo(
    () =>
      areas.data
        ? boundaryMap(
            `shanzhi-grid-stats-${areas.data.container.id}-${level}`,
            areas.data.container,
            areas.data.areas,
          )
        : null,
    [areas.data, level],
  );
  const values = useMemo(
    () => new Map((items ?? []).map((i) => [String(i.org.id), i.measures[measure].value])),
    [items, measure],
  );
  const domain = useMemo(() => scaleOf([...values.values()]), [values]);
  const option = useMemo<EChartsCoreOption | null>(() => {
    if (!map) return null;
    const { better, unit } = GRID_MEASURE_DEFINITIONS[measure];
    const label = measureLabel(measure, locale);
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string }) =>
          `${map.names.get(p.name) ?? ''}<br/>${label}：${formatMeasure(values.get(p.name) ?? null, unit)}`,
      },
      geo: {
        ...boundaryGeo(map, {
          maxScale: 40,
          regions: [
            containerRegion(map, { areaColor: '#f6f8fb', borderColor: '#1f3f7a', borderWidth: 2 }),
            ...[...map.names.keys()]
              .filter((id) => id !== String(map.container.id))
              .map((id) => ({
                name: id,
                itemStyle: { areaColor: colourOf(values.get(id) ?? null, domain, better) },
              })),
          ],
        }),
        tooltip: { show: true },
      },
    };
  }, [map, values, domain, measure, locale]);
  const maps = useMemo(() => (map ? { [map.mapName]: map.geoJson } : undefined), [map]);

  let body: ReactNode;
  if (areas.error) body = <ErrorState compact error={areas.error} onRetry={areas.reload} />;
  else if (!areas.loading && !map) body = <Empty description={t('gridStats.mapEmpty')} />;
  else if (option && maps)
    body = (
      <EChart
        option={option}
        maps={maps}
        style={{ height }}
        ariaLabel={t('gridStats.mapLabel', {
          name: map?.container.name ?? '',
          measure: measureLabel(measure, locale),
        })}
      />
    );
  else body = <div style={{ height }} />;
  return (
    <Flex vertical gap={8} data-testid="grid-stats-map">
      {body}
      <Legend measure={measure} domain={domain} />
    </Flex>
  );
}
