import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError, fieldError } from '../../../../platform/errors/app-error.js';

/** A cell's value as the import reads it: text, a number as Excel stored it, or nothing. */
export type CellValue = string | number | null;

/** A row of the first worksheet, numbered as the spreadsheet numbers it (the header is row 1). */
export interface SheetRow {
  number: number;
  cells: CellValue[];
}

/** The header and the data rows of an uploaded workbook's first worksheet. */
export interface SheetContent {
  header: string[];
  rows: SheetRow[];
}

function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return cellValue(value.richText.map((part) => part.text).join(''));
    if ('result' in value) return cellValue((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return cellValue(value.text as ExcelJS.CellValue);
  }
  return null;
}

/**
 * Reads the first worksheet of an .xlsx file with exceljs's streaming reader: the header row and then every
 * non-empty row, stopping (400 on `file`) past `maxRows` rows, so that a huge file is refused without being
 * read to its end. A file that is not a workbook is refused with 400 on `file` too.
 */
export async function readFirstSheet(bytes: Buffer, maxRows: number): Promise<SheetContent> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let header: string[] | null = null;
  const rows: SheetRow[] = [];
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        // `values` is sparse and 1-based: every hole is an empty cell
        const cells = Array.from((row.values as ExcelJS.CellValue[]).slice(1), cellValue);
        if (cells.every((cell) => cell === null)) continue;
        if (header === null) {
          header = cells.map((cell) => (cell === null ? '' : String(cell)));
          continue;
        }
        if (rows.length === maxRows) {
          throw fieldError('file', 'too_many_rows', `一次最多导入 ${maxRows} 行，请拆分文件后分批导入`);
        }
        rows.push({ number: row.number, cells });
      }
      break;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fieldError('file', 'not_xlsx', '文件不是有效的 Excel 工作簿（.xlsx），请使用下载的模板');
  }
  if (header === null) throw fieldError('file', 'empty', '文件中没有表头，请使用下载的模板');
  return { header, rows };
}
