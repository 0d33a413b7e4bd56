import type { ReportKind } from '@shanzhi/shared';
import { and, count, desc, eq, like, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { prefixPattern } from '../../platform/db/text-search.js';
import { reports } from './reports.tables.js';

/** A stored report without its files (they are read only for a download). */
export type ReportRow = Omit<typeof reports.$inferSelect, 'document' | 'tables'>;

const ROW = {
  id: reports.id,
  kind: reports.kind,
  orgId: reports.orgId,
  orgPath: reports.orgPath,
  period: reports.period,
  fromDate: reports.fromDate,
  toDate: reports.toDate,
  status: reports.status,
  progress: reports.progress,
  error: reports.error,
  requestedByUserId: reports.requestedByUserId,
  createdAt: reports.createdAt,
  startedAt: reports.startedAt,
  finishedAt: reports.finishedAt,
  updatedAt: reports.updatedAt,
};

/** What a new report is about. */
export interface NewReport {
  kind: ReportKind;
  orgId: number;
  orgPath: string;
  period: string;
  fromDate: string;
  toDate: string;
  requestedByUserId: number | null;
}

/**
 * Queues a report unless one of that kind, org and period exists (`on conflict do nothing`: safe when several
 * processes ask at once). Answers the report kept for the period and whether it is the new one. A failed one
 * is queued again unless `retryFailed` is false.
 */
export async function queueReport(
  db: DbOrTx,
  report: NewReport,
  now: Date,
  { retryFailed = true }: { retryFailed?: boolean } = {},
): Promise<{ row: ReportRow; created: boolean }> {
  const [inserted] = await db
    .insert(reports)
    .values({ ...report, status: 'queued', progress: 0, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: [reports.kind, reports.orgId, reports.period] })
    .returning(ROW);
  if (inserted) return { row: inserted, created: true };
  const key = and(
    eq(reports.kind, report.kind),
    eq(reports.orgId, report.orgId),
    eq(reports.period, report.period),
  );
  const [retried] = !retryFailed
    ? []
    : await db
        .update(reports)
        .set({ status: 'queued', progress: 0, error: null, updatedAt: now })
        .where(and(key, eq(reports.status, 'failed')))
        .returning(ROW);
  if (retried) return { row: retried, created: true };
  const [existing] = await db.select(ROW).from(reports).where(key);
  return { row: existing!, created: false };
}

/** One report by id, without its files. */
export async function findReport(db: DbOrTx, id: number): Promise<ReportRow | undefined> {
  const [row] = await db.select(ROW).from(reports).where(eq(reports.id, id));
  return row;
}

/** Filters of the report list; `path` is the caller's scope (or an org in it). */
export interface ReportFilter {
  path: string;
  /** only the reports on this org (not its children's) */
  orgId?: number;
  kind?: ReportKind;
  page: number;
  pageSize: number;
}

/** A page of the reports on the orgs of a subtree, the newest period first. */
export async function listReports(
  db: DbOrTx,
  f: ReportFilter,
): Promise<{ rows: ReportRow[]; total: number }> {
  const prefix = prefixPattern(f.path);
  const conditions: (SQL | undefined)[] = [
    like(reports.orgPath, prefix),
    f.orgId === undefined ? undefined : eq(reports.orgId, f.orgId),
    f.kind ? eq(reports.kind, f.kind) : undefined,
  ];
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select(ROW)
      .from(reports)
      .where(where)
      .orderBy(desc(reports.toDate), desc(reports.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(reports).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/**
 * Takes a queued report to produce it (`generating`), or one whose producer died (still `generating`, not
 * touched since `staleBefore`). Only one process wins: the update is conditional. Answers it, or undefined.
 */
export async function claimReport(
  db: DbOrTx,
  id: number,
  now: Date,
  staleBefore: Date,
): Promise<ReportRow | undefined> {
  const [row] = await db
    .update(reports)
    .set({ status: 'generating', progress: 1, startedAt: now, updatedAt: now })
    .where(
      and(
        eq(reports.id, id),
        sql`(${reports.status} = 'queued' or (${reports.status} = 'generating' and ${reports.updatedAt} < ${staleBefore.toISOString()}::timestamptz))`,
      ),
    )
    .returning(ROW);
  return row;
}

/** The ids of reports waiting for a producer: queued, or generating but abandoned since `staleBefore`. */
export async function findWaitingReports(db: DbOrTx, staleBefore: Date): Promise<number[]> {
  const rows = await db
    .select({ id: reports.id })
    .from(reports)
    .where(
      sql`${reports.status} = 'queued' or (${reports.status} = 'generating' and ${reports.updatedAt} < ${staleBefore.toISOString()}::timestamptz)`,
    )
    .orderBy(reports.id)
    .limit(20);
  return rows.map((r) => r.id);
}

/** Records how far the production of a report has come. */
export async function setReportProgress(db: DbOrTx, id: number, progress: number, now: Date): Promise<void> {
  await db
    .update(reports)
    .set({ progress, updatedAt: now })
    .where(and(eq(reports.id, id), eq(reports.status, 'generating')));
}

/** Stores the produced files: the report is ready. */
export async function completeReport(
  db: DbOrTx,
  id: number,
  files: { document: Buffer; tables: Buffer },
  now: Date,
): Promise<void> {
  await db
    .update(reports)
    .set({ ...files, status: 'ready', progress: 100, error: null, finishedAt: now, updatedAt: now })
    .where(eq(reports.id, id));
}

/** Records why a report could not be produced. */
export async function failReport(db: DbOrTx, id: number, error: string, now: Date): Promise<void> {
  await db
    .update(reports)
    .set({ status: 'failed', error, finishedAt: now, updatedAt: now })
    .where(eq(reports.id, id));
}

/** One of a report's files, when it is ready. */
export async function readReportFile(
  db: DbOrTx,
  id: number,
  file: 'document' | 'tables',
): Promise<Buffer | null> {
  const [row] = await db
    .select({ file: reports[file] })
    .from(reports)
    .where(and(eq(reports.id, id), eq(reports.status, 'ready')));
  return row?.file ?? null;
}
