import {
  type CreateReportInput,
  hasReportPeriodEnded,
  REPORT_KIND_LABELS,
  REPORT_STATUS_LABELS,
  type ReportItem,
  type ReportKind,
  type ReportListQuery,
  type ReportPage,
  type ReportRequested,
  type ReportStatus,
  reportDaysOf,
} from '@shanzhi/shared';
import { type Actor, isInScope } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { findOrgBriefs } from '../orgs/org-briefs.repository.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { reportTitle } from './report-content.js';
import { startReportGeneration } from './report-generation.js';
import {
  findReport,
  listReports,
  queueReport,
  type ReportRow,
  readReportFile,
} from './reports.repository.js';

function present(row: ReportRow, orgName: string): ReportItem {
  const kind = row.kind as ReportKind;
  const status = row.status as ReportStatus;
  return {
    id: row.id,
    kind,
    kindLabel: REPORT_KIND_LABELS[kind],
    title: reportTitle(orgName, kind, row.period),
    orgId: row.orgId,
    orgName,
    period: row.period,
    from: row.fromDate,
    to: row.toDate,
    status,
    statusLabel: REPORT_STATUS_LABELS[status],
    progress: row.progress,
    error: row.error,
    scheduled: row.requestedByUserId === null,
    requestedByUserId: row.requestedByUserId,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

async function presentRows(ctx: AppContext, rows: ReportRow[]): Promise<ReportItem[]> {
  const names = await findOrgBriefs(
    ctx.db,
    rows.map((r) => r.orgId),
  );
  return rows.map((r) => present(r, names.get(r.orgId)?.name ?? ''));
}

/**
 * Asks for a report of an org in the caller's scope (403 otherwise, 404 for no such org) over a period that
 * has ended (400 otherwise): queues it and starts producing it, or answers the one kept for that kind, org
 * and period.
 */
export async function requestReport(
  ctx: AppContext,
  actor: Actor,
  input: CreateReportInput,
): Promise<ReportRequested> {
  const org = await loadOrgInScope(ctx.db, actor, input.org);
  const days = reportDaysOf(input.kind, input.period)!;
  const now = ctx.clock.now();
  if (!hasReportPeriodEnded(days, now)) {
    throw fieldError('period', 'not_ended', '统计周期尚未结束，只能生成已结束周期的报告');
  }
  const { row, created } = await queueReport(
    ctx.db,
    {
      kind: input.kind,
      orgId: org.id,
      orgPath: org.path,
      period: input.period,
      fromDate: days.from,
      toDate: days.to,
      requestedByUserId: actor.userId,
    },
    now,
  );
  if (created) startReportGeneration(ctx, row.id);
  return { id: row.id, created, report: present(row, org.name) };
}

/** A page of the reports on the orgs of the caller's scope (or on `org`, which must be in it). */
export async function listReportsForActor(
  ctx: AppContext,
  actor: Actor,
  query: ReportListQuery,
): Promise<ReportPage> {
  const org = query.org === undefined ? undefined : await loadOrgInScope(ctx.db, actor, query.org);
  const { rows, total } = await listReports(ctx.db, {
    path: org?.path ?? actor.scopePath,
    orgId: org?.id,
    kind: query.kind,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: await presentRows(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

async function loadReportInScope(ctx: AppContext, actor: Actor, id: number): Promise<ReportRow> {
  const row = await findReport(ctx.db, id);
  if (!row) throw new AppError('REPORT_NOT_FOUND', `报告 ${id} 不存在`);
  if (!isInScope(actor, row.orgPath)) throw new AppError('OUT_OF_SCOPE', '该报告不在您的管辖范围内');
  return row;
}

/** One report of the caller's scope: its status, progress, period and org. */
export async function getReportForActor(ctx: AppContext, actor: Actor, id: number): Promise<ReportItem> {
  const [item] = await presentRows(ctx, [await loadReportInScope(ctx, actor, id)]);
  return item!;
}

/** The kinds of file a report has: the Word document (研判专刊) and the Excel tables. */
export type ReportFileKind = 'document' | 'tables';

/**
 * A ready report's file with its download name; 409 REPORT_NOT_READY while it is produced, 409
 * REPORT_FAILED when its production failed.
 */
export async function readReportFileForActor(
  ctx: AppContext,
  actor: Actor,
  id: number,
  file: ReportFileKind,
): Promise<{ body: Buffer; fileName: string }> {
  const row = await loadReportInScope(ctx, actor, id);
  if (row.status === 'failed') throw new AppError('REPORT_FAILED', '报告生成失败，请重新生成');
  const body = row.status === 'ready' ? await readReportFile(ctx.db, id, file) : null;
  if (!body) throw new AppError('REPORT_NOT_READY', `报告正在生成（${row.progress}%），请稍后再下载`);
  const [item] = await presentRows(ctx, [row]);
  return { body, fileName: `${item!.title}${file === 'document' ? '.docx' : '.xlsx'}` };
}
