import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { LiveStatus } from '../../notifications/hooks/use-live-stream.js';
import type { WallScene } from '../scenes.js';
import { WALL, WALL_WIDTH } from '../wall-theme.js';

function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** The wall's title bar: the clock, the title, the scenes and whether the wall is live. */
export function WallHeader({
  scenes,
  scene,
  onScene,
  status,
}: {
  scenes: readonly WallScene[];
  scene: WallScene;
  onScene: (key: string) => void;
  status: LiveStatus;
}) {
  const { t } = useI18n();
  const now = useClock();
  const live = status === 'live';
  const half = Math.ceil(scenes.length / 2);
  const tab = (s: WallScene) => (
    <button
      key={s.key}
      type="button"
      aria-pressed={s.key === scene.key}
      onClick={() => onScene(s.key)}
      style={{
        minWidth: 150,
        height: 40,
        fontSize: 18,
        letterSpacing: 2,
        cursor: 'pointer',
        color: s.key === scene.key ? '#fff' : WALL.muted,
        background:
          s.key === scene.key
            ? 'linear-gradient(180deg, rgba(47, 140, 255, 0.1), rgba(47, 140, 255, 0.55))'
            : 'rgba(8, 38, 84, 0.5)',
        border: `1px solid ${s.key === scene.key ? WALL.cyan : WALL.border}`,
        boxShadow: s.key === scene.key ? `0 0 14px rgba(62, 230, 255, 0.45)` : undefined,
        transform: 'skewX(-18deg)',
      }}
    >
      <span style={{ display: 'inline-block', transform: 'skewX(18deg)' }}>{t(s.labelKey)}</span>
    </button>
  );
  return (
    <header style={{ position: 'absolute', left: 0, top: 0, width: WALL_WIDTH, height: 96 }}>
      <svg width={WALL_WIDTH} height={96} style={{ position: 'absolute', inset: 0 }} aria-hidden="true">
        <defs>
          <linearGradient id="wall-head" x1="0" x2="0" y1="0" y2="1">
            <stop offset="0" stopColor="#0d3a7a" stopOpacity="0.9" />
            <stop offset="1" stopColor="#020b1f" stopOpacity="0" />
          </linearGradient>
        </defs>
        <path d="M0 0 H1920 V52 H1380 L1340 84 H580 L540 52 H0 Z" fill="url(#wall-head)" />
        <path
          d="M0 52 H540 L580 84 H1340 L1380 52 H1920"
          fill="none"
          stroke={WALL.cyan}
          strokeWidth="2"
          opacity="0.8"
        />
      </svg>
      <h1
        style={{
          position: 'absolute',
          left: 580,
          width: 760,
          top: 6,
          margin: 0,
          textAlign: 'center',
          fontSize: 40,
          fontWeight: 700,
          letterSpacing: 8,
          color: '#fff',
          textShadow: `0 0 12px ${WALL.cyan}, 0 0 28px ${WALL.blue}`,
        }}
      >
        {t('dashboard.title')}
      </h1>
      <div
        style={{
          position: 'absolute',
          left: 600,
          width: 720,
          top: 60,
          textAlign: 'center',
          color: WALL.muted,
          fontSize: 16,
          letterSpacing: 6,
        }}
      >
        {t('dashboard.subtitle')}
      </div>
      <nav aria-label="scenes" style={{ position: 'absolute', left: 24, top: 6, display: 'flex', gap: 12 }}>
        {scenes.slice(0, half).map(tab)}
      </nav>
      <nav
        aria-label="more scenes"
        style={{ position: 'absolute', right: 24, top: 6, display: 'flex', gap: 12 }}
      >
        {scenes.slice(half).map(tab)}
      </nav>
      <div
        style={{
          position: 'absolute',
          left: 24,
          top: 58,
          fontFamily: WALL.numerals,
          fontSize: 20,
          color: WALL.cyan,
        }}
      >
        {now.toLocaleDateString('zh-CN', {
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          weekday: 'short',
        })}{' '}
        {now.toLocaleTimeString('zh-CN', { hour12: false })}
      </div>
      <div
        data-testid="wall-status"
        data-status={status}
        style={{
          position: 'absolute',
          right: 24,
          top: 60,
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          fontSize: 16,
          color: live ? WALL.green : WALL.amber,
        }}
      >
        <span
          style={{
            width: 10,
            height: 10,
            borderRadius: '50%',
            background: live ? WALL.green : WALL.amber,
            boxShadow: `0 0 10px ${live ? WALL.green : WALL.amber}`,
          }}
        />
        {live ? t('dashboard.live') : t('dashboard.offline')}
      </div>
    </header>
  );
}
