import { App, Card, Empty, Flex, Typography } from 'antd';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { type ReactNode, useCallback, useMemo, useRef } from 'react';
import { boundaryGeo, boundaryMap, containerRegion, onMapClick } from '../../../components/boundary-map.js';
import { EChart } from '../../../components/EChart.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ApiError, useApi } from '../../../platform/api/index.js';
import { fetchOrgDetail, fetchTreeLevel, locatePoint, type OrgDetail } from '../api/orgs.api.js';

/**
 * What the map shows for a selected org: the org with everything directly below it, or, for an org with
 * nothing below it (a grid), its parent with all its siblings — unless the org is the root of the user's
 * scope (a grid worker's grid, a handler's unit), whose parent is not his to read. Each boundary comes from
 * `GET /orgs/:id`.
 */
async function loadMapData(selected: OrgDetail) {
  const parentId = selected.ancestors.at(-1)?.id;
  const [scopeRoot] = await fetchTreeLevel();
  const showsParent = selected.childCount === 0 && parentId !== undefined && scopeRoot?.id !== selected.id;
  const containerId = showsParent ? parentId : selected.id;
  const [container, children] = await Promise.all([fetchOrgDetail(containerId), fetchTreeLevel(containerId)]);
  const details = await Promise.all(children.filter((c) => c.hasBoundary).map((c) => fetchOrgDetail(c.id)));
  return boundaryMap(`shanzhi-org-${containerId}`, container, details);
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
      onMapClick(chart, (point) => void locate(point.lat, point.lng));
    },
    [locate],
  );

  const map = data.data;
  const selectedId = selected?.id;
  const option = useMemo<EChartsCoreOption | null>(() => {
    if (!map) return null;
    const isContainer = selectedId === map.container.id;
    return {
      tooltip: { trigger: 'item', formatter: (p: { name: string }) => map.names.get(p.name) ?? '' },
      geo: boundaryGeo(map, {
        maxScale: 30,
        regions: [
          containerRegion(map, {
            areaColor: isContainer ? '#fff7e0' : '#f6f8fb',
            borderColor: isContainer ? '#d48806' : '#1f3f7a',
            borderWidth: 2,
          }),
          ...(selectedId !== undefined && !isContainer
            ? [
                {
                  name: String(selectedId),
                  itemStyle: { areaColor: '#ffd666', borderColor: '#d48806', borderWidth: 2 },
                  label: { show: true, fontWeight: 'bold', color: '#613400' },
                },
              ]
            : []),
        ],
      }),
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
