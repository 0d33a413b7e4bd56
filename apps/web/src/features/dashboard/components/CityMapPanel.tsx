import type { DashboardMap, DashboardPoint } from '@shanzhi/shared';
import type { EChartsType } from 'echarts/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EChart } from '../../../components/EChart.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { fetchMap } from '../api/dashboard.api.js';
import { wallMapOption } from '../map-option.js';
import { WALL } from '../wall-theme.js';
import { WallCaseRow } from './TickerPanel.js';
import { WallPanel } from './WallPanel.js';

/** The chart's option until the map's data has arrived. */
const NO_MAP = { backgroundColor: 'transparent' };

const STAFF_ROLES: Record<string, string> = {
  leader: '网格长',
  police: '网格警',
  full_time: '专职网格员',
  part_time: '兼职网格员',
};

/** A grid's staff and open cases, over the map when the wall has drilled down to it. */
function GridCard({ level }: { level: DashboardMap }) {
  const { t } = useI18n();
  return (
    <div
      data-testid="wall-grid-card"
      style={{
        position: 'absolute',
        right: 12,
        top: 56,
        bottom: 12,
        width: 470,
        padding: 14,
        background: 'rgba(4, 20, 48, 0.92)',
        border: `1px solid ${WALL.border}`,
        boxShadow: WALL.glow,
        display: 'flex',
        flexDirection: 'column',
        gap: 10,
        overflow: 'hidden',
      }}
    >
      <div style={{ color: WALL.cyan, fontSize: 18, fontWeight: 600 }}>{t('dashboard.gridStaff')}</div>
      <ul
        style={{
          listStyle: 'none',
          margin: 0,
          padding: 0,
          display: 'grid',
          gridTemplateColumns: '1fr 1fr',
          gap: 6,
        }}
      >
        {level.staff.map((s) => (
          <li key={s.id} style={{ fontSize: 15 }}>
            <span style={{ color: WALL.muted }}>{STAFF_ROLES[s.role] ?? s.role}</span> {s.name}
            {s.phone && (
              <div style={{ color: WALL.muted, fontFamily: WALL.numerals, fontSize: 14 }}>{s.phone}</div>
            )}
          </li>
        ))}
        {level.staff.length === 0 && <li style={{ color: WALL.muted }}>{t('dashboard.none')}</li>}
      </ul>
      <div style={{ color: WALL.cyan, fontSize: 18, fontWeight: 600 }}>
        {t('dashboard.gridCases')}{' '}
        <span style={{ fontFamily: WALL.numerals, color: WALL.amber }}>{level.openCases.length}</span>
      </div>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, overflow: 'hidden', flex: 1 }}>
        {level.openCases.map((item) => (
          <WallCaseRow key={item.id} item={item} fresh={false} compact />
        ))}
        {level.openCases.length === 0 && <li style={{ color: WALL.muted }}>{t('dashboard.none')}</li>}
      </ul>
    </div>
  );
}

/**
 * 城市态势图: the districts and grids with today's cases as a heat layer and points; a click on a district
 * opens its towns and grids, a click on a grid its staff and open cases; 返回上级 goes back up.
 */
export function CityMapPanel({
  rootOrg,
  points,
  fresh,
  pixelRatio,
}: {
  /** the org the wall opens on; the caller's scope root when left out */
  rootOrg: number | undefined;
  points: readonly DashboardPoint[];
  fresh: ReadonlySet<number>;
  pixelRatio: number;
}) {
  const { t } = useI18n();
  const [path, setPath] = useState<(number | undefined)[]>([rootOrg]);
  const [levels, setLevels] = useState<Map<number, DashboardMap>>(new Map());
  const current = path.at(-1);
  // the root, when not named, is kept as 0 (no org has that id)
  const key = current ?? 0;
  const level = levels.get(key);

  useEffect(() => {
    if (levels.has(key)) return;
    const controller = new AbortController();
    fetchMap(current, controller.signal).then(
      (data) => setLevels((known) => new Map(known).set(key, data)),
      () => undefined,
    );
    return () => controller.abort();
  }, [current, key, levels]);

  const wallMap = useMemo(() => (level ? wallMapOption(level, points, fresh) : null), [level, points, fresh]);
  const maps = useMemo(() => (wallMap ? { [wallMap.mapName]: wallMap.geoJson } : {}), [wallMap]);
  const clickable = useRef<Set<string>>(new Set());
  clickable.current = wallMap?.clickable ?? new Set();

  const onInit = useCallback((chart: EChartsType) => {
    chart.on('click', (params) => {
      const name = (params as { componentType?: string; name?: string }).name;
      if (
        (params as { componentType?: string }).componentType === 'geo' &&
        name &&
        clickable.current.has(name)
      ) {
        setPath((p) => [...p, Number(name)]);
      }
    });
  }, []);

  const trail = path
    .map((id) => levels.get(id ?? 0)?.org.name)
    .filter(Boolean)
    .join(' › ');
  return (
    <WallPanel
      title={t('dashboard.panel.map')}
      testId="wall-map"
      extra={
        <span style={{ display: 'flex', gap: 16, alignItems: 'center', fontSize: 15, color: WALL.muted }}>
          <span data-testid="wall-map-trail" style={{ color: WALL.text }}>
            {trail}
          </span>
          {level && level.org.kind !== 'grid' && (
            <span>{t('dashboard.openCases', { count: level.org.openCases })}</span>
          )}
        </span>
      }
    >
      {/* mounted before the map's data arrives, so that ECharts loads meanwhile */}
      <EChart
        option={wallMap?.option ?? NO_MAP}
        maps={maps}
        onInit={onInit}
        theme="dark"
        pixelRatio={pixelRatio}
        ariaLabel={`${t('dashboard.panel.map')}：${level?.org.name ?? ''}，${t('dashboard.mapHint')}`}
        style={{ position: 'absolute', inset: 0 }}
      />
      {path.length > 1 && (
        <button
          type="button"
          onClick={() => setPath((p) => p.slice(0, -1))}
          style={{
            position: 'absolute',
            left: 14,
            top: 12,
            padding: '4px 16px',
            fontSize: 16,
            color: WALL.cyan,
            background: 'rgba(4, 20, 48, 0.85)',
            border: `1px solid ${WALL.cyan}`,
            cursor: 'pointer',
            boxShadow: `0 0 10px rgba(62, 230, 255, 0.35)`,
          }}
        >
          ‹ {t('dashboard.back')}
        </button>
      )}
      <div
        style={{
          position: 'absolute',
          left: 14,
          bottom: 12,
          display: 'flex',
          gap: 16,
          fontSize: 14,
          color: WALL.muted,
        }}
      >
        <span>
          <span style={{ color: WALL.green }}>●</span>/<span style={{ color: WALL.amber }}>●</span>/
          <span style={{ color: WALL.red }}>●</span> {t('dashboard.todayPoints')}
        </span>
        <span>
          <span style={{ color: WALL.amber }}>▇</span> {t('dashboard.heat')}
        </span>
        {path.length === 1 && <span>{t('dashboard.mapHint')}</span>}
      </div>
      {level?.org.kind === 'grid' && <GridCard level={level} />}
    </WallPanel>
  );
}
