import { z } from 'zod';
import { bodyError, text } from '../lifecycle/action-body.js';

/** The report's year: the platform's years, coerced from the query string. */
const ReportYear = z.coerce
  .number({ error: '请填写年份' })
  .int('年份须为整数')
  .min(2000, '年份无效')
  .max(2100, '年份无效');

/** `GET /api/v1/safety/reports/annual.xlsx?org=&year=`: 年度隐患排查治理统计表. */
export const SafetyAnnualReportQuery = z
  .object({ org: z.coerce.number().int().positive().optional(), year: ReportYear })
  .strict();
export type SafetyAnnualReportQuery = z.infer<typeof SafetyAnnualReportQuery>;

/** `GET /api/v1/safety/reports/quarterly.xlsx?org=&year=&quarter=`: 季度隐患排查治理统计表. */
export const SafetyQuarterlyReportQuery = SafetyAnnualReportQuery.extend({
  quarter: z.coerce
    .number({ error: '季度须为 1–4' })
    .int('季度须为 1–4')
    .min(1, '季度须为 1–4')
    .max(4, '季度须为 1–4'),
}).strict();
export type SafetyQuarterlyReportQuery = z.infer<typeof SafetyQuarterlyReportQuery>;

/** A report's period: a year, or one quarter of it. */
export interface SafetyReportPeriod {
  year: number;
  quarter?: number | undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The Beijing dates the period covers, both included (the `from`/`to` of `GET /api/v1/safety/stats`). */
export function safetyReportDates(period: SafetyReportPeriod): { from: string; to: string } {
  if (period.quarter === undefined) return { from: `${period.year}-01-01`, to: `${period.year}-12-31` };
  const first = (period.quarter - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(period.year, first + 2, 0)).getUTCDate();
  return { from: `${period.year}-${pad(first)}-01`, to: `${period.year}-${pad(first + 2)}-${pad(lastDay)}` };
}

/** 2026年第3季度 / 2026年度. */
export function safetyReportTitle(period: SafetyReportPeriod): string {
  return period.quarter === undefined ? `${period.year}年度` : `${period.year}年第${period.quarter}季度`;
}

/** The quarter number of the annual report in a confirmation. */
export const ANNUAL = 0;

const Quarter = z
  .number({ error: '季度须为 1–4' })
  .int('季度须为 1–4')
  .min(1, '季度须为 1–4')
  .max(4, '季度须为 1–4');

/**
 * `POST /api/v1/safety/reports/confirmations` 签字确认: the enterprise's principal signs its report of a quarter
 * (`quarter`) or of the year (`annual: true`).
 */
export const SafetyReportConfirmationInput = z
  .strictObject(
    {
      year: z.number({ error: '请填写年份' }).int('年份须为整数').min(2000, '年份无效').max(2100, '年份无效'),
      quarter: Quarter.optional(),
      annual: z.literal(true, { error: 'annual 只能为 true' }).optional(),
      /** 主要负责人 who signs */
      principal: text('主要负责人', 2, 50),
    },
    { error: bodyError },
  )
  .refine((input) => (input.quarter === undefined) !== (input.annual === undefined), {
    path: ['quarter'],
    message: '请填写季度，或年报填 annual: true（二者选一）',
  });
export type SafetyReportConfirmationInput = z.infer<typeof SafetyReportConfirmationInput>;

/** `GET /api/v1/safety/reports/confirmations?org=&year=&quarter=`: the period (no quarter: the annual report). */
export const SafetyReportConfirmationQuery = SafetyAnnualReportQuery.extend({
  quarter: z.coerce
    .number({ error: '季度须为 1–4' })
    .int('季度须为 1–4')
    .min(1, '季度须为 1–4')
    .max(4, '季度须为 1–4')
    .optional(),
}).strict();
export type SafetyReportConfirmationQuery = z.infer<typeof SafetyReportConfirmationQuery>;

/** An enterprise's signature of a period's report: 已确认 (when, by whom, on time) or 未确认. */
export const SafetyReportConfirmationView = z.object({
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  year: z.number().int(),
  /** 1–4, null for the annual report */
  quarter: z.number().int().nullable(),
  confirmed: z.boolean(),
  principal: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  confirmedByName: z.string().nullable(),
  /** the last day to sign (Beijing): the 15th of the next month, 31 January for the year */
  dueDate: z.string(),
  /** signed by the due date; null while unsigned */
  onTime: z.boolean().nullable(),
});
export type SafetyReportConfirmationView = z.infer<typeof SafetyReportConfirmationView>;

export const SafetyReportConfirmationList = z.object({ items: z.array(SafetyReportConfirmationView) });
export type SafetyReportConfirmationList = z.infer<typeof SafetyReportConfirmationList>;

/** The last day (Beijing date) to report a period: the 15th of the month after a quarter, 31 January after a year. */
export function safetyReportDueDate(period: SafetyReportPeriod): string {
  if (period.quarter === undefined) return `${period.year + 1}-01-31`;
  const month = period.quarter * 3 + 1;
  return month > 12 ? `${period.year + 1}-01-15` : `${period.year}-${pad(month)}-15`;
}
