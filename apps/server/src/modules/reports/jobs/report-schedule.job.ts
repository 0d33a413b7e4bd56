import { dueReportPeriod, reportDaysOf } from '@shanzhi/shared';
import { asc, isNull } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { findOrgBriefs } from '../../orgs/org-briefs.repository.js';
import { orgs } from '../../orgs/orgs.tables.js';
import { generateReport, runReportQueue } from '../report-generation.js';
import { readReportSchedule } from '../report-schedule.service.js';
import { queueReport } from '../reports.repository.js';

/** How often each server process looks at the schedule and the queue: every minute. */
export const REPORT_JOB_INTERVAL_MS = 60_000;

async function rootOrgId(ctx: AppContext): Promise<number | undefined> {
  const [root] = await ctx.db
    .select({ id: orgs.id })
    .from(orgs)
    .where(isNull(orgs.parentId))
    .orderBy(asc(orgs.id))
    .limit(1);
  return root?.id;
}

/**
 * 定时报告: queues the reports the schedule owes now (the period just ended, once its time has come, in
 * Beijing time) and produces them. A report exists once per kind, org and period (`on conflict do nothing`),
 * so however many processes run this job, each scheduled report is produced once — by the process whose
 * insert won; the others find it there. A scheduled report that failed is not retried every minute: asking
 * for it again (生成报告) does. Then picks up any report no process is producing.
 */
export async function runReportSchedule(ctx: AppContext): Promise<{ queued: number; produced: number }> {
  const now = ctx.clock.now();
  const schedule = await readReportSchedule(ctx);
  const root = schedule.entries.some((e) => e.org === undefined) ? await rootOrgId(ctx) : undefined;
  const briefs = await findOrgBriefs(
    ctx.db,
    schedule.entries.flatMap((e) => e.org ?? root ?? []),
  );
  const queued: number[] = [];
  for (const entry of schedule.entries) {
    const period = dueReportPeriod(entry.kind, entry.at, now);
    const org = briefs.get(entry.org ?? root ?? 0);
    if (period === null || !org) continue;
    const days = reportDaysOf(entry.kind, period)!;
    const { row, created } = await queueReport(
      ctx.db,
      {
        kind: entry.kind,
        orgId: org.id,
        orgPath: org.path,
        period,
        fromDate: days.from,
        toDate: days.to,
        requestedByUserId: null,
      },
      now,
      { retryFailed: false },
    );
    if (created) queued.push(row.id);
  }
  let produced = 0;
  for (const id of queued) if (await generateReport(ctx, id)) produced++;
  produced += (await runReportQueue(ctx)).produced;
  return { queued: queued.length, produced };
}
