import { CASE_STATE_LABELS, type DashboardCase } from '@shanzhi/shared';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { LIGHT_COLOURS, WALL } from '../wall-theme.js';
import { WallPanel } from './WallPanel.js';

const timeOf = (iso: string) =>
  new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });

/** One case of a list on the wall: light, time, place, category and its (masked) title. */
export function WallCaseRow({
  item,
  fresh,
  compact = false,
}: {
  item: DashboardCase;
  fresh: boolean;
  compact?: boolean;
}) {
  return (
    <li
      data-testid="wall-case"
      data-number={item.number}
      style={{
        display: 'grid',
        gridTemplateColumns: compact ? '14px 56px 1fr 72px' : '14px 56px 150px 1fr 88px',
        alignItems: 'center',
        gap: 10,
        height: 38,
        width: '100%',
        boxSizing: 'border-box',
        flexShrink: 0,
        padding: '0 10px',
        fontSize: 16,
        borderBottom: '1px dashed rgba(56, 182, 255, 0.18)',
        background: fresh ? 'linear-gradient(90deg, rgba(62, 230, 255, 0.28), transparent)' : undefined,
        animation: fresh ? 'wall-flash 1.6s ease-in-out 3' : undefined,
      }}
    >
      <span
        style={{
          width: 10,
          height: 10,
          borderRadius: '50%',
          background: LIGHT_COLOURS[item.light],
          boxShadow: `0 0 8px ${LIGHT_COLOURS[item.light]}`,
        }}
      />
      <span style={{ fontFamily: WALL.numerals, color: WALL.cyan }}>{timeOf(item.createdAt)}</span>
      {!compact && (
        <span
          style={{ color: WALL.muted, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
        >
          {[item.placeName, item.categoryName].filter(Boolean).join(' · ') || '—'}
        </span>
      )}
      <span
        style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
        title={item.number}
      >
        {item.title}
      </span>
      <span style={{ color: WALL.muted, textAlign: 'right', whiteSpace: 'nowrap' }}>
        {CASE_STATE_LABELS[item.state]}
      </span>
    </li>
  );
}

/** 实时工单: the latest cases, newest first, a new one flashing as it arrives. */
export function TickerPanel({
  ticker,
  fresh,
}: {
  ticker: readonly DashboardCase[];
  fresh: ReadonlySet<number>;
}) {
  const { t } = useI18n();
  return (
    <WallPanel title={t('dashboard.panel.ticker')} testId="wall-ticker">
      {/* rows wrap into a second column past the panel's foot, which is clipped: no row shows cut in half */}
      <ul
        style={{
          listStyle: 'none',
          margin: 0,
          padding: 0,
          height: '100%',
          overflow: 'hidden',
          display: 'flex',
          flexDirection: 'column',
          flexWrap: 'wrap',
          alignContent: 'flex-start',
        }}
      >
        {ticker.map((item) => (
          <WallCaseRow key={item.id} item={item} fresh={fresh.has(item.id)} />
        ))}
        {ticker.length === 0 && <li style={{ color: WALL.muted }}>{t('dashboard.none')}</li>}
      </ul>
    </WallPanel>
  );
}
