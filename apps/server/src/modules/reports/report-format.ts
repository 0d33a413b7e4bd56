import { toBeijingDateTime } from '@shanzhi/shared';

/** A rate as people read it: `97.83%`, or `—` without a denominator. */
export function formatRate(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(2)}%`;
}

/** The change of a count against the period before: `+3（+37.5%）`, `-2（-20.0%）`, `0`, `+5（上期为 0）`. */
export function formatCountChange(count: number, previous: number): string {
  const diff = count - previous;
  if (diff === 0) return '0';
  const sign = diff > 0 ? '+' : '';
  if (previous === 0) return `${sign}${diff}（上期为 0）`;
  return `${sign}${diff}（${sign}${((diff / previous) * 100).toFixed(1)}%）`;
}

/** The change of a rate in percentage points: `+1.20 个百分点`, or `—` when either side has none. */
export function formatRateChange(value: number | null, previous: number | null): string {
  if (value === null || previous === null) return '—';
  const points = (value - previous) * 100;
  return `${points >= 0 ? '+' : ''}${points.toFixed(2)} 个百分点`;
}

/** An instant in Beijing time, minutes only (`2026-11-09 18:00`), or `—`. */
export function formatInstant(at: Date | null): string {
  return at === null ? '—' : toBeijingDateTime(at);
}
