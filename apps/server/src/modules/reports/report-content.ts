import {
  CASE_SOURCE_LABELS,
  CASE_TYPE_LABELS,
  type CaseSource,
  type CaseType,
  CHANNEL_LABELS,
  dayNumberOfDate,
  formatDayNumber,
  type KpiRanking,
  type KpiReport,
  type KpiTrend,
  maskPersonalDataInText,
  previousReportPeriod,
  REPORT_KIND_LABELS,
  type ReportKind,
  reportDaysOf,
  reportPeriodLabel,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { listWarnings, type WarningRow } from '../intelligence/warnings/warnings.repository.js';
import type { CountScope } from '../kpis/kpi-counts.repository.js';
import { periodOf } from '../kpis/kpi-period.js';
import { getKpiRanking, getKpiReport, getKpiTrend } from '../kpis/kpis.service.js';
import type { OrgBrief } from '../orgs/org-briefs.repository.js';
import {
  countRegisteredBy,
  countRegisteredByCategory,
  countRegisteredInCategories,
  listExampleCases,
  listOverdueCases,
  type OverdueCase,
  type VolumeDimension,
} from './report-facts.repository.js';

/** How many overdue cases, top problems and examples per problem a report lists. */
export const REPORT_LIMITS = { overdue: 200, topProblems: 5, examples: 2, warnings: 50 } as const;

/** One row of a volume table: a group with its count now and in the previous period. */
export interface VolumeRow {
  label: string;
  count: number;
  previous: number;
}

/** A top problem (热点问题): a category with its count now and before, and masked examples. */
export interface TopProblem {
  name: string;
  areaName: string | null;
  count: number;
  previous: number;
  /** 苗头性 (new), 倾向性 (rising), or steady/falling */
  tendency: '新出现' | '上升' | '持平' | '下降';
  examples: { number: string; text: string }[];
}

/** Everything a report says, computed once and written into both the Word document and the workbook. */
export interface ReportContent {
  kind: ReportKind;
  kindLabel: string;
  title: string;
  org: { id: number; name: string };
  period: string;
  periodLabel: string;
  previousPeriodLabel: string;
  from: string;
  to: string;
  /** `GET /api/v1/kpis` of the org and period, and of the period before */
  kpis: KpiReport;
  previousKpis: KpiReport;
  /** the day-by-day counts and three rates (the last seven days for a daily report) */
  trend: KpiTrend;
  /** `GET /api/v1/kpis/ranking?level=unit` within the org's subtree */
  ranking: KpiRanking;
  volumes: Record<VolumeDimension, VolumeRow[]>;
  overdue: OverdueCase[];
  topProblems: TopProblem[];
  warnings: WarningRow[];
}

/** Chinese names of the volume tables. */
export const VOLUME_TITLES: Record<VolumeDimension, string> = {
  source: '按来源',
  channel: '按渠道',
  type: '按诉求类型',
  area: '按事项大类',
};

const DIMENSIONS: VolumeDimension[] = ['source', 'channel', 'type', 'area'];

function labelOf(dimension: VolumeDimension, key: string, name: string | null): string {
  if (dimension === 'source') return CASE_SOURCE_LABELS[key as CaseSource] ?? key;
  if (dimension === 'type') return CASE_TYPE_LABELS[key as CaseType] ?? key;
  if (dimension === 'channel') {
    if (key === '') return '（非网络渠道）';
    return CHANNEL_LABELS[key as keyof typeof CHANNEL_LABELS] ?? key;
  }
  return key === '' ? '（未分类）' : (name ?? key);
}

async function volumesOf(ctx: AppContext, now: CountScope, before: CountScope) {
  const entries = await Promise.all(
    DIMENSIONS.map(async (dimension) => {
      const [current, previous] = await Promise.all([
        countRegisteredBy(ctx.db, now, dimension),
        countRegisteredBy(ctx.db, before, dimension),
      ]);
      const earlier = new Map(previous.map((v) => [v.key, v.count]));
      const rows: VolumeRow[] = current.map((v) => ({
        label: labelOf(dimension, v.key, v.name),
        count: v.count,
        previous: earlier.get(v.key) ?? 0,
      }));
      // groups that had cases before and none now still show, at zero
      const seen = new Set(current.map((v) => v.key));
      for (const v of previous) {
        if (!seen.has(v.key))
          rows.push({ label: labelOf(dimension, v.key, v.name), count: 0, previous: v.count });
      }
      return [dimension, rows] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<VolumeDimension, VolumeRow[]>;
}

function tendencyOf(count: number, previous: number): TopProblem['tendency'] {
  if (previous === 0) return '新出现';
  if (count > previous) return '上升';
  return count === previous ? '持平' : '下降';
}

async function topProblemsOf(ctx: AppContext, now: CountScope, before: CountScope): Promise<TopProblem[]> {
  const top = await countRegisteredByCategory(ctx.db, now, REPORT_LIMITS.topProblems);
  const ids = top.map((t) => t.categoryId);
  const [previous, examples] = await Promise.all([
    countRegisteredInCategories(ctx.db, before, ids),
    listExampleCases(ctx.db, now, ids, REPORT_LIMITS.examples),
  ]);
  return top.map((t) => {
    const earlier = previous.get(t.categoryId) ?? 0;
    return {
      name: t.name,
      areaName: t.areaName,
      count: t.count,
      previous: earlier,
      tendency: tendencyOf(t.count, earlier),
      // as a role without personal_data.read reads them: phone, ID and card numbers starred
      examples: examples
        .filter((e) => e.categoryId === t.categoryId)
        .map((e) => ({
          number: e.number,
          text: maskPersonalDataInText(`${e.title}：${e.description}`).slice(0, 160),
        })),
    };
  });
}

/**
 * The platform acting for a report: the measures of the org's subtree as a user whose scope is that org
 * sees them, so the numbers are those `GET /api/v1/kpis` gives for the same org and period.
 */
function reportActor(org: OrgBrief): Actor {
  return {
    userId: 0,
    username: 'system',
    displayName: '系统（报告）',
    orgId: org.id,
    orgCode: org.code,
    orgName: org.name,
    orgKind: org.kind,
    orgPath: org.path,
    roles: ['leader'],
    permissions: new Set(['kpi.read', 'report.read']),
    scopePath: org.path,
    ip: '127.0.0.1',
  };
}

function scopeOf(path: string, from: string, to: string, now: Date): CountScope {
  const period = periodOf({ from, to }, now);
  return { path, from: period.from, to: period.to, now };
}

/**
 * The contents of a report on an org subtree over a period: the measures now and before (the KPI service's
 * own answers), the volumes by source, channel, type and area with the previous period's, the unit ranking
 * with the units flagged for 通报扣分, the overdue list, the top problems with masked examples and the early
 * warnings seen in the period. `onStep` is told after each part, for the progress.
 */
export async function gatherReportContent(
  ctx: AppContext,
  org: OrgBrief,
  kind: ReportKind,
  period: string,
  onStep: (done: number, of: number) => Promise<void>,
): Promise<ReportContent> {
  const days = reportDaysOf(kind, period)!;
  const before = reportDaysOf(kind, previousReportPeriod(kind, period))!;
  const now = ctx.clock.now();
  const actor = reportActor(org);
  const scopeNow = scopeOf(org.path, days.from, days.to, now);
  const scopeBefore = scopeOf(org.path, before.from, before.to, now);
  const steps = 5;
  const [kpis, previousKpis] = await Promise.all([
    getKpiReport(ctx, actor, { org: org.id, from: days.from, to: days.to }),
    getKpiReport(ctx, actor, { org: org.id, from: before.from, to: before.to }),
  ]);
  await onStep(1, steps);
  const trendFrom = kind === 'daily' ? formatDayNumber(dayNumberOfDate(days.to) - 6) : days.from;
  const [trend, ranking] = await Promise.all([
    getKpiTrend(ctx, actor, { org: org.id, from: trendFrom, to: days.to, bucket: 'day' }),
    getKpiRanking(ctx, actor, { level: 'unit', from: days.from, to: days.to }),
  ]);
  await onStep(2, steps);
  const volumes = await volumesOf(ctx, scopeNow, scopeBefore);
  await onStep(3, steps);
  const [overdue, topProblems] = await Promise.all([
    listOverdueCases(ctx.db, scopeNow, REPORT_LIMITS.overdue),
    topProblemsOf(ctx, scopeNow, scopeBefore),
  ]);
  await onStep(4, steps);
  const { rows: warnings } = await listWarnings(ctx.db, {
    path: org.path,
    from: scopeNow.from,
    to: scopeNow.to,
    page: 1,
    pageSize: REPORT_LIMITS.warnings,
  });
  await onStep(5, steps);
  const periodLabel = reportPeriodLabel(kind, period);
  return {
    kind,
    kindLabel: REPORT_KIND_LABELS[kind],
    title: reportTitle(org.name, kind, period),
    org: { id: org.id, name: org.name },
    period,
    periodLabel,
    previousPeriodLabel: reportPeriodLabel(kind, previousReportPeriod(kind, period)),
    from: days.from,
    to: days.to,
    kpis,
    previousKpis,
    trend,
    ranking,
    volumes,
    overdue,
    topProblems,
    warnings,
  };
}

/** A report's title: 乌海市 2026年11月 每月总结. */
export function reportTitle(orgName: string, kind: ReportKind, period: string): string {
  return `${orgName} ${reportPeriodLabel(kind, period)} ${REPORT_KIND_LABELS[kind]}`;
}
