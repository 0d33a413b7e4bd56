import type { BoundaryGeometry } from '@shanzhi/shared';
import { Button, Card, Empty, Flex } from 'antd';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { type ReactNode, useCallback, useMemo, useRef } from 'react';
import { EChart, type MapGeoJson } from '../../../components/EChart.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { type MapArea, type MapSource, staffMapSource } from '../api/case-map.api.js';

interface MapData {
  mapName: string;
  geoJson: MapGeoJson;
  container: MapArea;
  names: Map<string, string>;
}

/** The boundaries of an area and of everything directly below it, as an ECharts map. */
async function loadMap(source: MapSource, focusId: number | null): Promise<MapData | null> {
  const areas = await source.loadAreas(focusId);
  if (!areas) return null;
  const shapes = [areas.area, ...areas.children].filter(
    (a): a is MapArea & { boundary: BoundaryGeometry } => a.boundary !== null,
  );
  if (shapes.length === 0) return null;
  return {
    mapName: `shanzhi-case-map-${areas.area.id}`,
    container: areas.area,
    names: new Map(shapes.map((a) => [String(a.id), a.name])),
    geoJson: {
      type: 'FeatureCollection',
      features: shapes.map((a) => ({
        type: 'Feature',
        properties: { name: String(a.id) },
        geometry: a.boundary,
      })),
    } as unknown as MapGeoJson,
  };
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
    chart.getZr().on('click', (event) => {
      if (!onPickRef.current) return;
      const at = chart.convertFromPixel({ geoIndex: 0 }, [event.offsetX, event.offsetY]) as
        | number[]
        | undefined;
      if (at && Number.isFinite(at[0]) && Number.isFinite(at[1]))
        onPickRef.current({ lng: at[0]!, lat: at[1]! });
    });
  }, []);

  const map = data.data;
  const option = useMemo<EChartsCoreOption | null>(() => {
    if (!map) return null;
    const containerKey = String(map.container.id);
    const shortName = (id: string) => {
      const name = map.names.get(id) ?? id;
      const short = name.startsWith(map.container.name) ? name.slice(map.container.name.length) : name;
      return short || name;
    };
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; seriesType?: string }) =>
          p.seriesType === 'scatter' ? t('caseMap.casePoint') : (map.names.get(p.name) ?? ''),
      },
      geo: {
        map: map.mapName,
        roam: true,
        aspectScale: 0.78,
        layoutCenter: ['50%', '50%'],
        layoutSize: '96%',
        scaleLimit: { min: 0.8, max: 40 },
        selectedMode: false,
        itemStyle: { areaColor: '#e8f0fc', borderColor: '#5b8bd9', borderWidth: 1 },
        emphasis: { itemStyle: { areaColor: '#bcd3f7' }, label: { show: true, color: '#0a3fb8' } },
        label: {
          show: map.names.size <= 25,
          fontSize: 11,
          color: '#34495e',
          formatter: (p: { name: string }) => shortName(p.name),
        },
        regions: [
          {
            name: containerKey,
            silent: true,
            itemStyle: { areaColor: '#f6f8fb', borderColor: '#1f3f7a', borderWidth: 2 },
            label: { show: false },
          },
        ],
      },
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
