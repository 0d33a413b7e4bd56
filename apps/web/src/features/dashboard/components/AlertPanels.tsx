import type { DashboardOverview } from '@shanzhi/shared';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { WALL } from '../wall-theme.js';
import { WallPanel } from './WallPanel.js';

/** 苗头预警: the open surges and emerging topics, the most recently seen first. */
export function WarningsPanel({ overview }: { overview: DashboardOverview }) {
  const { t } = useI18n();
  return (
    <WallPanel
      title={t('dashboard.panel.warnings')}
      testId="wall-warnings"
      extra={
        <span
          style={{
            fontFamily: WALL.numerals,
            fontSize: 22,
            color: overview.warnings.length ? WALL.red : WALL.green,
          }}
        >
          {overview.warnings.length}
        </span>
      }
    >
      <ul
        style={{
          listStyle: 'none',
          margin: 0,
          padding: 0,
          display: 'flex',
          flexDirection: 'column',
          gap: 8,
          overflow: 'hidden',
          height: '100%',
        }}
      >
        {overview.warnings.map((w) => (
          <li
            key={w.id}
            style={{
              display: 'flex',
              gap: 10,
              alignItems: 'center',
              padding: '6px 10px',
              border: `1px solid ${w.kind === 'surge' ? 'rgba(255, 92, 92, 0.55)' : 'rgba(255, 197, 61, 0.55)'}`,
              background: w.kind === 'surge' ? 'rgba(255, 92, 92, 0.12)' : 'rgba(255, 197, 61, 0.1)',
            }}
          >
            <span
              style={{
                flex: 'none',
                fontSize: 14,
                padding: '0 6px',
                color: '#061a3a',
                background: w.kind === 'surge' ? WALL.red : WALL.amber,
                fontWeight: 600,
              }}
            >
              {w.kindLabel}
            </span>
            <span
              style={{
                flex: 1,
                minWidth: 0,
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                whiteSpace: 'nowrap',
                fontSize: 16,
              }}
            >
              {w.title}
            </span>
            <span style={{ flex: 'none', color: WALL.muted, fontSize: 14 }}>{w.orgName}</span>
          </li>
        ))}
        {overview.warnings.length === 0 && (
          <li style={{ color: WALL.green, display: 'flex', alignItems: 'center', gap: 8, fontSize: 17 }}>
            <span
              style={{
                width: 10,
                height: 10,
                borderRadius: '50%',
                background: WALL.green,
                boxShadow: `0 0 8px ${WALL.green}`,
              }}
            />
            {t('dashboard.noWarnings')}
          </li>
        )}
      </ul>
    </WallPanel>
  );
}

/** 超期与红灯: units with overdue cases this month or open red-light cases now. */
export function UnitAlertsPanel({ overview }: { overview: DashboardOverview }) {
  const { t } = useI18n();
  const max = Math.max(1, ...overview.unitAlerts.map((u) => u.overdue + u.red));
  return (
    <WallPanel
      title={t('dashboard.panel.unitAlerts')}
      testId="wall-unit-alerts"
      extra={
        <span style={{ display: 'flex', gap: 12, fontSize: 14, color: WALL.muted }}>
          <span>
            <span style={{ color: WALL.amber }}>■</span> {t('dashboard.overdue')}
          </span>
          <span>
            <span style={{ color: WALL.red }}>■</span> {t('dashboard.red')}
          </span>
        </span>
      }
    >
      <ol
        style={{
          listStyle: 'none',
          margin: 0,
          padding: 0,
          display: 'flex',
          flexDirection: 'column',
          gap: 9,
          overflow: 'hidden',
          height: '100%',
        }}
      >
        {overview.unitAlerts.slice(0, 7).map((u) => (
          <li
            key={u.org.id}
            style={{ display: 'grid', gridTemplateColumns: '170px 1fr 74px', gap: 10, alignItems: 'center' }}
          >
            <span
              style={{ fontSize: 15, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
              title={u.org.name}
            >
              {u.org.name.replace(/^乌海市/, '')}
            </span>
            <span style={{ display: 'flex', height: 12, background: 'rgba(143, 179, 217, 0.12)' }}>
              <span style={{ width: `${(u.overdue / max) * 100}%`, background: WALL.amber }} />
              <span
                style={{
                  width: `${(u.red / max) * 100}%`,
                  background: WALL.red,
                  boxShadow: `0 0 8px ${WALL.red}`,
                }}
              />
            </span>
            <span style={{ fontFamily: WALL.numerals, textAlign: 'right', fontSize: 16 }}>
              <span style={{ color: WALL.amber }}>{u.overdue}</span>
              <span style={{ color: WALL.muted }}> / </span>
              <span style={{ color: WALL.red }}>{u.red}</span>
            </span>
          </li>
        ))}
        {overview.unitAlerts.length === 0 && <li style={{ color: WALL.muted }}>{t('dashboard.none')}</li>}
      </ol>
    </WallPanel>
  );
}
