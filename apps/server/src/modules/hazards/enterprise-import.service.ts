import {
  type EnterpriseImportResult,
  EnterpriseInput,
  INDUSTRIES,
  INDUSTRY_LABELS,
  type Industry,
} from '@shanzhi/shared';
import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Actor } from '../../platform/auth/actor.js';
import { isInScope } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { type CellValue, readFirstSheet } from '../grid/registers/io/xlsx-rows.js';
import { orgs } from '../orgs/orgs.tables.js';
import { findTakenCreditCodes, insertEnterprises } from './enterprises.repository.js';
import { enterpriseRowOf } from './enterprises.service.js';

/** The most rows one import takes. */
const MAX_ENTERPRISE_ROWS = 5_000;

/** The columns of the import sheet, in order: header and the input field each fills. */
export const ENTERPRISE_IMPORT_COLUMNS = [
  { header: '企业名称', field: 'name' },
  { header: '统一社会信用代码', field: 'creditCode' },
  { header: '行业', field: 'industry' },
  { header: '地址', field: 'address' },
  { header: '所在区域', field: 'orgId' },
  { header: '主要负责人', field: 'principal.name' },
  { header: '负责人电话', field: 'principal.phone' },
  { header: '安全管理人员', field: 'safetyOfficer.name' },
  { header: '安全管理人员电话', field: 'safetyOfficer.phone' },
] as const;

const INDUSTRY_BY_LABEL = new Map(INDUSTRIES.map((i) => [INDUSTRY_LABELS[i], i] as [string, Industry]));

/** The import template: the header row and one example. */
export async function buildEnterpriseTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业台账');
  sheet.addRow(ENTERPRISE_IMPORT_COLUMNS.map((c) => c.header)).font = { bold: true };
  sheet.addRow([
    '乌海市示例焦化有限公司',
    '91150300MA0N000000',
    '焦化',
    '海南区西卓子山街道工业园区',
    '海南区',
    '张三',
    '13900000000',
    '李四',
    '13900000001',
  ]);
  sheet.columns.forEach((column) => {
    column.width = 22;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function textOf(cell: CellValue | undefined): string | undefined {
  return cell === null || cell === undefined ? undefined : String(cell).trim();
}

function person(name: string | undefined, phone: string | undefined) {
  return name ? { name, ...(phone ? { phone } : {}) } : undefined;
}

/** The territories named in the sheet: active orgs of the caller's scope, by name. */
async function territoriesByName(ctx: AppContext, actor: Actor, names: string[]) {
  if (names.length === 0) return new Map<string, { id: number; path: string }>();
  const rows = await ctx.db
    .select({ id: orgs.id, name: orgs.name, path: orgs.path })
    .from(orgs)
    .where(
      and(
        inArray(orgs.name, names),
        eq(orgs.active, true),
        inArray(orgs.kind, ['district', 'town', 'community']),
      ),
    );
  return new Map(rows.filter((r) => isInScope(actor, r.path)).map((r) => [r.name, r]));
}

/**
 * 企业台账导入: reads the first sheet, checks every row as `POST /api/v1/safety/enterprises` would, and adds the
 * good ones, supervised by the caller's org; a refused row is named with its field and why (the row as the
 * sheet numbers it), and a credit code already registered (or twice in the sheet) is skipped as such.
 */
export async function importEnterprises(
  ctx: AppContext,
  actor: Actor,
  bytes: Buffer,
): Promise<EnterpriseImportResult> {
  const { rows } = await readFirstSheet(bytes, MAX_ENTERPRISE_ROWS);
  const territories = await territoriesByName(ctx, actor, [
    ...new Set(rows.map((r) => textOf(r.cells[4])).filter((n): n is string => Boolean(n))),
  ]);
  const errors: EnterpriseImportResult['errors'] = [];
  const good: { row: number; input: EnterpriseInput; territory: { id: number; path: string } }[] = [];
  for (const { number, cells } of rows) {
    const [name, creditCode, industry, address, area, principal, principalPhone, officer, officerPhone] =
      cells.map(textOf);
    const territory = area ? territories.get(area) : { id: actor.orgId, path: actor.orgPath };
    if (!territory) {
      errors.push({
        row: number,
        field: '所在区域',
        message: `「${area}」不是您管辖范围内的区县、街道或社区`,
      });
      continue;
    }
    const parsed = EnterpriseInput.safeParse({
      name,
      creditCode,
      industry: industry ? (INDUSTRY_BY_LABEL.get(industry) ?? industry) : undefined,
      address,
      principal: person(principal, principalPhone),
      safetyOfficer: person(officer, officerPhone),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = ENTERPRISE_IMPORT_COLUMNS.find((c) => c.field === issue.path.join('.'))?.header;
      errors.push({ row: number, field: field ?? issue.path.join('.'), message: issue.message });
      continue;
    }
    good.push({ row: number, input: parsed.data, territory });
  }
  const taken = await findTakenCreditCodes(
    ctx.db,
    good.map((g) => g.input.creditCode),
  );
  const now = ctx.clock.now();
  const supervising = { id: actor.orgId, path: actor.orgPath };
  const fresh = good.filter((g) => {
    if (!taken.has(g.input.creditCode)) {
      taken.add(g.input.creditCode);
      return true;
    }
    errors.push({
      row: g.row,
      field: '统一社会信用代码',
      message: `${g.input.creditCode} 已登记，未重复导入`,
    });
    return false;
  });
  await insertEnterprises(
    ctx.db,
    fresh.map((g) => enterpriseRowOf(g.input, { territory: g.territory, supervising }, actor, now)),
  );
  errors.sort((a, b) => a.row - b.row);
  return { created: fresh.length, skipped: rows.length - fresh.length, errors };
}
