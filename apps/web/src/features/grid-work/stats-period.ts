import dayjs, { type Dayjs } from 'dayjs';
import { periodPresets } from '../measures/period-presets.js';

/**
 * The periods the grid's numbers offer: those of the measures (本月, 上月, 本季度, 本年) and 近一年, the 365 days
 * up to today — a year of grid work, whatever the calendar year.
 */
export function statsPresets(today: Dayjs = dayjs()): { key: string; range: [Dayjs, Dayjs] }[] {
  return [...periodPresets(today), { key: 'lastYear', range: [today.subtract(364, 'day'), today] }];
}
