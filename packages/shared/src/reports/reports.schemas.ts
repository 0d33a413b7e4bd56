import { z } from 'zod';
import { PageQuery } from '../lists/list.schemas.js';
import { REPORT_KINDS, REPORT_PERIOD_PATTERNS, reportDaysOf } from './report-periods.js';

const orgId = z.coerce.number().int().positive().max(2_147_483_647);
const kind = z.enum(REPORT_KINDS, { error: '报告类型应为 daily、weekly 或 monthly' });

const PERIOD_FORMATS = { daily: 'YYYY-MM-DD', weekly: 'YYYY-Www（ISO 周）', monthly: 'YYYY-MM' } as const;

/** `POST /api/v1/reports`: which report to produce. */
export const CreateReportInput = z
  .strictObject({
    /** 报告类型: 每日汇总 daily, 每周研判 weekly, 每月总结 monthly */
    kind,
    /** 组织: the org whose subtree the report covers; must lie in the caller's scope */
    org: orgId,
    /** 统计周期 in Beijing time: `YYYY-MM-DD` (daily), `YYYY-Www` ISO week (weekly), `YYYY-MM` (monthly) */
    period: z.string({ error: '统计周期必须是字符串' }).max(10, '统计周期格式无效'),
  })
  .superRefine((input, issues) => {
    if (!REPORT_PERIOD_PATTERNS[input.kind].test(input.period)) {
      issues.addIssue({
        code: 'custom',
        path: ['period'],
        message: `统计周期格式应为 ${PERIOD_FORMATS[input.kind]}（2000–2099 年）`,
      });
    } else if (!reportDaysOf(input.kind, input.period)) {
      issues.addIssue({ code: 'custom', path: ['period'], message: '统计周期不存在' });
    }
  });
export type CreateReportInput = z.infer<typeof CreateReportInput>;

/** `GET /api/v1/reports`: a page of the reports in the caller's scope, the newest period first. */
export const ReportListQuery = z
  .object({
    /** an org inside the caller's scope: the reports on it (not its children's) */
    org: orgId.optional(),
    kind: kind.optional(),
  })
  .extend(PageQuery.shape)
  .strict();
export type ReportListQuery = z.infer<typeof ReportListQuery>;

/** Where a report stands: 排队中 → 生成中 → 已完成, or 生成失败. */
export const REPORT_STATUSES = ['queued', 'generating', 'ready', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Chinese name of each status. */
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  queued: '排队中',
  generating: '生成中',
  ready: '已完成',
  failed: '生成失败',
};

/** One report as the API answers it. */
export const ReportItem = z.object({
  id: z.number().int(),
  kind: z.enum(REPORT_KINDS),
  kindLabel: z.string(),
  /** 研判专刊 title, e.g. 乌海市 2026年11月 每月总结 */
  title: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  period: z.string(),
  /** the period's first and last Beijing day (inclusive) */
  from: z.string(),
  to: z.string(),
  status: z.enum(REPORT_STATUSES),
  statusLabel: z.string(),
  /** 进度, 0–100 */
  progress: z.number().int(),
  /** why generation failed, for people */
  error: z.string().nullable(),
  /** produced by the schedule rather than asked for */
  scheduled: z.boolean(),
  requestedByUserId: z.number().int().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ReportItem = z.output<typeof ReportItem>;

/** A page of reports. */
export const ReportPage = z.object({
  items: z.array(ReportItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ReportPage = z.output<typeof ReportPage>;

/** The answer of `POST /api/v1/reports`: the report (new, or the one already kept for that period). */
export const ReportRequested = z.object({
  id: z.number().int(),
  /** false when a report of this kind, org and period already existed and is answered instead */
  created: z.boolean(),
  report: ReportItem,
});
export type ReportRequested = z.output<typeof ReportRequested>;
