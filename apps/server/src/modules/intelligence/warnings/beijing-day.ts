import { beijingMidnight, DAY_MS, formatDayNumber, toBeijingDayNumber } from '@shanzhi/shared';

export { DAY_MS };

/** The Beijing calendar day of an instant: `YYYY-MM-DD` and the instants it starts and ends. */
export interface BeijingDay {
  day: string;
  start: Date;
  end: Date;
}

/** The Beijing day holding `at`, moved by `offsetDays` (−1 = the day before). */
export function beijingDayOf(at: Date, offsetDays = 0): BeijingDay {
  const dayNumber = toBeijingDayNumber(at.getTime()) + offsetDays;
  const start = beijingMidnight(dayNumber);
  return {
    day: formatDayNumber(dayNumber),
    start: new Date(start),
    end: new Date(start + DAY_MS),
  };
}

/** 「今日」 for the day of `now`, else 「10月3日」. */
export function dayLabel(day: BeijingDay, now: Date): string {
  if (beijingDayOf(now).day === day.day) return '今日';
  const [, m, d] = day.day.split('-').map(Number);
  return `${m}月${d}日`;
}
