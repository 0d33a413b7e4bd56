const OFFSET_MS = 8 * 3_600_000;
/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** The Beijing calendar day of an instant: `YYYY-MM-DD` and the instants it starts and ends. */
export interface BeijingDay {
  day: string;
  start: Date;
  end: Date;
}

/** The Beijing day holding `at`, moved by `offsetDays` (−1 = the day before). */
export function beijingDayOf(at: Date, offsetDays = 0): BeijingDay {
  const dayNumber = Math.floor((at.getTime() + OFFSET_MS) / DAY_MS) + offsetDays;
  const start = dayNumber * DAY_MS - OFFSET_MS;
  return {
    day: new Date(dayNumber * DAY_MS).toISOString().slice(0, 10),
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
