import fs from 'node:fs';
import { HolidayCnYear } from '@shanzhi/shared';

/** The holiday-cn files vendored in `packages/shared/data/holidays` (MIT, see the licence beside them). */
const SHIPPED_DIR = new URL('../../../../../packages/shared/data/holidays/', import.meta.url);

/** Every shipped year, parsed and validated. */
export function loadShippedHolidayYears(): HolidayCnYear[] {
  return fs
    .readdirSync(SHIPPED_DIR)
    .filter((name) => /^\d{4}\.json$/.test(name))
    .sort()
    .map((name) => HolidayCnYear.parse(JSON.parse(fs.readFileSync(new URL(name, SHIPPED_DIR), 'utf8'))));
}
