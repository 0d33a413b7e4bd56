import {
  MAX_IMPORT_ERRORS,
  MAX_IMPORT_ROWS,
  type RegisterImportEvent,
  type RegisterKind,
} from '@shanzhi/shared';
import type { Actor } from '../../../../platform/auth/actor.js';
import type { AppContext } from '../../../../platform/context.js';
import { AppError, fieldError } from '../../../../platform/errors/app-error.js';
import { toAppError } from '../../../../platform/http/error-handler.js';
import { auditRegister } from '../register-audit.js';
import {
  type ImportPlan,
  type PlanInput,
  planHouses,
  planOrganisations,
  planResidents,
} from './register-import-plans.js';
import { type RowProblem, readRegisterRows } from './register-rows.js';
import { REGISTER_SHEETS, type RegisterSheet } from './register-sheets.js';
import { readFirstSheet } from './xlsx-rows.js';

const PLANNERS: Record<RegisterKind, (input: PlanInput) => Promise<ImportPlan>> = {
  houses: planHouses,
  residents: planResidents,
  organisations: planOrganisations,
};

/** The refusal of a file with bad rows: every problem by row and column (the first `MAX_IMPORT_ERRORS`). */
function rowsInvalid(sheet: RegisterSheet, problems: RowProblem[]): AppError {
  const order = new Map(sheet.columns.map((column, index) => [column.key, index]));
  const sorted = [...problems].sort(
    (a, b) => a.row - b.row || (order.get(a.column) ?? 99) - (order.get(b.column) ?? 99),
  );
  const rows = new Set(sorted.map((p) => p.row)).size;
  const listed = sorted.length > MAX_IMPORT_ERRORS ? `，以下列出前 ${MAX_IMPORT_ERRORS} 处` : '';
  return new AppError(
    'IMPORT_ROWS_INVALID',
    `共 ${rows} 行有误（${sorted.length} 处${listed}），未导入任何数据。请按行号改正后重新导入`,
    sorted.slice(0, MAX_IMPORT_ERRORS).map((p) => ({
      field: `rows.${p.row}.${p.column}`,
      code: p.code,
      message: p.message,
    })),
  );
}

/**
 * Reads an uploaded register file and checks every row — the API's own rules per row (the ID number's check
 * digit …), the grid of each row (known, in the importer's scope), duplicates within the file and against the
 * register — before anything is written: 400 IMPORT_ROWS_INVALID naming each bad row, or the plan to write.
 */
export async function prepareRegisterImport(
  ctx: AppContext,
  actor: Actor,
  kind: RegisterKind,
  bytes: Buffer,
): Promise<ImportPlan> {
  const sheet = REGISTER_SHEETS[kind];
  const content = await readFirstSheet(bytes, MAX_IMPORT_ROWS);
  if (content.rows.length === 0) throw fieldError('file', 'no_rows', '文件中没有数据行');
  const { rows, problems } = readRegisterRows(sheet, content);
  const plan = await PLANNERS[kind]({ ctx, actor, now: ctx.clock.now(), rows, problems });
  if (problems.length > 0) throw rowsInvalid(sheet, problems);
  return plan;
}

/** What the client reads of a failure that happened while writing (a row registered meanwhile …). */
function failureOf(error: unknown): RegisterImportEvent {
  const appError = toAppError(error instanceof Error ? error : new Error(String(error)));
  if (appError.code === 'CONFLICT') {
    return {
      phase: 'failed',
      error: {
        code: 'ALREADY_REGISTERED',
        message: '导入期间有记录被他人登记，本次导入已全部撤销，请重新导入',
      },
    };
  }
  return {
    phase: 'failed',
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.fields && { fields: appError.fields }),
    },
  };
}

/**
 * Writes a checked import in one transaction — all of it or, if anything fails, none — telling `emit` the
 * progress after each batch of rows and then how it ended. Audited as one entry (who imported how many rows
 * of which register). Never throws: a failure is its last event.
 */
export async function writeRegisterImport(
  ctx: AppContext,
  actor: Actor,
  kind: RegisterKind,
  plan: ImportPlan,
  emit: (event: RegisterImportEvent) => void,
): Promise<RegisterImportEvent> {
  const now = ctx.clock.now();
  let last: RegisterImportEvent;
  try {
    const created = await ctx.db.transaction(async (tx) => {
      const made = await plan.write(tx, (done) => emit({ phase: 'writing', done, total: plan.rows }));
      await auditRegister(tx, actor, now, {
        action: 'grid_register.imported',
        targetType: 'register',
        targetId: kind,
        detail: { rows: plan.rows, created: made },
      });
      return made;
    });
    last = { phase: 'done', rows: plan.rows, created };
  } catch (error) {
    ctx.logger.warn({ err: error, kind }, 'register import rolled back');
    last = failureOf(error);
  }
  emit(last);
  return last;
}
