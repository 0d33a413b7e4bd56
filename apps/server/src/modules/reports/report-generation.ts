import { type ReportKind, toBeijingDateTime } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { findOrgBriefs } from '../orgs/org-briefs.repository.js';
import { trendChart, volumeChart } from './report-charts.js';
import { gatherReportContent, reportTitle } from './report-content.js';
import { writeReportDocument } from './report-document.js';
import { notifyReportReady } from './report-notices.js';
import { reportTables } from './report-tables.js';
import { writeReportWorkbook } from './report-workbook.js';
import {
  claimReport,
  completeReport,
  failReport,
  findWaitingReports,
  setReportProgress,
} from './reports.repository.js';

/** A report still `generating` after this long without progress was abandoned (its process died). */
export const REPORT_STALE_MS = 10 * 60_000;

/** The generations running in this process, per context, so that shutdown and tests can wait for them. */
const running = new WeakMap<AppContext, Set<Promise<void>>>();

/**
 * Produces one report: claims it (only one process wins), gathers its contents with the KPI service,
 * draws the charts, writes the Word document and the workbook, and stores them, recording the progress
 * at each step. A failure is recorded on the report, never thrown.
 */
export async function generateReport(ctx: AppContext, id: number): Promise<boolean> {
  const now = () => ctx.clock.now();
  const row = await claimReport(ctx.db, id, now(), new Date(now().getTime() - REPORT_STALE_MS));
  if (!row) return false;
  const org = (await findOrgBriefs(ctx.db, [row.orgId])).get(row.orgId)!;
  try {
    const progress = (value: number) => setReportProgress(ctx.db, id, value, now());
    const content = await gatherReportContent(ctx, org, row.kind as ReportKind, row.period, (done, of) =>
      progress(Math.round(5 + (60 * done) / of)),
    );
    const labels = { now: '本期', before: '上期' };
    const charts = {
      trend: await trendChart(
        content.trend.items.map((d) => ({
          day: d.start,
          total: d.counts.total,
          response: d.rates.responseRate.value,
          solving: d.rates.solvingRate.value,
          satisfaction: d.rates.satisfactionRate.value,
        })),
      ),
      source: await volumeChart('诉求量按来源', content.volumes.source, labels),
      area: await volumeChart('诉求量按事项大类', content.volumes.area, labels),
    };
    await progress(75);
    const tables = reportTables(content);
    const document = await writeReportDocument(content, tables, charts, toBeijingDateTime(now()));
    await progress(90);
    const workbook = await writeReportWorkbook(content.title, tables);
    await completeReport(ctx.db, id, { document, tables: workbook }, now());
  } catch (error) {
    ctx.logger.error({ err: error, report: id }, 'report generation failed');
    await failReport(ctx.db, id, '报告生成失败，请稍后重新生成', now());
    return false;
  }
  // the report is kept whether or not its recipients could be told
  await notifyReportReady(ctx, row, reportTitle(org.name, row.kind as ReportKind, row.period)).catch(
    (error: unknown) => ctx.logger.warn({ err: error, report: id }, 'report notice not written'),
  );
  return true;
}

/** Starts producing a report in the background of this process (the request answers at once). */
export function startReportGeneration(ctx: AppContext, id: number): void {
  let set = running.get(ctx);
  if (!set) {
    set = new Set();
    running.set(ctx, set);
  }
  const tracked = set;
  const job: Promise<void> = generateReport(ctx, id)
    .then(() => undefined)
    .catch((error: unknown) => ctx.logger.error({ err: error, report: id }, 'report generation failed'))
    .finally(() => tracked.delete(job));
  tracked.add(job);
}

/** Waits until the reports this process is producing are done. */
export async function settleReportGenerations(ctx: AppContext): Promise<void> {
  const set = running.get(ctx);
  while (set && set.size > 0) await Promise.all([...set]);
}

/**
 * The job that picks up reports no process is producing: queued by the schedule, or abandoned by a process
 * that died. Each is claimed conditionally, so several processes may run this job at once.
 */
export async function runReportQueue(ctx: AppContext): Promise<{ produced: number }> {
  const ids = await findWaitingReports(ctx.db, new Date(ctx.clock.now().getTime() - REPORT_STALE_MS));
  let produced = 0;
  for (const id of ids) if (await generateReport(ctx, id)) produced++;
  return { produced };
}
