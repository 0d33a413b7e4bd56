import {
  dayNumberOfDate,
  formatDayNumber,
  isRealIsoDate,
  toBeijingDayNumber,
  weekdayOfDayNumber,
} from '../calendar/beijing-time.js';

/** The rhythm of the reports (DOMAIN.md §6): 每日汇总, 每周研判, 每月总结. */
export const REPORT_KINDS = ['daily', 'weekly', 'monthly'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Chinese name of each kind of report. */
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  daily: '每日汇总',
  weekly: '每周研判',
  monthly: '每月总结',
};

/** How a period of each kind is written: `YYYY-MM-DD`, ISO week `YYYY-Www`, `YYYY-MM`. */
export const REPORT_PERIOD_PATTERNS: Record<ReportKind, RegExp> = {
  daily: /^(20\d{2})-(\d{2})-(\d{2})$/,
  weekly: /^(20\d{2})-W(\d{2})$/,
  monthly: /^(20\d{2})-(\d{2})$/,
};

/** A report's period as Beijing days, both inclusive. */
export interface ReportDays {
  /** first day, `YYYY-MM-DD` */
  from: string;
  /** last day, inclusive */
  to: string;
}

/** Day number (days since 1970-01-01) of the Monday of ISO week 1 of `year`: the week holding 4 January. */
function isoWeekOneMonday(year: number): number {
  const jan4 = dayNumberOfDate(`${year}-01-04`);
  return jan4 - ((weekdayOfDayNumber(jan4) + 6) % 7);
}

/** How many ISO weeks `year` has (52 or 53). */
function isoWeeksIn(year: number): number {
  return (isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / 7;
}

/** The days of a period, or `null` when `period` is not a real period of that kind (`2026-W54`, `2026-13`). */
export function reportDaysOf(kind: ReportKind, period: string): ReportDays | null {
  const match = REPORT_PERIOD_PATTERNS[kind].exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  const n = Number(match[2]);
  if (kind === 'daily') return isRealIsoDate(period) ? { from: period, to: period } : null;
  if (kind === 'weekly') {
    if (n < 1 || n > isoWeeksIn(year)) return null;
    const monday = isoWeekOneMonday(year) + (n - 1) * 7;
    return { from: formatDayNumber(monday), to: formatDayNumber(monday + 6) };
  }
  if (n < 1 || n > 12) return null;
  const first = `${match[1]}-${match[2]}-01`;
  const next = n === 12 ? `${year + 1}-01-01` : `${year}-${String(n + 1).padStart(2, '0')}-01`;
  return { from: first, to: formatDayNumber(dayNumberOfDate(next) - 1) };
}

/** The period of `kind` that holds the Beijing day `date` (`YYYY-MM-DD`). */
export function reportPeriodOfDay(kind: ReportKind, date: string): string {
  if (kind === 'daily') return date;
  if (kind === 'monthly') return date.slice(0, 7);
  const day = dayNumberOfDate(date);
  const thursday = day - ((weekdayOfDayNumber(day) + 6) % 7) + 3;
  const year = Number(formatDayNumber(thursday).slice(0, 4));
  const week = (thursday - isoWeekOneMonday(year) - 3) / 7 + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The period before `period` (the day, ISO week or month before), for the change against it. */
export function previousReportPeriod(kind: ReportKind, period: string): string {
  const days = reportDaysOf(kind, period);
  if (!days) throw new Error(`not a ${kind} period: ${period}`);
  return reportPeriodOfDay(kind, formatDayNumber(dayNumberOfDate(days.from) - 1));
}

/** The last finished period of `kind` at `now`: yesterday, last week, last month (Beijing time). */
export function lastFinishedReportPeriod(kind: ReportKind, now: Date): string {
  const today = toBeijingDayNumber(now.getTime());
  return previousReportPeriod(kind, reportPeriodOfDay(kind, formatDayNumber(today)));
}

/** Whether the period has ended at `now` (its last Beijing day is over). */
export function hasReportPeriodEnded(days: ReportDays, now: Date): boolean {
  return dayNumberOfDate(days.to) < toBeijingDayNumber(now.getTime());
}

/** A Chinese name of the period for titles: 2026年11月, 2026年第45周（11月2日—11月8日）, 2026年11月2日. */
export function reportPeriodLabel(kind: ReportKind, period: string): string {
  const days = reportDaysOf(kind, period);
  if (!days) return period;
  const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  if (kind === 'daily') return `${days.from.slice(0, 4)}年${md(days.from)}`;
  if (kind === 'monthly') return `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;
  return `${period.slice(0, 4)}年第${Number(period.slice(6))}周（${md(days.from)}—${md(days.to)}）`;
}
