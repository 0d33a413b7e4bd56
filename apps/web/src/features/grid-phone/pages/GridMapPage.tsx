import type { GridFindingView } from '@shanzhi/shared';
import { Card, Empty } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useMemo } from 'react';
import { boundaryGeo, boundaryMap, containerRegion } from '../../../components/boundary-map.js';
import { EChart } from '../../../components/EChart.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchOrgDetail } from '../../orgs/api/orgs.api.js';
import { fetchMyFindings, fetchMyPatrols, fetchPatrol } from '../api/grid-phone.api.js';
import { usePhoneUser } from '../hooks/use-phone-user.js';
import { currentFix, usePatrolTracker } from '../patrol-tracker.js';

const FINDING_COLORS: Record<GridFindingView['state'], string> = {
  open: '#d46b08',
  solved: '#237804',
  escalated: '#1456f0',
  referred: '#722ed1',
  closed: '#237804',
  dismissed: '#8c8c8c',
};

/** The route of the last patrol the server has, for when no patrol runs on the phone. */
async function lastRoute(userId: number, signal: AbortSignal): Promise<[number, number][]> {
  const [last] = (await fetchMyPatrols(userId, { limit: 1 }, signal)).items;
  if (!last) return [];
  return (await fetchPatrol(last.id, signal)).route.map(([lng, lat]) => [lng, lat]);
}

/**
 * 我的网格: the grid's boundary, the patrol's route (the one going on, from the phone's own points, else the
 * last one) and the worker's findings coloured by where they stand, with where he is now.
 */
export function GridMapPage() {
  const { t } = useI18n();
  const me = usePhoneUser();
  const { session, lastFix } = usePatrolTracker();
  const grid = useApi((signal) => fetchOrgDetail(me.org.id, { signal }), [me.org.id]);
  const findings = useApi((signal) => fetchMyFindings({ limit: 100 }, signal), []);
  const previous = useApi((signal) => lastRoute(me.user.id, signal), [me.user.id, session === null]);
  useEffect(() => {
    // where he stands now, when no patrol is following him
    if (!session) currentFix().catch(() => undefined);
  }, [session]);

  const map = useMemo(
    () => (grid.data ? boundaryMap(`shanzhi-phone-grid-${grid.data.id}`, grid.data, []) : null),
    [grid.data],
  );
  const route = useMemo<[number, number][]>(
    () => (session ? session.points.map((p) => [p.longitude, p.latitude]) : (previous.data ?? [])),
    [session, previous.data],
  );

  const option = useMemo<EChartsCoreOption | null>(() => {
    if (!map) return null;
    const track = t('phone.map.track');
    const mine = t('phone.map.findings');
    const here = t('phone.map.here');
    return {
      legend: { bottom: 0, data: [track, mine, here] },
      tooltip: {
        trigger: 'item',
        formatter: (p: { seriesName: string; name: string }) => p.name || p.seriesName,
      },
      geo: boundaryGeo(map, {
        maxScale: 60,
        regions: [containerRegion(map, { areaColor: '#eef4ff', borderColor: '#1f3f7a', borderWidth: 2 })],
      }),
      series: [
        {
          name: track,
          type: 'lines',
          coordinateSystem: 'geo',
          polyline: true,
          data: route.length > 1 ? [{ coords: route }] : [],
          lineStyle: { color: '#1456f0', width: 3, opacity: 0.9 },
          z: 5,
        },
        {
          name: mine,
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 11,
          itemStyle: { color: '#d46b08' },
          data: (findings.data?.items ?? []).map((f) => ({
            name: f.description,
            value: [f.location.longitude, f.location.latitude],
            itemStyle: { color: FINDING_COLORS[f.state] },
          })),
          z: 6,
        },
        {
          name: here,
          type: 'scatter',
          coordinateSystem: 'geo',
          symbol: 'pin',
          symbolSize: 30,
          itemStyle: { color: '#e8453c' },
          data: lastFix ? [{ name: here, value: [lastFix.longitude, lastFix.latitude] }] : [],
          z: 10,
        },
      ],
    };
  }, [map, route, findings.data, lastFix, t]);
  const maps = useMemo(() => (map ? { [map.mapName]: map.geoJson } : undefined), [map]);

  let body = <PageLoading />;
  if (grid.error) body = <ErrorState compact error={grid.error} onRetry={grid.reload} />;
  else if (grid.data && !map) body = <Empty description={t('phone.map.noBoundary')} />;
  else if (option && maps) {
    body = (
      <EChart
        option={option}
        maps={maps}
        style={{ height: 'calc(100vh - 200px)', minHeight: 320 }}
        ariaLabel={t('phone.map.label', { grid: me.org.name })}
      />
    );
  }
  return (
    <Card size="small" title={t('phone.map.title')} styles={{ body: { padding: 4 } }}>
      {body}
    </Card>
  );
}
