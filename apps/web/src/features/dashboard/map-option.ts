import { bboxOfGeometry, type DashboardArea, type DashboardMap, type DashboardPoint } from '@shanzhi/shared';
import type { EChartsCoreOption } from 'echarts/core';
import type { MapGeoJson } from '../../components/EChart.js';
import { LIGHT_COLOURS, WALL } from './wall-theme.js';

/** The map of one level of the wall, ready for ECharts, and the areas a click drills into. */
export interface WallMap {
  mapName: string;
  geoJson: MapGeoJson;
  /** ids (as feature names) of the areas a click opens */
  clickable: Set<string>;
  option: EChartsCoreOption;
}

const withBoundary = (areas: readonly DashboardArea[]) => areas.filter((a) => a.boundary !== null);

/** A grid's fill: deeper blue with more open cases. */
function gridFill(open: number, max: number): string {
  const share = max === 0 ? 0 : Math.sqrt(open / max);
  return `rgba(${Math.round(20 + share * 30)}, ${Math.round(70 + share * 90)}, ${Math.round(150 + share * 105)}, ${0.35 + share * 0.5})`;
}

/**
 * The option of the wall's map at `level`: the outlines (a city: its districts over its grids, districts
 * clickable; below: the container, its grids clickable, its towns or communities outlined over them), then
 * today's cases inside the level's box as a heat layer and as points coloured by their light, the new ones
 * pulsing.
 */
export function wallMapOption(
  level: DashboardMap,
  points: readonly DashboardPoint[],
  fresh: ReadonlySet<number>,
): WallMap {
  const atCity = level.org.kind === 'city';
  const isGrid = level.org.kind === 'grid';
  const grids = withBoundary(level.grids);
  const areas = withBoundary(level.areas);
  // drawing order is hit order, last on top: what a click opens goes above what it does not
  const layers: { area: DashboardArea; role: 'container' | 'grid' | 'area' }[] = isGrid
    ? [{ area: level.org, role: 'grid' }]
    : atCity
      ? [
          ...grids.map((area) => ({ area, role: 'grid' as const })),
          ...areas.map((area) => ({ area, role: 'area' as const })),
        ]
      : [
          ...(level.org.boundary ? [{ area: level.org, role: 'container' as const }] : []),
          ...grids.map((area) => ({ area, role: 'grid' as const })),
          ...areas.map((area) => ({ area, role: 'area' as const })),
        ];
  const clickable = new Set(isGrid ? [] : (atCity ? areas : grids).map((a) => String(a.id)));
  const maxOpen = Math.max(0, ...grids.map((g) => g.openCases));
  const regions = layers.map(({ area, role }) => {
    const name = String(area.id);
    if (role === 'container') {
      return {
        name,
        silent: true,
        itemStyle: { areaColor: 'rgba(12, 45, 96, 0.6)', borderColor: WALL.cyan, borderWidth: 2 },
        label: { show: false },
      };
    }
    if (role === 'grid') {
      return {
        name,
        silent: !clickable.has(name),
        // a grid on its own glows; among others it is shaded by its open cases
        itemStyle: isGrid
          ? {
              areaColor: 'rgba(20, 90, 190, 0.55)',
              borderColor: WALL.cyan,
              borderWidth: 2.5,
              shadowColor: WALL.cyan,
              shadowBlur: 14,
            }
          : {
              areaColor: gridFill(area.openCases, maxOpen),
              borderColor: 'rgba(62, 230, 255, 0.35)',
              borderWidth: 0.6,
            },
        emphasis: { itemStyle: { areaColor: 'rgba(62, 230, 255, 0.55)' }, label: { show: !atCity } },
        label: { show: isGrid },
      };
    }
    return {
      name,
      silent: !clickable.has(name),
      itemStyle: {
        areaColor: 'rgba(0, 0, 0, 0)',
        borderColor: atCity ? WALL.cyan : 'rgba(62, 230, 255, 0.8)',
        borderWidth: atCity ? 2.5 : 1.4,
        shadowColor: WALL.cyan,
        shadowBlur: atCity ? 16 : 6,
      },
      emphasis: { itemStyle: { areaColor: 'rgba(62, 230, 255, 0.18)' }, label: { show: true } },
      label: { show: true },
    };
  });
  const names = new Map(layers.map(({ area }) => [String(area.id), area.name]));
  const box = level.org.boundary ? bboxOfGeometry(level.org.boundary) : null;
  const inside = box
    ? points.filter(
        (p) => p.lng >= box.minLng && p.lng <= box.maxLng && p.lat >= box.minLat && p.lat <= box.maxLat,
      )
    : points;
  const mapName = `wall-${level.org.id}`;
  return {
    mapName,
    clickable,
    geoJson: {
      type: 'FeatureCollection',
      features: layers.map(({ area }) => ({
        type: 'Feature',
        properties: { name: String(area.id) },
        geometry: area.boundary,
      })),
    } as unknown as MapGeoJson,
    option: {
      backgroundColor: 'transparent',
      tooltip: { show: false },
      geo: {
        map: mapName,
        roam: false,
        aspectScale: 0.78,
        // a grid leaves the right of the panel to its staff and cases
        layoutCenter: isGrid ? ['27%', '52%'] : ['50%', '52%'],
        layoutSize: isGrid ? '62%' : '94%',
        selectedMode: false,
        itemStyle: { areaColor: 'rgba(12, 45, 96, 0.6)', borderColor: WALL.border },
        label: {
          show: false,
          color: '#fff',
          fontSize: atCity ? 22 : 14,
          fontWeight: 600,
          textShadowColor: WALL.blue,
          textShadowBlur: 8,
          formatter: (p: { name: string }) => {
            const name = names.get(p.name) ?? p.name;
            return name.startsWith(level.org.name) ? name.slice(level.org.name.length) || name : name;
          },
        },
        regions,
      },
      visualMap: {
        show: false,
        seriesIndex: 0,
        min: 0,
        max: 4,
        inRange: { color: ['rgba(47, 140, 255, 0)', 'rgba(62, 230, 255, 0.7)', '#ffc53d', '#ff5c5c'] },
      },
      series: [
        {
          type: 'heatmap',
          coordinateSystem: 'geo',
          pointSize: atCity ? 14 : 22,
          blurSize: atCity ? 22 : 30,
          data: inside.map((p) => [p.lng, p.lat, 1]),
        },
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 7,
          data: inside.map((p) => ({ value: [p.lng, p.lat], itemStyle: { color: LIGHT_COLOURS[p.light] } })),
          itemStyle: { shadowBlur: 6, shadowColor: WALL.cyan },
          silent: true,
        },
        {
          type: 'effectScatter',
          coordinateSystem: 'geo',
          symbolSize: 16,
          rippleEffect: { scale: 4, brushType: 'stroke' },
          itemStyle: { color: WALL.cyan, shadowBlur: 12, shadowColor: WALL.cyan },
          data: inside.filter((p) => fresh.has(p.id)).map((p) => [p.lng, p.lat]),
          silent: true,
        },
      ],
    },
  };
}
