import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { type CaseExportQuery, toBeijingCompactDate } from '@shanzhi/shared';
import ExcelJS from 'exceljs';
import type { Actor } from '../../../platform/auth/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { findCategoryNames } from '../../catalog/catalog.repository.js';
import { findOrgBriefs } from '../../orgs/org-briefs.repository.js';
import { orgIdsOf, presentCaseForExport } from '../cases.presenter.js';
import type { CaseRow } from '../cases.repository.js';
import { caseListFilterOf } from '../cases.service.js';
import { type CaseListFilter, countCases, listCases, sortKeyOf } from '../cases-list.repository.js';
import { EXPORT_COLUMNS } from './case-export.columns.js';

/** The most rows one export file may hold (a sheet holds 1,048,576; people narrow the filter long before). */
export const EXPORT_MAX_ROWS = 200_000;
/** Rows read per keyset query and written before the next is read. */
export const EXPORT_BATCH_SIZE = 1_000;

/** An export that passed its checks: the repository filter and how many rows it will write. */
export interface PreparedExport {
  filter: Omit<CaseListFilter, 'after' | 'limit'>;
  total: number;
}

/**
 * Checks an export before anything is sent: the same filter checks as the list (scope of `within`, the
 * phone filter's permission, the category), then counts the rows and refuses with 400 EXPORT_TOO_LARGE
 * above `maxRows`, so that the caller gets a proper error rather than a truncated file.
 */
export async function prepareCaseExport(
  ctx: AppContext,
  actor: Actor,
  query: CaseExportQuery,
  maxRows = EXPORT_MAX_ROWS,
): Promise<PreparedExport> {
  const filter = await caseListFilterOf(ctx, actor, query);
  const total = await countCases(ctx.db, filter);
  if (total > maxRows) {
    throw new AppError(
      'EXPORT_TOO_LARGE',
      `符合条件的工单有 ${total} 件，超过单次导出上限 ${maxRows} 件，请缩小时间范围或增加筛选条件后再导出`,
    );
  }
  return { filter, total };
}

/** Resolves when `out` drains, or closes (the client went away): never waits forever. */
async function drained(out: Writable): Promise<void> {
  const controller = new AbortController();
  try {
    await Promise.race([
      once(out, 'drain', { signal: controller.signal }),
      once(out, 'close', { signal: controller.signal }),
    ]);
  } finally {
    controller.abort();
  }
}

/** Options of the writer: the batch size, and a hook told of every batch (progress, tests). */
export interface ExportWriteOptions {
  batchSize?: number;
  onBatch?: (rowsInBatch: number, rowsSoFar: number) => void;
}

async function writeBatch(
  ctx: AppContext,
  actor: Actor,
  sheet: ExcelJS.Worksheet,
  rows: readonly CaseRow[],
): Promise<void> {
  const [orgs, categories] = await Promise.all([
    findOrgBriefs(ctx.db, orgIdsOf(rows)),
    findCategoryNames(
      ctx.db,
      rows.flatMap((r) => (r.categoryId === null ? [] : [r.categoryId])),
    ),
  ]);
  const names = { orgs, categories };
  const orgName = (id: number | null) => (id === null ? '' : (orgs.get(id)?.name ?? ''));
  for (const row of rows) {
    // the case presenter masks the personal data, so the file shows exactly what the list and detail show
    const view = presentCaseForExport(row, actor, names);
    sheet.addRow(EXPORT_COLUMNS.map((c) => c.value({ row, view, orgName }) ?? '')).commit();
  }
}

/**
 * Streams the cases of a prepared export into `out` as an .xlsx workbook (exceljs's streaming writer:
 * inline strings, rows committed as written), reading them in keyset batches so that only one batch is
 * ever in memory, and waiting for `out` to drain between batches. Stops early if `out` is destroyed (the
 * client went away). Returns the number of rows written.
 */
export async function writeCaseExport(
  ctx: AppContext,
  actor: Actor,
  prepared: PreparedExport,
  out: Writable,
  options: ExportWriteOptions = {},
): Promise<number> {
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = '善治 市域社会治理智能化综合平台';
  const sheet = workbook.addWorksheet('工单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  let written = 0;
  let after: CaseListFilter['after'];
  for (;;) {
    const fetched = await listCases(ctx.db, { ...prepared.filter, after, limit: batchSize });
    const rows = fetched.slice(0, batchSize);
    const more = fetched.length > batchSize;
    await writeBatch(ctx, actor, sheet, rows);
    written += rows.length;
    options.onBatch?.(rows.length, written);
    const last = rows.at(-1);
    if (!more || !last || out.destroyed) break;
    after = { key: sortKeyOf(last, prepared.filter.sort), id: last.id };
    if (out.writableNeedDrain) await drained(out);
  }
  sheet.commit();
  await workbook.commit();
  return written;
}

/** `工单导出_20261123.xlsx`: the export's file name on a Beijing day. */
export function exportFileName(now: Date): string {
  return `工单导出_${toBeijingCompactDate(now)}.xlsx`;
}
