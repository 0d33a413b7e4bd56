import type { DashboardOverview } from '@shanzhi/shared';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { WALL } from '../wall-theme.js';
import { WallPanel } from './WallPanel.js';

function Bars({ items, colour }: { items: { name: string; count: number }[]; colour: string }) {
  const { t } = useI18n();
  const max = Math.max(1, ...items.map((i) => i.count));
  if (items.length === 0) return <div style={{ color: WALL.muted }}>{t('dashboard.none')}</div>;
  return (
    <ol
      style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 9 }}
    >
      {items.map((item, i) => (
        <li
          key={item.name}
          style={{ display: 'grid', gridTemplateColumns: '18px 1fr auto', columnGap: 6, rowGap: 3 }}
        >
          <span
            style={{ fontFamily: WALL.numerals, fontWeight: 700, color: i < 3 ? WALL.amber : WALL.muted }}
          >
            {i + 1}
          </span>
          <span style={{ fontSize: 15, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {item.name}
          </span>
          <span style={{ fontFamily: WALL.numerals, color: colour, fontSize: 16 }}>{item.count}</span>
          <span
            style={{
              gridColumn: '2 / 4',
              height: 6,
              background: 'rgba(143, 179, 217, 0.14)',
              borderRadius: 3,
            }}
          >
            <span
              style={{
                display: 'block',
                height: '100%',
                width: `${(item.count / max) * 100}%`,
                borderRadius: 3,
                background: `linear-gradient(90deg, ${WALL.blue}, ${colour})`,
                boxShadow: `0 0 6px ${colour}`,
              }}
            />
          </span>
        </li>
      ))}
    </ol>
  );
}

/** 热点诉求: the categories most cases fell in over the last 24 h, and over the last 7 days. */
export function HotCategoriesPanel({ overview }: { overview: DashboardOverview }) {
  const { t } = useI18n();
  const { last24h, last7d } = overview.hotCategories;
  return (
    <WallPanel title={t('dashboard.panel.hotCategories')} testId="wall-hot-categories">
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: '1fr 1fr',
          gap: 18,
          height: '100%',
          overflow: 'hidden',
        }}
      >
        <div style={{ minWidth: 0 }}>
          <div style={{ color: WALL.muted, marginBottom: 8 }}>{t('dashboard.last24h')}</div>
          <Bars items={last24h.slice(0, 5)} colour={WALL.cyan} />
        </div>
        <div style={{ minWidth: 0 }}>
          <div style={{ color: WALL.muted, marginBottom: 8 }}>{t('dashboard.last7d')}</div>
          <Bars items={last7d.slice(0, 5)} colour={WALL.amber} />
        </div>
      </div>
    </WallPanel>
  );
}

/** 热词: the words most cases of the last 24 h (larger, brighter) and 7 days share. */
export function HotWordsPanel({ overview }: { overview: DashboardOverview }) {
  const { t } = useI18n();
  const { last24h, last7d } = overview.hotWords;
  const words = last24h.length > 0 ? last24h : last7d;
  const max = Math.max(1, ...words.map((w) => w.count));
  return (
    <WallPanel
      title={t('dashboard.panel.hotWords')}
      testId="wall-hot-words"
      extra={
        <span style={{ color: WALL.muted, fontSize: 14 }}>
          {last24h.length > 0 ? t('dashboard.last24h') : t('dashboard.last7d')}
        </span>
      }
    >
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: '6px 10px',
          alignContent: 'flex-start',
          overflow: 'hidden',
          height: '100%',
        }}
      >
        {words.map((w, i) => {
          const weight = w.count / max;
          return (
            <span
              key={w.word}
              title={String(w.count)}
              style={{
                fontSize: 15 + Math.round(weight * 9),
                padding: '1px 10px',
                borderRadius: 14,
                color: i < 3 ? '#fff' : WALL.text,
                border: `1px solid rgba(62, 230, 255, ${0.25 + weight * 0.5})`,
                background: `rgba(47, 140, 255, ${0.08 + weight * 0.3})`,
              }}
            >
              {w.word}
            </span>
          );
        })}
        {words.length === 0 && <span style={{ color: WALL.muted }}>{t('dashboard.none')}</span>}
      </div>
    </WallPanel>
  );
}
