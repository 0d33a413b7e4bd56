import type { AppContext } from '../../platform/context.js';
import { listCalendarYears } from './calendar.repository.js';
import { importCalendarYear } from './calendar.service.js';
import { loadShippedHolidayYears } from './shipped-holidays.js';

/** Imports every shipped holiday year the database does not have yet (never overwrites an imported year). */
export async function importMissingShippedYears(ctx: AppContext): Promise<number[]> {
  const loaded = new Set((await listCalendarYears(ctx.db)).map((y) => y.year));
  const missing = loadShippedHolidayYears().filter((file) => !loaded.has(file.year));
  for (const file of missing) await importCalendarYear(ctx, file, 'shipped');
  return missing.map((f) => f.year);
}
