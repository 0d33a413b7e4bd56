import dayjs, { type Dayjs } from 'dayjs';
import type { Period } from './api/measures.api.js';

/** The period presets of the measures: 本月 / 上月 / 本季度 / 本年 (up to today). */
export function periodPresets(today: Dayjs = dayjs()): { key: string; range: [Dayjs, Dayjs] }[] {
  const quarterStart = today.month(Math.floor(today.month() / 3) * 3).startOf('month');
  const lastMonth = today.subtract(1, 'month');
  return [
    { key: 'thisMonth', range: [today.startOf('month'), today] },
    { key: 'lastMonth', range: [lastMonth.startOf('month'), lastMonth.endOf('month')] },
    { key: 'thisQuarter', range: [quarterStart, today] },
    { key: 'thisYear', range: [today.startOf('year'), today] },
  ];
}

/** A picked range as the API's period. */
export function periodOf([from, to]: [Dayjs, Dayjs]): Period {
  return { from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') };
}

/** `94.3%`, or `—` when there is nothing to divide by. */
export function percent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits)}%`;
}

/** A numerator as counted (integers stay integers; 满意率 points keep one decimal). */
export function amount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
