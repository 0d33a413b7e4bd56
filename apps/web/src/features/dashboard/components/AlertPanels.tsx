import type { DashboardOverview } from '@shanzhi/shared';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { WALL } from '../wall-theme.js';
import { WallPanel } from './WallPanel.js';

/** The colours of a flag: its chip, its row's border and fill. */
interface FlagTone {
  color: string;
  border: string;
  fill: string;
}

const SURGE: FlagTone = {
  color: WALL.red,
  border: 'rgba(255, 92, 92, 0.55)',
  fill: 'rgba(255, 92, 92, 0.12)',
};
const AMBER: FlagTone = {
  color: WALL.amber,
  border: 'rgba(255, 197, 61, 0.55)',
  fill: 'rgba(255, 197, 61, 0.1)',
};

/** The count of a flag list in its panel's title bar: red while there is any, green without. */
function FlagCount({ count }: { count: number }) {
  return (
    <span style={{ fontFamily: WALL.numerals, fontSize: 22, color: count ? WALL.red : WALL.green }}>
      {count}
    </span>
  );
}

/** One flagged thing of a list: its kind on a coloured chip, what it is, and where. */
function FlagRow({
  tone,
  label,
  text,
  place,
  testId,
}: {
  tone: FlagTone;
  label: string;
  text: string;
  place: string | null;
  testId?: string;
}) {
  return (
    <li
      data-testid={testId}
      style={{
        display: 'flex',
        gap: 10,
        alignItems: 'center',
        padding: '6px 10px',
        border: `1px solid ${tone.border}`,
        background: tone.fill,
      }}
    >
      <span
        style={{
          flex: 'none',
          fontSize: 14,
          padding: '0 6px',
          color: '#061a3a',
          background: tone.color,
          fontWeight: 600,
        }}
      >
        {label}
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
        {text}
      </span>
      <span style={{ flex: 'none', color: WALL.muted, fontSize: 14 }}>{place}</span>
    </li>
  );
}

/** A flag list's all-clear: a green light and what it means. */
function AllClear({ text }: { text: string }) {
  return (
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
      {text}
    </li>
  );
}

const FLAG_LIST = {
  listStyle: 'none',
  margin: 0,
  padding: 0,
  display: 'flex',
  flexDirection: 'column',
  gap: 8,
  overflow: 'hidden',
  height: '100%',
} as const;

/** 苗头预警: the open surges and emerging topics, the most recently seen first. */
export function WarningsPanel({ overview }: { overview: DashboardOverview }) {
  const { t } = useI18n();
  return (
    <WallPanel
      title={t('dashboard.panel.warnings')}
      testId="wall-warnings"
      extra={<FlagCount count={overview.warnings.length} />}
    >
      <ul style={FLAG_LIST}>
        {overview.warnings.map((w) => (
          <FlagRow
            key={w.id}
            tone={w.kind === 'surge' ? SURGE : AMBER}
            label={w.kindLabel}
            text={w.title}
            place={w.orgName}
          />
        ))}
        {overview.warnings.length === 0 && <AllClear text={t('dashboard.noWarnings')} />}
      </ul>
    </WallPanel>
  );
}

/**
 * 信访风险预警: the petitions flagged for a risk of escalation (民转刑 in red, 极端事件苗头 in amber), the latest
 * first, the petitioner and matter as masked for the viewer; a viewer who may not read petitions is told so.
 */
export function PetitionRisksPanel({ overview }: { overview: DashboardOverview }) {
  const { t } = useI18n();
  const risks = overview.petitionRisks;
  return (
    <WallPanel
      title={t('dashboard.panel.petitionRisks')}
      testId="wall-petition-risks"
      extra={risks && <FlagCount count={risks.total} />}
    >
      <ul style={FLAG_LIST}>
        {risks?.items.map((p) => (
          <FlagRow
            key={p.id}
            testId="wall-petition-risk"
            tone={p.riskKind === 'civil_to_criminal' ? SURGE : AMBER}
            label={p.riskKindLabel}
            text={`${p.number} ${p.petitioner}：${p.matter}`}
            place={p.orgName}
          />
        ))}
        {risks?.items.length === 0 && <AllClear text={t('dashboard.noPetitionRisks')} />}
        {!risks && <li style={{ color: WALL.muted }}>{t('dashboard.petitionRisksHidden')}</li>}
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
