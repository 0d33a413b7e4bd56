import { z } from 'zod';

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
