import type { BoundaryGeometry } from '@shanzhi/shared';
import { App, Card, Empty, Flex, Typography } from 'antd';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { type ReactNode, useCallback, useMemo, useRef } from 'react';
import { EChart, type MapGeoJson } from '../../../components/EChart.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ApiError, useApi } from '../../../platform/api/index.js';
import { fetchOrgDetail, fetchTreeLevel, locatePoint, type OrgDetail } from '../api/orgs.api.js';

interface MapData {
  mapName: string;
  geoJson: MapGeoJson;
  container: OrgDetail;
  /** org id (the feature's name) → the org's name */
  names: Map<string, string>;
}

/**
 * What the map shows for a selected org: the org with everything directly below it, or, for an org with
 * nothing below it (a grid), its parent with all its siblings. Each boundary comes from `GET /orgs/:id`.
 */
async function loadMapData(selected: OrgDetail): Promise<MapData | null> {
  const parentId = selected.ancestors.at(-1)?.id;
  const containerId = selected.childCount > 0 || parentId === undefined ? selected.id : parentId;
  const [container, children] = await Promise.all([fetchOrgDetail(containerId), fetchTreeLevel(containerId)]);
  const withBoundary = children.filter((child) => child.hasBoundary);
  const details = await Promise.all(withBoundary.map((child) => fetchOrgDetail(child.id)));
  const shapes = [container, ...details].filter(
    (org): org is OrgDetail & { boundary: BoundaryGeometry } => org.boundary !== null,
  );
  if (shapes.length === 0) return null;
  return {
    mapName: `shanzhi-org-${containerId}`,
    container,
    names: new Map(shapes.map((org) => [String(org.id), org.name])),
    geoJson: {
      type: 'FeatureCollection',
      features: shapes.map((org) => ({
        type: 'Feature',
        properties: { name: String(org.id) },
        geometry: org.boundary,
      })),
    } as unknown as MapGeoJson,
  };
}

/**
 * The boundaries of districts and grids drawn with ECharts (no tile server): the selected org is
 * highlighted, and a click anywhere on the map finds the grid at that point and selects it.
 */
export function OrgMapPanel({
  selected,
  onSelect,
}: {
  selected: OrgDetail | undefined;
  onSelect: (id: number) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const data = useApi(
    async () => (selected ? loadMapData(selected) : null),
    [selected?.id, selected?.version],
  );
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  const locate = useCallback(
    async (lat: number, lng: number) => {
      try {
        const found = await locatePoint(lat, lng);
        const target = found.grid ?? found.community ?? found.town ?? found.district;
        if (target) onSelectRef.current(target.id);
        else message.info(t('orgs.locateNothing'));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'POINT_OUTSIDE_CITY')
          message.info(t('orgs.locateOutside'));
        else message.error(errorText(error, t));
      }
    },
    [message, t],
  );

  const onInit = useCallback(
    (chart: EChartsType) => {
      chart.getZr().on('click', (event) => {
        const point = chart.convertFromPixel({ geoIndex: 0 }, [event.offsetX, event.offsetY]) as
          | number[]
          | undefined;
        if (point && Number.isFinite(point[0]) && Number.isFinite(point[1]))
          void locate(point[1]!, point[0]!);
      });
    },
    [locate],
  );

  const map = data.data;
  const selectedId = selected?.id;
  const option = useMemo<EChartsCoreOption | null>(() => {
    if (!map) return null;
    const containerKey = String(map.container.id);
    const many = map.names.size > 25;
    const shortName = (id: string) => {
      const name = map.names.get(id) ?? id;
      const short = name.startsWith(map.container.name) ? name.slice(map.container.name.length) : name;
      return short || name;
    };
    return {
      tooltip: { trigger: 'item', formatter: (p: { name: string }) => map.names.get(p.name) ?? '' },
      geo: {
        map: map.mapName,
        roam: true,
        aspectScale: 0.78,
        layoutCenter: ['50%', '50%'],
        layoutSize: '96%',
        scaleLimit: { min: 0.8, max: 30 },
        selectedMode: false,
        itemStyle: { areaColor: '#e8f0fc', borderColor: '#5b8bd9', borderWidth: 1 },
        emphasis: { itemStyle: { areaColor: '#bcd3f7' }, label: { show: true, color: '#0a3fb8' } },
        label: {
          show: !many,
          fontSize: 11,
          color: '#34495e',
          formatter: (p: { name: string }) => shortName(p.name),
        },
        regions: [
          {
            name: containerKey,
            silent: true,
            itemStyle: {
              areaColor: selectedId === map.container.id ? '#fff7e0' : '#f6f8fb',
              borderColor: selectedId === map.container.id ? '#d48806' : '#1f3f7a',
              borderWidth: 2,
            },
            label: { show: false },
          },
          ...(selectedId !== undefined && selectedId !== map.container.id
            ? [
                {
                  name: String(selectedId),
                  itemStyle: { areaColor: '#ffd666', borderColor: '#d48806', borderWidth: 2 },
                  label: { show: true, fontWeight: 'bold', color: '#613400' },
                },
              ]
            : []),
        ],
      },
    };
  }, [map, selectedId]);
  const maps = useMemo(() => (map ? { [map.mapName]: map.geoJson } : undefined), [map]);

  let body: ReactNode;
  if (!selected) body = <Empty description={t('orgs.pickOne')} />;
  else if (data.error) body = <ErrorState compact error={data.error} onRetry={data.reload} />;
  else if (!data.loading && !map) body = <Empty description={t('orgs.mapEmpty')} />;
  else if (option && maps)
    body = (
      <EChart
        option={option}
        maps={maps}
        onInit={onInit}
        style={{ height: 420 }}
        ariaLabel={t('orgs.mapLabel', { name: map?.container.name ?? '' })}
      />
    );
  else body = <Card loading variant="borderless" />;

  return (
    <Card
      size="small"
      title={t('orgs.mapTitle')}
      extra={
        <Flex gap={8}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('orgs.mapHint')}
          </Typography.Text>
        </Flex>
      }
      styles={{ body: { padding: 8 } }}
    >
      {body}
    </Card>
  );
}
