import type { BoundaryGeometry } from '@shanzhi/shared';
import type { EChartsType } from 'echarts/core';
import type { MapGeoJson } from './EChart.js';

/** An area with its boundary (null when it has none), as the org and map routes answer it. */
export interface BoundedArea {
  id: number;
  name: string;
  boundary: BoundaryGeometry | null;
}

/** A container area and the areas drawn inside it, ready to register as an ECharts map. */
export interface BoundaryMap<A extends BoundedArea> {
  mapName: string;
  geoJson: MapGeoJson;
  container: A;
  /** area id (the feature's name) → the area's name */
  names: Map<string, string>;
}

/**
 * The boundaries of `container` and `children` as one ECharts map named `mapName`, each feature named by its
 * area's id; null when none of them has a boundary.
 */
export function boundaryMap<A extends BoundedArea>(
  mapName: string,
  container: A,
  children: readonly BoundedArea[],
): BoundaryMap<A> | null {
  const shapes = [container, ...children].filter(
    (a): a is BoundedArea & { boundary: BoundaryGeometry } => a.boundary !== null,
  );
  if (shapes.length === 0) return null;
  return {
    mapName,
    container,
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

/** Areas beyond this many are drawn without labels, which would only overlap. */
const MAX_LABELLED = 25;

/**
 * The `geo` component of a boundary map: areas in light blue, labelled by their names less the container's
 * (「…社区第3网格」 reads 「第3网格」 inside its community), the container drawn silent behind them, then `regions`
 * (styles of particular areas by id) as given.
 */
export function boundaryGeo(
  map: BoundaryMap<BoundedArea>,
  options: { maxScale: number; regions: readonly object[] },
) {
  const shortName = (id: string) => {
    const name = map.names.get(id) ?? id;
    const short = name.startsWith(map.container.name) ? name.slice(map.container.name.length) : name;
    return short || name;
  };
  return {
    map: map.mapName,
    roam: true,
    aspectScale: 0.78,
    layoutCenter: ['50%', '50%'],
    layoutSize: '96%',
    scaleLimit: { min: 0.8, max: options.maxScale },
    selectedMode: false,
    itemStyle: { areaColor: '#e8f0fc', borderColor: '#5b8bd9', borderWidth: 1 },
    emphasis: { itemStyle: { areaColor: '#bcd3f7' }, label: { show: true, color: '#0a3fb8' } },
    label: {
      show: map.names.size <= MAX_LABELLED,
      fontSize: 11,
      color: '#34495e',
      formatter: (p: { name: string }) => shortName(p.name),
    },
    regions: options.regions,
  };
}

/** The style of the container area: drawn behind the others, not hoverable, without a label. */
export function containerRegion(map: BoundaryMap<BoundedArea>, itemStyle: object) {
  return { name: String(map.container.id), silent: true, itemStyle, label: { show: false } };
}

/** Calls `onPoint` with the map coordinates of every click on the chart (anywhere, not only on an area). */
export function onMapClick(chart: EChartsType, onPoint: (point: { lng: number; lat: number }) => void): void {
  chart.getZr().on('click', (event) => {
    const at = chart.convertFromPixel({ geoIndex: 0 }, [event.offsetX, event.offsetY]) as
      | number[]
      | undefined;
    if (at && Number.isFinite(at[0]) && Number.isFinite(at[1])) onPoint({ lng: at[0]!, lat: at[1]! });
  });
}
