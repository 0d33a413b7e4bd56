import { beijingMidnightOfDate, DAY_MS, type TrendBucket, toBeijingDate } from '@shanzhi/shared';
import { fieldError } from '../../platform/errors/app-error.js';

/** A period of assessment: Beijing days `fromDate` … `toDate` (both inclusive) as the instants [from, to). */
export interface KpiPeriod {
  /** first day, `YYYY-MM-DD` (Beijing) */
  fromDate: string;
  /** last day, inclusive */
  toDate: string;
  /** Beijing midnight starting `fromDate` */
  from: Date;
  /** Beijing midnight after `toDate` (exclusive end) */
  to: Date;
}

/** Longest period a report covers (about three years). */
export const MAX_PERIOD_DAYS = 1_100;
/** Most buckets one trend answers. */
export const MAX_TREND_BUCKETS = 400;

/**
 * The period of a query. Defaults: from the first of the current Beijing month to today. Refuses an
 * inverted period or one longer than `MAX_PERIOD_DAYS` with 400 and the failing field.
 */
export function periodOf(query: { from?: string; to?: string }, now: Date): KpiPeriod {
  const today = toBeijingDate(now);
  const fromDate = query.from ?? `${today.slice(0, 8)}01`;
  const toDate = query.to ?? (query.from && query.from > today ? query.from : today);
  const from = beijingMidnightOfDate(fromDate);
  const to = new Date(beijingMidnightOfDate(toDate).getTime() + DAY_MS);
  if (to.getTime() <= from.getTime()) throw fieldError('to', 'before_from', '结束日期不能早于开始日期');
  if ((to.getTime() - from.getTime()) / DAY_MS > MAX_PERIOD_DAYS) {
    throw fieldError('from', 'too_long', `统计周期不能超过 ${MAX_PERIOD_DAYS} 天`);
  }
  return { fromDate, toDate, from, to };
}

function nextBoundary(date: string, bucket: TrendBucket): string {
  const day = new Date(`${date}T00:00:00Z`);
  if (bucket === 'day') return new Date(day.getTime() + DAY_MS).toISOString().slice(0, 10);
  if (bucket === 'week') {
    // to the next Monday: getUTCDay() is 0 on Sunday
    const toMonday = ((8 - day.getUTCDay()) % 7 || 7) * DAY_MS;
    return new Date(day.getTime() + toMonday).toISOString().slice(0, 10);
  }
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

/** One bucket of a trend: its first Beijing day and the instants [from, to). */
export interface TrendSlot {
  /** the bucket's first day in the period (`YYYY-MM-DD`) */
  start: string;
  from: Date;
  to: Date;
}

/**
 * The buckets covering a period, clamped to it (a week that starts before `from` starts at `from`).
 * Refuses more than `MAX_TREND_BUCKETS` with 400.
 */
export function trendSlots(period: KpiPeriod, bucket: TrendBucket): TrendSlot[] {
  const slots: TrendSlot[] = [];
  const end = toBeijingDate(new Date(period.to.getTime() - 1));
  for (let start = period.fromDate; start <= end; start = nextBoundary(start, bucket)) {
    if (slots.length === MAX_TREND_BUCKETS) {
      throw fieldError(
        'bucket',
        'too_many',
        `分段过多（超过 ${MAX_TREND_BUCKETS} 段），请缩短周期或加大分段`,
      );
    }
    const next = nextBoundary(start, bucket);
    const to = next > end ? period.to : beijingMidnightOfDate(next);
    slots.push({ start, from: beijingMidnightOfDate(start), to });
  }
  return slots;
}
