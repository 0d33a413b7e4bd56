import type { Dayjs } from 'dayjs';

/** A period of registration as the stats API takes it: instants, `to` excluded. */
export interface StatsPeriod {
  key: string;
  from: string;
  to: string;
}

/** The whole picked range, from the start of its first day to the end of its last. */
export function rangePeriod([from, to]: [Dayjs, Dayjs]): StatsPeriod {
  return {
    key: 'all',
    from: from.startOf('day').toISOString(),
    to: to.add(1, 'day').startOf('day').toISOString(),
  };
}

/** The calendar months the picked range spans (`2026-03` …), each cut to the range. */
export function monthsOf([from, to]: [Dayjs, Dayjs]): StatsPeriod[] {
  const end = to.add(1, 'day').startOf('day');
  const months: StatsPeriod[] = [];
  for (let month = from.startOf('month'); month.isBefore(end); month = month.add(1, 'month')) {
    const start = month.isBefore(from) ? from.startOf('day') : month;
    const next = month.add(1, 'month');
    months.push({
      key: month.format('YYYY-MM'),
      from: start.toISOString(),
      to: (next.isAfter(end) ? end : next).toISOString(),
    });
  }
  return months;
}
