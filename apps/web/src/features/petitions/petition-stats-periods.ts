import type { Dayjs } from 'dayjs';

/** A period of registration as the stats API takes it: instants, `to` excluded. */
export interface StatsPeriod {
  from: string;
  to: string;
}

/** The whole picked range, from the start of its first day to the end of its last. */
export function rangePeriod([from, to]: [Dayjs, Dayjs]): StatsPeriod {
  return {
    from: from.startOf('day').toISOString(),
    to: to.add(1, 'day').startOf('day').toISOString(),
  };
}
