import { ConfigProvider, Result, Spin } from 'antd';
import { type ReactNode, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { MessageKey } from '../../../i18n/messages.zh-CN.js';
import { loadSession, useSession } from '../../auth/hooks/use-session.js';
import type { DashboardOverview } from '../api/dashboard.api.js';
import { PetitionRisksPanel, UnitAlertsPanel, WarningsPanel } from '../components/AlertPanels.js';
import { CityMapPanel } from '../components/CityMapPanel.js';
import { HotCategoriesPanel, HotWordsPanel } from '../components/HotPanels.js';
import { CountsPanel, RatesPanel } from '../components/NumberPanels.js';
import { RankingPanel } from '../components/RankingPanel.js';
import { TickerPanel } from '../components/TickerPanel.js';
import { useWallScale, WallFrame } from '../components/WallFrame.js';
import { WallHeader } from '../components/WallHeader.js';
import { WallPanel } from '../components/WallPanel.js';
import { useWall } from '../hooks/use-wall.js';
import { WALL_SCENES, type WallPanel as WallPanelKey } from '../scenes.js';
import { WALL, WALL_ANTD_THEME } from '../wall-theme.js';

const KEYFRAMES = `@keyframes wall-flash { 0%, 100% { filter: none; } 50% { filter: brightness(1.8); } }`;

/** The command hall's wall (城市运行一个屏): full screen, outside the console, for `dashboard.read`. */
export function DashboardPage() {
  const session = useSession();
  const { t } = useI18n();
  useEffect(() => {
    void loadSession();
  }, []);
  const allowed = session.status === 'ready' && session.me.permissions.includes('dashboard.read');
  return (
    <ConfigProvider theme={WALL_ANTD_THEME}>
      <style>{KEYFRAMES}</style>
      {session.status === 'ready' && !allowed ? (
        <div
          style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: WALL.background }}
        >
          <Result status="403" title={t('dashboard.forbidden')} />
        </div>
      ) : allowed ? (
        <Wall />
      ) : (
        <div
          style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: WALL.background }}
        >
          <Spin size="large" />
        </div>
      )}
    </ConfigProvider>
  );
}

function Wall() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const org = params.get('org') ? Number(params.get('org')) : undefined;
  const scene = WALL_SCENES.find((s) => s.key === params.get('scene')) ?? WALL_SCENES[0]!;
  const scale = useWallScale();
  const wall = useWall(org);
  // the charts draw as many pixels as the screen shows, not the 1920 × 1080 design's
  const pixelRatio = Math.max(1, Math.ceil(scale.scale * window.devicePixelRatio));
  const { overview, live } = wall;

  const panels = useMemo(() => {
    // a panel of the measures waits for them under its own title; the map and the ticker come first
    const measured = (title: MessageKey, show: (o: DashboardOverview) => ReactNode) => () =>
      overview ? (
        show(overview)
      ) : (
        <WallPanel title={t(title)}>
          <div style={{ height: '100%', display: 'grid', placeItems: 'center' }}>
            {wall.failed ? t('dashboard.loadFailed') : <Spin />}
          </div>
        </WallPanel>
      );
    return {
      map: () => (
        <CityMapPanel rootOrg={org} points={live?.points ?? []} fresh={wall.fresh} pixelRatio={pixelRatio} />
      ),
      counts: measured('dashboard.panel.counts', (o) => <CountsPanel overview={o} />),
      rates: measured('dashboard.panel.rates', (o) => <RatesPanel overview={o} />),
      ticker: () => <TickerPanel ticker={live?.ticker ?? []} fresh={wall.fresh} />,
      hotCategories: measured('dashboard.panel.hotCategories', (o) => <HotCategoriesPanel overview={o} />),
      hotWords: measured('dashboard.panel.hotWords', (o) => <HotWordsPanel overview={o} />),
      warnings: measured('dashboard.panel.warnings', (o) => <WarningsPanel overview={o} />),
      unitAlerts: measured('dashboard.panel.unitAlerts', (o) => <UnitAlertsPanel overview={o} />),
      ranking: measured('dashboard.panel.ranking', (o) => <RankingPanel overview={o} />),
      petitionRisks: measured('dashboard.panel.petitionRisks', (o) => <PetitionRisksPanel overview={o} />),
    } satisfies Record<WallPanelKey, () => ReactNode>;
  }, [overview, live, wall.fresh, wall.failed, pixelRatio, org, t]);

  return (
    <WallFrame scale={scale}>
      <WallHeader
        scenes={WALL_SCENES}
        scene={scene}
        status={wall.status}
        onScene={(key) =>
          setParams((p) => {
            p.set('scene', key);
            return p;
          })
        }
      />
      <main
        style={{
          position: 'absolute',
          left: 20,
          right: 20,
          top: 100,
          bottom: 20,
          display: 'grid',
          gridTemplateColumns: 'repeat(12, 1fr)',
          gridTemplateRows: 'repeat(6, 1fr)',
          gap: 14,
        }}
      >
        {scene.panels.map(({ panel, area }) => (
          <div
            key={`${scene.key}-${panel}-${area}`}
            style={{ gridArea: area, display: 'flex', minHeight: 0, minWidth: 0 }}
          >
            {panels[panel]()}
          </div>
        ))}
      </main>
    </WallFrame>
  );
}
