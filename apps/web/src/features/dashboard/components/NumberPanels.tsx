import type { DashboardOverview } from '@shanzhi/shared';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { WALL } from '../wall-theme.js';
import { Change, WallPanel } from './WallPanel.js';

function BigCount({ label, value, change }: { label: string; value: number; change: ReactNode }) {
  return (
    <div style={{ flex: 1, display: 'flex', flexDirection: 'column', justifyContent: 'center', gap: 4 }}>
      <span style={{ color: WALL.muted, fontSize: 16, letterSpacing: 1 }}>{label}</span>
      <span
        style={{
          fontFamily: WALL.numerals,
          fontSize: 46,
          lineHeight: 1.05,
          fontWeight: 700,
          color: WALL.cyan,
          textShadow: `0 0 14px rgba(62, 230, 255, 0.6)`,
        }}
      >
        {value.toLocaleString('zh-CN')}
      </span>
      {change}
    </div>
  );
}

/** 今日受理 and 本月受理 against yesterday and the same days of last month. */
export function CountsPanel({ overview }: { overview: DashboardOverview }) {
  const { t } = useI18n();
  return (
    <WallPanel title={t('dashboard.panel.counts')} testId="wall-counts">
      <div style={{ display: 'flex', height: '100%', gap: 16 }}>
        <BigCount
          label={t('dashboard.today')}
          value={overview.today.value}
          change={
            <Change
              label={t('dashboard.vsYesterday')}
              value={overview.today.value}
              previous={overview.today.previous}
              higherIsBetter={false}
            />
          }
        />
        <div style={{ width: 1, background: WALL.border }} />
        <BigCount
          label={t('dashboard.month')}
          value={overview.month.value}
          change={
            <Change
              label={t('dashboard.vsLastMonth')}
              value={overview.month.value}
              previous={overview.month.previous}
              higherIsBetter={false}
            />
          }
        />
      </div>
    </WallPanel>
  );
}

const RING_COLOURS = [WALL.cyan, WALL.blue, WALL.green, WALL.amber];

/** 响应率, 解决率, 满意率 and the composite score as glowing rings, each against the same days of last month. */
export function RatesPanel({ overview }: { overview: DashboardOverview }) {
  const { t } = useI18n();
  return (
    <WallPanel
      title={t('dashboard.panel.rates')}
      testId="wall-rates"
      extra={<span style={{ color: WALL.muted, fontSize: 14 }}>{t('dashboard.vsLastMonth')}</span>}
    >
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: '1fr 1fr',
          gridTemplateRows: '1fr 1fr',
          height: '100%',
          gap: 10,
        }}
      >
        {overview.rates.map((rate, i) => {
          const colour = RING_COLOURS[i % RING_COLOURS.length]!;
          const pct = rate.value === null ? null : rate.value * 100;
          return (
            <div key={rate.key} style={{ display: 'flex', alignItems: 'center', gap: 14, minWidth: 0 }}>
              <div
                style={{
                  flex: 'none',
                  width: 96,
                  height: 96,
                  borderRadius: '50%',
                  display: 'grid',
                  placeItems: 'center',
                  background: `conic-gradient(${colour} ${(pct ?? 0) * 3.6}deg, rgba(143, 179, 217, 0.16) 0)`,
                  boxShadow: `0 0 16px ${colour}55`,
                }}
              >
                <div
                  style={{
                    width: 78,
                    height: 78,
                    borderRadius: '50%',
                    background: '#061a3a',
                    display: 'grid',
                    placeItems: 'center',
                    fontFamily: WALL.numerals,
                    fontSize: 24,
                    fontWeight: 700,
                    color: '#fff',
                  }}
                >
                  <span>
                    {pct === null ? '—' : pct.toFixed(1)}
                    {pct !== null && <span style={{ fontSize: 13, color: WALL.muted }}>%</span>}
                  </span>
                </div>
              </div>
              <div style={{ display: 'flex', flexDirection: 'column', gap: 6, minWidth: 0 }}>
                <span style={{ fontSize: 18, fontWeight: 600, color: colour }}>{rate.label}</span>
                <Change label="" value={rate.value} previous={rate.previous} asPoints />
              </div>
            </div>
          );
        })}
      </div>
    </WallPanel>
  );
}
