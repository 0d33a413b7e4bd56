import { Descriptions, Empty, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import type { EChartsCoreOption } from 'echarts/core';
import { type ReactNode, useMemo } from 'react';
import { boundaryGeo, boundaryMap, containerRegion } from '../../../components/boundary-map.js';
import { EChart } from '../../../components/EChart.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchOrgDetail } from '../../orgs/api/orgs.api.js';
import { fetchPatrol } from '../api/grid-work.api.js';

async function loadRoute(patrolId: number, signal: AbortSignal) {
  const patrol = await fetchPatrol(patrolId, signal);
  const grid = await fetchOrgDetail(patrol.gridId, { signal });
  return { patrol, map: boundaryMap(`shanzhi-patrol-grid-${grid.id}`, grid, []) };
}

const minutes = (seconds: number) => Math.round(seconds / 60);

/**
 * 巡查轨迹: a patrol's route over its grid's boundary — the track as a line from start (green) to end (red),
 * the points taken outside the grid flagged in orange — with its times, length and counts.
 */
export function PatrolRouteMap({ patrolId }: { patrolId: number }) {
  const { t } = useI18n();
  const data = useApi((signal) => loadRoute(patrolId, signal), [patrolId]);
  const option = useMemo<EChartsCoreOption | null>(() => {
    const map = data.data?.map;
    if (!map) return null;
    const route = data.data!.patrol.route;
    const coords = route.map(([lng, lat]) => [lng, lat]);
    return {
      tooltip: { trigger: 'item' },
      geo: boundaryGeo(map, {
        maxScale: 60,
        regions: [containerRegion(map, { areaColor: '#f0f5ff', borderColor: '#1f3f7a', borderWidth: 2 })],
      }),
      series: [
        {
          type: 'lines',
          coordinateSystem: 'geo',
          polyline: true,
          data: coords.length > 1 ? [{ coords }] : [],
          lineStyle: { color: '#1456f0', width: 3, opacity: 0.85 },
          silent: true,
        },
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 7,
          data: route.filter(([, , outside]) => outside).map(([lng, lat]) => [lng, lat]),
          itemStyle: { color: '#fa8c16' },
          tooltip: { formatter: () => t('gridWork.patrol.outsidePoint') },
        },
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 12,
          data: [coords[0], coords.at(-1)].filter(Boolean).map((c, i) => ({
            value: c,
            itemStyle: { color: i === 0 ? '#389e0d' : '#cf1322' },
          })),
          tooltip: {
            formatter: (p: { dataIndex: number }) =>
              p.dataIndex === 0 ? t('gridWork.patrol.start') : t('gridWork.patrol.end'),
          },
          z: 10,
        },
      ],
    };
  }, [data.data, t]);
  const maps = useMemo(
    () => (data.data?.map ? { [data.data.map.mapName]: data.data.map.geoJson } : undefined),
    [data.data],
  );

  let body: ReactNode;
  if (data.error) body = <ErrorState compact error={data.error} onRetry={data.reload} />;
  else if (!data.data) body = <div style={{ height: 360 }} />;
  else if (!option || !maps) body = <Empty description={t('gridWork.patrol.noBoundary')} />;
  else
    body = (
      <EChart
        option={option}
        maps={maps}
        style={{ height: 360 }}
        ariaLabel={t('gridWork.patrol.mapLabel', { id: patrolId })}
      />
    );
  const p = data.data?.patrol;
  return (
    <Flex vertical gap={8} data-testid="patrol-route">
      {body}
      {p && (
        <>
          {p.route.length === 0 && (
            <Typography.Text type="secondary">{t('gridWork.patrol.noTrack')}</Typography.Text>
          )}
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('gridWork.grid')}>{p.gridName}</Descriptions.Item>
            <Descriptions.Item label={t('gridWork.patrol.worker')}>{p.workerName}</Descriptions.Item>
            <Descriptions.Item label={t('gridWork.patrol.startedAt')}>
              {dayjs(p.startedAt).format('MM-DD HH:mm')}
            </Descriptions.Item>
            <Descriptions.Item label={t('gridWork.patrol.duration')}>
              {t('gridWork.minutes', { n: minutes(p.durationSeconds) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('gridWork.patrol.distance')}>
              {(p.distanceMeters / 1000).toFixed(2)} km
            </Descriptions.Item>
            <Descriptions.Item
              label={t('gridWork.patrol.points')}
            >{`${p.pointCount} / ${p.outsidePointCount}`}</Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Flex>
  );
}
