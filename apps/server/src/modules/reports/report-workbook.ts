import ExcelJS from 'exceljs';
import type { ReportCell, ReportTable } from './report-tables.js';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };

function writeCell(cell: ExcelJS.Cell, value: ReportCell): void {
  if (value === null) return;
  if (typeof value === 'string' || typeof value === 'number') {
    cell.value = value;
    return;
  }
  // rates stay fractions (0.9783), shown as per cent: a reader can compute with them
  if ('rate' in value) {
    if (value.rate === null) return;
    cell.value = value.rate;
    cell.numFmt = '0.00%';
    return;
  }
  if (value.points === null) return;
  cell.value = value.points;
  cell.numFmt = '+0.00%;-0.00%;0.00%';
}

function addSheet(workbook: ExcelJS.Workbook, table: ReportTable): void {
  const sheet = workbook.addWorksheet(table.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.headers.map((header, i) => ({ header, width: table.widths[i] ?? 12 }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  table.rows.forEach((row, r) => {
    const line = sheet.getRow(r + 2);
    row.forEach((value, c) => {
      writeCell(line.getCell(c + 1), value);
    });
    line.alignment = { vertical: 'top', wrapText: true };
  });
}

/**
 * Tables as an .xlsx workbook titled `title` (a report's, a module's numbers): one sheet per table, Chinese
 * headers, numbers as numbers, rates as per cent.
 */
export async function writeReportWorkbook(title: string, tables: ReportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '善治 shanzhi';
  workbook.title = title;
  for (const table of tables) addSheet(workbook, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
