import { Button, Card, Empty, Flex } from 'antd';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { type ReactNode, useCallback, useMemo, useRef } from 'react';
import { boundaryGeo, boundaryMap, containerRegion, onMapClick } from '../../../components/boundary-map.js';
import { EChart } from '../../../components/EChart.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { type MapSource, staffMapSource } from '../api/case-map.api.js';

/** The boundaries of an area and of everything directly below it, as an ECharts map. */
async function loadMap(source: MapSource, focusId: number | null) {
  const areas = await source.loadAreas(focusId);
  return areas ? boundaryMap(`shanzhi-case-map-${areas.area.id}`, areas.area, areas.children) : null;
}

/** Props of {@link CaseMap}. */
export interface CaseMapProps {
  /** the org whose boundary and children to draw (a community shows its grids); null: the whole scope */
  focusId: number | null;
  /** the case's point, drawn as a pin */
  point: { lng: number; lat: number } | null;
  /** clicking the map picks a point (intake); without it the map only shows */
  onPick?: (point: { lng: number; lat: number }) => void;
  /** go back to the whole scope (shown when focused) */
  onReset?: () => void;
  title?: string;
  height?: number;
  extra?: ReactNode;
  /** where boundaries come from: the staff's org tree (default) or the portal's public routes */
  source?: MapSource;
}

/**
 * A map of district, community and grid boundaries from the server (ECharts, no tile server) with the case's
 * point as a pin. With `onPick`, a click anywhere hands the clicked coordinates to the caller, who locates
 * them (`/orgs/locate`) and usually focuses the map on the community found.
 */
export function CaseMap({
  focusId,
  point,
  onPick,
  onReset,
  title,
  height = 360,
  extra,
  source = staffMapSource,
}: CaseMapProps) {
  const { t } = useI18n();
  const data = useApi(() => loadMap(source, focusId), [source, focusId]);
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;

  const onInit = useCallback((chart: EChartsType) => {
    onMapClick(chart, (at) => onPickRef.current?.(at));
  }, []);

  const map = data.data;
  const option = useMemo<EChartsCoreOption | null>(() => {
    if (!map) return null;
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; seriesType?: string }) =>
          p.seriesType === 'scatter' ? t('caseMap.casePoint') : (map.names.get(p.name) ?? ''),
      },
      geo: boundaryGeo(map, {
        maxScale: 40,
        regions: [containerRegion(map, { areaColor: '#f6f8fb', borderColor: '#1f3f7a', borderWidth: 2 })],
      }),
      series: point
        ? [
            {
              type: 'scatter',
              coordinateSystem: 'geo',
              data: [[point.lng, point.lat]],
              symbol: 'pin',
              symbolSize: 34,
              itemStyle: { color: '#e8453c' },
              z: 10,
            },
          ]
        : [],
    };
  }, [map, point, t]);
  const maps = useMemo(() => (map ? { [map.mapName]: map.geoJson } : undefined), [map]);

  let body: ReactNode;
  if (data.error) body = <ErrorState compact error={data.error} onRetry={data.reload} />;
  else if (!data.loading && !map) body = <Empty description={t('caseMap.empty')} />;
  else if (option && maps)
    body = (
      <EChart
        option={option}
        maps={maps}
        onInit={onInit}
        style={{ height }}
        ariaLabel={t('caseMap.label', { name: map?.container.name ?? '' })}
      />
    );
  else body = <div style={{ height }} />;

  return (
    <Card
      size="small"
      title={title ?? (onPick ? t('caseMap.pickTitle') : t('caseMap.title'))}
      extra={
        <Flex gap={8} align="center">
          {focusId !== null && onReset && (
            <Button size="small" onClick={onReset}>
              {t('caseMap.reset')}
            </Button>
          )}
          {extra}
        </Flex>
      }
      styles={{ body: { padding: 8 } }}
    >
      {body}
    </Card>
  );
}
