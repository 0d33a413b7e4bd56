import type { CSSProperties, ReactNode } from 'react';
import { WALL } from '../wall-theme.js';

/** A panel of the wall: a glowing frame with corner marks and a title bar. */
export function WallPanel({
  title,
  extra,
  children,
  style,
  testId,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
  style?: CSSProperties;
  testId?: string;
}) {
  const corner = (edges: CSSProperties): CSSProperties => ({
    position: 'absolute',
    width: 14,
    height: 14,
    borderColor: WALL.cyan,
    borderStyle: 'solid',
    borderWidth: 0,
    ...edges,
  });
  return (
    <section
      aria-label={title}
      data-testid={testId}
      style={{
        position: 'relative',
        flex: 1,
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        minWidth: 0,
        background: WALL.panel,
        border: `1px solid ${WALL.border}`,
        boxShadow: WALL.glow,
        ...style,
      }}
    >
      <span style={corner({ top: -1, left: -1, borderTopWidth: 2, borderLeftWidth: 2 })} />
      <span style={corner({ top: -1, right: -1, borderTopWidth: 2, borderRightWidth: 2 })} />
      <span style={corner({ bottom: -1, left: -1, borderBottomWidth: 2, borderLeftWidth: 2 })} />
      <span style={corner({ bottom: -1, right: -1, borderBottomWidth: 2, borderRightWidth: 2 })} />
      <header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          height: 40,
          flex: 'none',
          padding: '0 14px 0 12px',
          background:
            'linear-gradient(90deg, rgba(47, 140, 255, 0.45) 0%, rgba(47, 140, 255, 0.05) 70%, transparent 100%)',
          borderBottom: `1px solid ${WALL.border}`,
        }}
      >
        <h2
          style={{
            margin: 0,
            fontSize: 19,
            fontWeight: 600,
            letterSpacing: 2,
            color: '#fff',
            textShadow: `0 0 8px ${WALL.cyan}`,
            display: 'flex',
            alignItems: 'center',
            gap: 10,
          }}
        >
          <span style={{ width: 4, height: 18, background: WALL.cyan, boxShadow: `0 0 8px ${WALL.cyan}` }} />
          {title}
        </h2>
        {extra}
      </header>
      <div style={{ flex: 1, minHeight: 0, padding: 14, position: 'relative' }}>{children}</div>
    </section>
  );
}

/** A change against the period before: ▲/▼ and the per cent, green or red as good or bad. */
export function Change({
  value,
  previous,
  label,
  higherIsBetter = true,
  asPoints = false,
}: {
  value: number | null;
  previous: number | null;
  label: string;
  higherIsBetter?: boolean;
  /** a rate: the change in percentage points rather than a per cent of the previous */
  asPoints?: boolean;
}) {
  if (value === null || previous === null) {
    return <span style={{ color: WALL.muted, fontSize: 15 }}>{label} —</span>;
  }
  const delta = asPoints
    ? (value - previous) * 100
    : previous === 0
      ? null
      : ((value - previous) / previous) * 100;
  if (delta === null) return <span style={{ color: WALL.muted, fontSize: 15 }}>{label} —</span>;
  const up = delta > 0;
  const good = delta === 0 ? null : up === higherIsBetter;
  const colour = good === null ? WALL.muted : good ? WALL.green : WALL.red;
  return (
    <span style={{ color: WALL.muted, fontSize: 15, whiteSpace: 'nowrap' }}>
      {label}{' '}
      <span style={{ color: colour, fontFamily: WALL.numerals, fontWeight: 600 }}>
        {delta === 0 ? '—' : up ? '▲' : '▼'} {Math.abs(delta).toFixed(1)}
        {asPoints ? 'pt' : '%'}
      </span>
    </span>
  );
}
