import {
  addWorkingTime,
  buildWorkingCalendar,
  DEFAULT_OFFICE_HOURS,
  HolidayCnYear,
  OfficeHours,
  type TimeLimit,
  type WorkingCalendar,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { cachedLoader, invalidateCache } from '../../platform/realtime/cache-invalidation.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { readSetting, writeSetting } from '../settings/settings.repository.js';
import { listCalendarDays, replaceCalendarYear } from './calendar.repository.js';

const OFFICE_HOURS_KEY = 'calendar.office_hours';
// Every deadline reads the calendar; it changes once a year. Each process keeps it, dropped in every
// process when a year is imported or the office hours change.
const loadCalendar = cachedLoader('calendar', 10 * 60_000, async (ctx) => {
  const [days, officeHours] = await Promise.all([listCalendarDays(ctx.db), readOfficeHours(ctx)]);
  return buildWorkingCalendar({ days, officeHours });
});

/** Validates a holiday-cn file: 400 INVALID_CALENDAR naming every failing field. */
export function parseHolidayFile(input: unknown): HolidayCnYear {
  const result = HolidayCnYear.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((i) => ({
    field: i.path.join('.') || '(root)',
    code: i.code,
    message: i.message,
  }));
  throw new AppError('INVALID_CALENDAR', '节假日文件格式不正确', fields);
}

/** Imports (or re-imports) one year of holidays and make-up days. */
export async function importCalendarYear(
  ctx: AppContext,
  file: HolidayCnYear,
  source: string,
  actor?: Actor,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await replaceCalendarYear(tx, file, source, now);
    if (actor) {
      await recordActorAudit(tx, actor, now, {
        action: 'calendar.year_imported',
        targetType: 'calendar_year',
        targetId: file.year,
        detail: { days: file.days.length, source },
      });
    }
  });
  await invalidateCache(ctx, 'calendar');
}

/** The office hours in force (the default 08:30–12:00, 14:30–18:00 until changed). */
export async function readOfficeHours(ctx: AppContext): Promise<OfficeHours> {
  const stored = OfficeHours.safeParse(await readSetting(ctx.db, OFFICE_HOURS_KEY));
  return stored.success ? stored.data : DEFAULT_OFFICE_HOURS;
}

/** Changes the office hours (audited). */
export async function writeOfficeHours(ctx: AppContext, actor: Actor, hours: OfficeHours): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await writeSetting(tx, OFFICE_HOURS_KEY, hours, now);
    await recordActorAudit(tx, actor, now, {
      action: 'calendar.office_hours_changed',
      targetType: 'setting',
      targetId: OFFICE_HOURS_KEY,
      detail: { to: hours },
    });
  });
  await invalidateCache(ctx, 'calendar');
}

/** The working calendar of the platform: every loaded year plus the office hours (cached). */
export async function loadWorkingCalendar(ctx: AppContext): Promise<WorkingCalendar> {
  return loadCalendar(ctx);
}

/** When a time limit started at `start` runs out. */
export async function computeDeadline(ctx: AppContext, start: Date, limit: TimeLimit): Promise<Date> {
  return addWorkingTime(await loadWorkingCalendar(ctx), start, limit);
}
