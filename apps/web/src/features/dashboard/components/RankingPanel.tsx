import type { DashboardOverview } from '@shanzhi/shared';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { WALL } from '../wall-theme.js';
import { WallPanel } from './WallPanel.js';

type RankItem = DashboardOverview['ranking']['units'][number];

function Ranking({ title, items }: { title: string; items: readonly RankItem[] }) {
  return (
    <div style={{ minWidth: 0 }}>
      <div style={{ color: WALL.muted, marginBottom: 6, fontSize: 15 }}>{title}</div>
      <ol
        style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 6 }}
      >
        {items.slice(0, 5).map((item, i) => (
          <li
            key={item.org.id}
            style={{ display: 'grid', gridTemplateColumns: '24px 1fr 52px', gap: 6, alignItems: 'center' }}
          >
            <span
              style={{
                fontFamily: WALL.numerals,
                fontWeight: 700,
                textAlign: 'center',
                color: i === 0 ? '#ffd666' : i < 3 ? WALL.cyan : WALL.muted,
              }}
            >
              {item.rank ?? '—'}
            </span>
            <span
              style={{ fontSize: 15, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
              title={item.org.name}
            >
              {item.org.name.replace(/^乌海市/, '')}
            </span>
            <span
              style={{
                fontFamily: WALL.numerals,
                textAlign: 'right',
                fontSize: 16,
                color: item.flagged ? WALL.red : WALL.green,
              }}
            >
              {item.score === null ? '—' : (item.score * 100).toFixed(1)}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** 考核排名: the units, and the districts (or towns), by composite score; under the 通报 line in red. */
export function RankingPanel({ overview }: { overview: DashboardOverview }) {
  const { t } = useI18n();
  return (
    <WallPanel title={t('dashboard.panel.ranking')} testId="wall-ranking">
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: '1fr 1fr',
          gap: 16,
          height: '100%',
          overflow: 'hidden',
        }}
      >
        <Ranking title={t('dashboard.areas')} items={overview.ranking.areas} />
        <Ranking title={t('dashboard.units')} items={overview.ranking.units} />
      </div>
    </WallPanel>
  );
}
