import { Button, Card, Empty, Flex } from 'antd';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { type ReactNode, useCallback, useMemo, useRef } from 'react';
import { boundaryGeo, boundaryMap, containerRegion, onMapClick } from '../../../components/boundary-map.js';
import { EChart } from '../../../components/EChart.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { escapeHtml } from '../../../platform/format/escape-html.js';
import { type MapSource, staffMapSource } from '../api/case-map.api.js';

/** The boundaries of an area and of everything directly below it, as an ECharts map. */
async function loadMap(source: MapSource, focusId: number | null) {
  const areas = await source.loadAreas(focusId);
  return areas ? boundaryMap(`shanzhi-case-map-${areas.area.id}`, areas.area, areas.children) : null;
}

/** A pin on the map. */
export interface MapPin {
  lng: number;
  lat: number;
  /** handed to `onPinClick` */
  id?: number;
  /** the lines of its tooltip; the map's `pointLabel` when absent */
  tooltip?: readonly string[];
  /** red when absent */
  color?: string;
}

const PIN_RED = '#e8453c';

/** The series of the pins: ECharts items carrying the pin they draw. */
function pinSeries(pins: readonly MapPin[], clickable: boolean) {
  return {
    type: 'scatter',
    coordinateSystem: 'geo',
    data: pins.map((pin) => ({ value: [pin.lng, pin.lat], pin, itemStyle: { color: pin.color ?? PIN_RED } })),
    symbol: 'pin',
    symbolSize: 34,
    cursor: clickable ? 'pointer' : 'default',
    z: 10,
  };
}

/** Props of {@link CaseMap}. */
export interface CaseMapProps {
  /** the org whose boundary and children to draw (a community shows its grids); null: the whole scope */
  focusId: number | null;
  /** the pins: a case's point, an estate, every estate of the scope … */
  pins: readonly MapPin[];
  /** what the pins are: the tooltip of a pin without its own, and the map's accessible name; 事发位置 unless given */
  pointLabel?: string;
  /** clicking a pin (an estate's: its page) */
  onPinClick?: (pin: MapPin) => void;
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
 * The boundary map: district, community and grid boundaries from the server (ECharts, no tile server) with
 * pins — a case's point, an estate, the estates of a scope. With `onPick`, a click anywhere hands the clicked
 * coordinates to the caller, who locates them (`/orgs/locate`) and usually focuses the map on the community
 * found; with `onPinClick`, a click on a pin hands its pin.
 */
export function CaseMap({
  focusId,
  pins,
  pointLabel,
  onPinClick,
  onPick,
  onReset,
  title,
  height = 360,
  extra,
  source = staffMapSource,
}: CaseMapProps) {
  const { t } = useI18n();
  const data = useApi(() => loadMap(source, focusId), [source, focusId]);
  const label = pointLabel ?? t('caseMap.casePoint');
  const clickable = onPinClick !== undefined;
  const handlers = useRef({ onPick, onPinClick });
  handlers.current = { onPick, onPinClick };

  const onInit = useCallback((chart: EChartsType) => {
    onMapClick(chart, (at) => handlers.current.onPick?.(at));
    chart.on('click', 'series.scatter', (event) => {
      handlers.current.onPinClick?.((event.data as { pin: MapPin }).pin);
    });
  }, []);

  const map = data.data;
  const option = useMemo<EChartsCoreOption | null>(() => {
    if (!map) return null;
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; seriesType?: string; data?: { pin?: MapPin } }) =>
          p.seriesType === 'scatter'
            ? (p.data?.pin?.tooltip ?? [label]).map(escapeHtml).join('<br/>')
            : escapeHtml(map.names.get(p.name) ?? ''),
      },
      geo: boundaryGeo(map, {
        maxScale: 40,
        regions: [containerRegion(map, { areaColor: '#f6f8fb', borderColor: '#1f3f7a', borderWidth: 2 })],
      }),
      series: pins.length > 0 ? [pinSeries(pins, clickable)] : [],
    };
  }, [map, pins, label, clickable]);
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
        ariaLabel={t('caseMap.label', { name: map?.container.name ?? '', what: label })}
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
