import { codeOfLabel } from '@shanzhi/shared';
import type { z } from 'zod';
import { fieldError } from '../../../../platform/errors/app-error.js';
import {
  LABEL_SEPARATORS,
  normaliseHeader,
  type RegisterColumn,
  type RegisterSheet,
} from './register-sheets.js';
import type { CellValue, SheetContent } from './xlsx-rows.js';

/** What is wrong with one cell (or one row) of an import, by the row's number and the column's key. */
export interface RowProblem {
  row: number;
  /** the column's key (`idNumber`); the field of the API's error is `rows.<row>.<column>` */
  column: string;
  code: string;
  message: string;
}

/** A data row read into the fields of its columns (labels already codes, numbers numbers). */
export interface ReadRow {
  row: number;
  fields: Record<string, unknown>;
  /** columns whose cell could not be read (already a problem: the row's check leaves them alone) */
  unreadable: ReadonlySet<string>;
}

/** The problem of `column` on `row`, its message naming both as people read them. */
export function problemAt(
  sheet: RegisterSheet,
  row: number,
  column: string,
  code: string,
  message: string,
): RowProblem {
  const header = sheet.columns.find((c) => c.key === column)?.header ?? column;
  return { row, column, code, message: `第 ${row} 行「${header}」：${message}` };
}

/** Where each column of the sheet stands in the file's header; 400 on `file` when a required one is missing. */
function locateColumns(sheet: RegisterSheet, header: readonly string[]): Map<RegisterColumn, number> {
  const positions = new Map<RegisterColumn, number>();
  const normalised = header.map(normaliseHeader);
  for (const column of sheet.columns) {
    const at = normalised.indexOf(normaliseHeader(column.header));
    if (at >= 0) positions.set(column, at);
  }
  const missing = sheet.columns.filter((c) => c.required && !positions.has(c)).map((c) => c.header);
  if (missing.length > 0) {
    throw fieldError(
      'file',
      'missing_columns',
      `文件缺少必填列：${missing.join('、')}。请使用“${sheet.title}”导入模板`,
    );
  }
  return positions;
}

type CellReading = { value: unknown } | { problem: { code: string; message: string } };

/** A cell as its column reads it: text, a number, a code or several. */
function readCell(column: RegisterColumn, raw: CellValue): CellReading {
  if (raw === null) return { value: undefined };
  if (column.number) {
    const number = typeof raw === 'number' ? raw : Number(raw.replace(/[,，\s]/g, ''));
    return Number.isFinite(number)
      ? { value: number }
      : { problem: { code: 'not_a_number', message: `“${raw}”不是数字` } };
  }
  // Excel keeps at most 15 significant digits: an ID number typed as a number has lost its end
  if (typeof raw === 'number' && column.text && Math.abs(raw) >= 1e15) {
    return {
      problem: {
        code: 'stored_as_number',
        message: '该列须以文本格式填写（18 位号码存成数字后末几位已丢失），请将单元格设为文本后重新录入',
      },
    };
  }
  const text = typeof raw === 'number' ? String(raw) : raw;
  if (!column.choices) return { value: text };
  const labels = column.multiple ? text.split(LABEL_SEPARATORS).filter(Boolean) : [text];
  const codes: string[] = [];
  for (const label of labels) {
    const code = codeOfLabel(column.choices, label);
    if (code === undefined) {
      const allowed = column.choices.map((c) => c.zh).join('、');
      return { problem: { code: 'unknown_label', message: `“${label}”不在可选项内（可选：${allowed}）` } };
    }
    codes.push(code);
  }
  return { value: column.multiple ? codes : codes[0] };
}

/** Reads every data row of the file into the fields of the sheet's columns, with the problems of its cells. */
export function readRegisterRows(
  sheet: RegisterSheet,
  content: SheetContent,
): { rows: ReadRow[]; problems: RowProblem[] } {
  const positions = locateColumns(sheet, content.header);
  const rows: ReadRow[] = [];
  const problems: RowProblem[] = [];
  for (const { number, cells } of content.rows) {
    const fields: Record<string, unknown> = {};
    const unreadable = new Set<string>();
    for (const [column, at] of positions) {
      const reading = readCell(column, cells[at] ?? null);
      if ('problem' in reading) {
        problems.push(problemAt(sheet, number, column.key, reading.problem.code, reading.problem.message));
        unreadable.add(column.key);
      } else if (reading.value !== undefined) {
        fields[column.key] = reading.value;
      }
    }
    rows.push({ row: number, fields, unreadable });
  }
  return { rows, problems };
}

/** The column of a zod issue's path: `location.longitude` is the 经度 column, `flags.2` the flags column. */
function columnOfPath(path: readonly PropertyKey[]): string {
  if (path[0] === 'location' && typeof path[1] === 'string') return path[1];
  return String(path[0] ?? 'row');
}

/**
 * A row checked by the API's own schema for the register (the same rules as a form), its issues as problems
 * of their columns; the parsed value when there are none.
 */
export function checkRow<S extends z.ZodType>(
  sheet: RegisterSheet,
  read: ReadRow,
  schema: S,
  candidate: unknown,
): { value?: z.output<S>; problems: RowProblem[] } {
  const { row } = read;
  const result = schema.safeParse(candidate);
  if (result.success) return { value: result.data, problems: [] };
  const seen = new Set<string>(read.unreadable);
  const problems: RowProblem[] = [];
  for (const issue of result.error.issues) {
    const column = columnOfPath(issue.path);
    // one problem per cell is enough to fix it
    if (seen.has(column)) continue;
    seen.add(column);
    problems.push(problemAt(sheet, row, column, issue.code, issue.message));
  }
  return { problems };
}
