import { MAX_IMPORT_ROWS, type RegisterKind } from '@shanzhi/shared';
import { inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Actor } from '../../../../platform/auth/actor.js';
import type { AppContext } from '../../../../platform/context.js';
import { orgs } from '../../../orgs/orgs.tables.js';
import { gridsInScope } from './register-import-plans.js';
import { REGISTER_SHEETS, type RegisterColumn, templateHeader } from './register-sheets.js';

/** A column's letter (1 → A, 27 → AA). */
function letterOf(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Worksheets accept data validation by range; exceljs types it on cells only. */
type WithValidations = ExcelJS.Worksheet & {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FF' } };

function addCodeSheet(workbook: ExcelJS.Workbook, columns: readonly RegisterColumn[]): Map<string, string> {
  const codes = workbook.addWorksheet('代码表');
  const ranges = new Map<string, string>();
  columns
    .filter((c) => c.choices)
    .forEach((column, index) => {
      const letter = letterOf(index + 1);
      codes.getColumn(index + 1).width = Math.max(12, column.header.length * 2 + 2);
      codes.getCell(`${letter}1`).value = column.header;
      codes.getCell(`${letter}1`).font = { bold: true };
      column.choices!.forEach((choice, row) => {
        codes.getCell(`${letter}${row + 2}`).value = choice.zh;
      });
      ranges.set(column.key, `'代码表'!$${letter}$2:$${letter}$${column.choices!.length + 1}`);
    });
  return ranges;
}

async function addGridSheet(ctx: AppContext, actor: Actor, workbook: ExcelJS.Workbook): Promise<void> {
  const grids = await gridsInScope(ctx.db, actor.scopePath);
  const parents = await ctx.db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(inArray(orgs.id, [...new Set(grids.flatMap((g) => (g.parentId === null ? [] : [g.parentId])))]));
  const parentName = new Map(parents.map((p) => [p.id, p.name]));
  const sheet = workbook.addWorksheet('网格清单');
  sheet.columns = [
    { header: '网格编码', width: 20 },
    { header: '网格名称', width: 24 },
    { header: '所属社区/村', width: 20 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const grid of grids) {
    sheet.addRow([grid.code, grid.name, grid.parentId === null ? '' : (parentName.get(grid.parentId) ?? '')]);
  }
  sheet.getColumn(1).numFmt = '@';
}

function addGuideSheet(workbook: ExcelJS.Workbook, title: string, columns: readonly RegisterColumn[]): void {
  const guide = workbook.addWorksheet('填写说明');
  guide.getColumn(1).width = 100;
  const lines = [
    `${title}导入模板（依据 GB/T 31000-2015 社会治安综合治理基础数据规范）`,
    `1. 在“${title}”表中从第 2 行起逐行填写，每行一条；一次最多导入 ${MAX_IMPORT_ROWS} 行。表头带 * 的列必填，请勿改动表头。`,
    '2. 所属网格编码见“网格清单”，只能填写您管辖范围内的网格。',
    '3. 公民身份号码、联系电话、统一社会信用代码等列已设为文本格式，请勿改为数字格式，否则长号码末几位会丢失。',
    '4. 带下拉框的列请从下拉选项中选择；可多选的列用“、”分隔。',
    '5. 导入时逐行检查（身份证号码校验位、重复登记、网格是否存在等），有任何一行不合格则整批不导入，并按行号列出问题。',
    '6. 身份证号码和电话在系统中加密保存，列表中只显示部分号码。',
    '',
    '各列说明：',
    ...columns.map((c) => `${templateHeader(c)}${c.hint ? `：${c.hint}` : ''}`),
  ];
  lines.forEach((line, index) => {
    guide.getCell(`A${index + 1}`).value = line;
  });
  guide.getCell('A1').font = { bold: true, size: 13 };
}

/**
 * 导入模板: the register's sheet with the city's columns (required ones starred and red, long numbers as text,
 * code tables as drop-downs), the grids of the caller's scope with their codes, the code tables and a guide.
 */
export async function buildRegisterTemplate(
  ctx: AppContext,
  actor: Actor,
  kind: RegisterKind,
): Promise<Buffer> {
  const { title, columns } = REGISTER_SHEETS[kind];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '善治 市域社会治理智能化综合平台';
  const sheet = workbook.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] }) as WithValidations;
  sheet.columns = columns.map((c) => ({ header: templateHeader(c), key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  header.height = 22;
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.font = { bold: true, color: { argb: column.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = HEADER_FILL;
    if (column.hint) cell.note = column.hint;
    if (column.text) sheet.getColumn(index + 1).numFmt = '@';
  });
  const ranges = addCodeSheet(workbook, columns);
  const lastRow = MAX_IMPORT_ROWS + 1;
  columns.forEach((column, index) => {
    const range = ranges.get(column.key);
    if (!range || column.multiple) return;
    const letter = letterOf(index + 1);
    sheet.dataValidations.add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: !column.required,
      formulae: [range],
      showErrorMessage: true,
      errorTitle: column.header,
      error: `请从下拉列表中选择${column.header}`,
    });
  });
  await addGridSheet(ctx, actor, workbook);
  addGuideSheet(workbook, title, columns);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
