import { z } from 'zod';
import {
  beijingMidnight,
  dayNumberOfDate,
  formatDayNumber,
  parseClockMinutes,
  toBeijingDayNumber,
} from '../calendar/beijing-time.js';
import {
  previousReportPeriod,
  REPORT_KINDS,
  type ReportKind,
  reportDaysOf,
  reportPeriodOfDay,
} from './report-periods.js';

/** One scheduled report: which kind, of which org, at what Beijing time of the period's first day. */
export const ReportScheduleEntry = z.strictObject({
  kind: z.enum(REPORT_KINDS, { error: '报告类型应为 daily、weekly 或 monthly' }),
  /** 组织: the org whose subtree is reported on; the root of the tree (the whole city) when left out */
  org: z.number().int().positive().max(2_147_483_647).optional(),
  /**
   * 生成时间 (Beijing, `HH:MM`): each day (daily), each Monday (weekly) or each 1st (monthly) from this time
   * on, the period just ended is produced
   */
  at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '生成时间格式应为 HH:MM'),
});
export type ReportScheduleEntry = z.infer<typeof ReportScheduleEntry>;

/** `GET/PUT /api/v1/reports/schedule`: the reports the platform produces by itself. */
export const ReportSchedule = z.strictObject({
  entries: z.array(ReportScheduleEntry).max(200, '定时报告最多 200 项'),
});
export type ReportSchedule = z.infer<typeof ReportSchedule>;

/**
 * Until an administrator sets one, nothing is scheduled: producing a city's reports loads the database, and
 * when and for whom is each city's choice (e.g. the whole city's daily summary at 08:00, the weekly analysis
 * on Mondays at 08:30, the monthly report on the 1st at 09:00 — `CITY_REPORT_SCHEDULE`).
 */
export const DEFAULT_REPORT_SCHEDULE: ReportSchedule = { entries: [] };

/** The rhythm of DOMAIN.md §6 for the whole city (每日汇总·每周研判·每月总结), a schedule to start from. */
export const CITY_REPORT_SCHEDULE: ReportSchedule = {
  entries: [
    { kind: 'daily', at: '08:00' },
    { kind: 'weekly', at: '08:30' },
    { kind: 'monthly', at: '09:00' },
  ],
};

/**
 * The period a schedule entry of `kind` at `at` owes at `now`: the one just ended, once the current
 * period's first day has reached `at` (Beijing time); null before that.
 */
export function dueReportPeriod(kind: ReportKind, at: string, now: Date): string | null {
  const current = reportPeriodOfDay(kind, formatDayNumber(toBeijingDayNumber(now.getTime())));
  const firstDay = dayNumberOfDate(reportDaysOf(kind, current)!.from);
  const dueAt = beijingMidnight(firstDay) + parseClockMinutes(at) * 60_000;
  return now.getTime() >= dueAt ? previousReportPeriod(kind, current) : null;
}
