import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../../platform/db/database.js';
import { auditEntries, expectError } from '../../../../test/api.js';
import { createGridWorld, type GridWorld } from '../../grid.test-support.js';
import { firstGridOf, idNumberFor, withWrongCheckDigit } from '../registers.test-support.js';

let w: GridWorld;
let gridCode: string;
beforeAll(async () => {
  w = await createGridWorld();
  const [row] = await queryRows<{ code: string }>(
    w.api.ctx.db,
    sql`select code from orgs where id = ${w.grid.id}`,
  );
  gridCode = row!.code;
});
afterAll(() => w.api.close());

const RESIDENT_HEADER = [
  '*所属网格编码',
  '*小区/街路巷',
  '楼栋',
  '单元',
  '房号',
  '*姓名',
  '*公民身份号码',
  '联系电话',
  '民族',
  '与户主关系',
  '*人口类型',
  '人户状态',
  '户籍地址',
  '现住址',
  '工作单位',
  '关爱/关注类别',
  '备注',
];

/** A workbook of one sheet with `header` and `rows`, as a city's clerk saves it. */
async function workbook(
  header: readonly string[],
  rows: readonly (string | number | null)[][],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('实有人口');
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A resident's row of the template: `serial` makes his ID number, his room and his name. */
function residentRow(serial: number, overrides: Partial<Record<string, string | number | null>> = {}) {
  const values: Record<string, string | number | null> = {
    '*所属网格编码': gridCode,
    '*小区/街路巷': '导入小区',
    楼栋: `${1 + Math.floor(serial / 400)}号楼`,
    单元: `${1 + (Math.floor(serial / 100) % 4)}单元`,
    房号: String(101 + (serial % 100)),
    '*姓名': `居民${serial}`,
    '*公民身份号码': idNumberFor(serial, '110105', new Date(Date.UTC(1980, 0, 1))),
    联系电话: `139${String(serial).padStart(8, '0')}`,
    民族: '汉族',
    与户主关系: serial % 3 === 0 ? '户主' : '子女',
    '*人口类型': serial % 5 === 0 ? '流动人口' : '户籍人口',
    人户状态: '人户一致',
    户籍地址: '内蒙古乌海市海勃湾区',
    现住址: null,
    工作单位: null,
    '关爱/关注类别': serial % 50 === 0 ? '独居老人、残疾人' : null,
    备注: null,
    ...overrides,
  };
  return RESIDENT_HEADER.map((h) => values[h] ?? null);
}

function multipart(content: Buffer) {
  const boundary = '----shanzhi-import-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="实有人口.xlsx"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(user: string, kind: string, content: Buffer): Promise<LightMyRequestResponse> {
  const body = multipart(content);
  return w.api.app.inject({
    method: 'POST',
    url: `/api/v1/grid/register-imports/${kind}`,
    payload: body.payload,
    headers: { ...(await w.api.as(user)), ...body.headers },
  });
}

const events = (response: LightMyRequestResponse) =>
  response.body
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { phase: string; done?: number; rows?: number; created?: object });

async function residentsIn(path: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    w.api.ctx.db,
    sql`select count(*)::int as n from grid_residents where grid_path like ${`${path}%`}`,
  );
  return Number(row!.n);
}

describe('importing residents from Excel', () => {
  it('imports 5,000 rows in one go with their houses, streaming the progress of the write', async () => {
    const before = await residentsIn(w.grid.path);
    const rows = Array.from({ length: 5_000 }, (_, i) => residentRow(i + 1));
    const response = await upload('grid', 'residents', await workbook(RESIDENT_HEADER, rows));
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    const lines = events(response);
    const writing = lines.filter((e) => e.phase === 'writing');
    expect(writing.length).toBeGreaterThanOrEqual(10);
    expect(writing.map((e) => e.done)).toEqual([...writing.map((e) => e.done!)].sort((a, b) => a - b));
    expect(lines.at(-1)).toMatchObject({ phase: 'done', rows: 5_000, created: { residents: 5_000 } });
    expect(await residentsIn(w.grid.path)).toBe(before + 5_000);
    const [entry] = await auditEntries(w.api, 'grid_register.imported');
    expect(entry).toMatchObject({ actorUsername: 'grid', targetId: 'residents' });
    // the people of one room share one house; its household page lists them
    const house = (await w.get('grid', '/api/v1/grid/houses?q=导入小区&pageSize=1')).json().items[0];
    expect(house.residentCount).toBeGreaterThan(0);
    const imported = (
      await w.get(
        'grid',
        `/api/v1/grid/residents?q=${idNumberFor(50, '110105', new Date(Date.UTC(1980, 0, 1)))}`,
      )
    ).json();
    expect(imported.items[0]).toMatchObject({ name: '居民50', flags: ['elderly_alone', 'disabled'] });
  });

  it('names each bad row — check digit, duplicate, unknown grid, a registered person — and imports nothing', async () => {
    const before = await residentsIn('/');
    const wuda = await firstGridOf(w, '150304');
    const rows = [
      residentRow(9001),
      residentRow(9002, { '*公民身份号码': withWrongCheckDigit(idNumberFor(9002)) }),
      residentRow(9003),
      residentRow(9004, { '*公民身份号码': residentRow(9003)[6] as string }),
      residentRow(9005, { '*所属网格编码': '150302999999999' }),
      residentRow(9006, { '*所属网格编码': wuda.code }),
      residentRow(1),
      residentRow(9008, { '*人口类型': '常住' }),
      residentRow(9009, { '*姓名': null }),
    ];
    const response = await upload('grid', 'residents', await workbook(RESIDENT_HEADER, rows));
    expectError(response, 400, 'IMPORT_ROWS_INVALID');
    const fields = response.json().error.fields as { field: string; code: string; message: string }[];
    expect(fields.map((f) => [f.field, f.code])).toEqual([
      ['rows.3.idNumber', 'custom'],
      ['rows.5.idNumber', 'duplicate_in_file'],
      ['rows.6.gridCode', 'unknown_grid'],
      ['rows.7.gridCode', 'out_of_scope'],
      ['rows.8.idNumber', 'already_registered'],
      ['rows.9.populationType', 'unknown_label'],
      ['rows.10.name', 'invalid_type'],
    ]);
    expect(fields[0]!.message).toBe('第 3 行「公民身份号码」：公民身份号码校验位错误（GB 11643），请核对');
    expect(fields[1]!.message).toContain('与第 4 行');
    expect(response.json().error.message).toContain('共 7 行有误');
    expect(await residentsIn('/')).toBe(before);
  });

  it('refuses an ID number Excel stored as a number, and a file without the required columns', async () => {
    // what Excel keeps of an ID number typed into a cell formatted as a number
    const asNumber = residentRow(9101, { '*公民身份号码': Number('150302198001011234') });
    expectError(
      await upload('grid', 'residents', await workbook(RESIDENT_HEADER, [asNumber])),
      400,
      'IMPORT_ROWS_INVALID',
      'rows.2.idNumber',
    );
    expectError(
      await upload('grid', 'residents', await workbook(['姓名', '电话'], [['张三', '13900000000']])),
      400,
      'VALIDATION_FAILED',
      'file',
    );
    expectError(
      await upload('grid', 'residents', Buffer.from('not a workbook')),
      400,
      'VALIDATION_FAILED',
      'file',
    );
  });

  it('is documented in OpenAPI as a stream of NDJSON lines, each an import event', async () => {
    const document = (await w.api.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const answer = document.paths['/api/v1/grid/register-imports/{kind}'].post.responses['200'];
    expect(Object.keys(answer.content)).toEqual(['application/x-ndjson']);
    const schema = JSON.stringify(answer.content['application/x-ndjson'].schema);
    for (const phase of ['writing', 'done', 'failed']) expect(schema).toContain(phase);
  });

  it('is refused to a reader of the registers (the leader)', async () => {
    expectError(
      await upload('leader', 'residents', await workbook(RESIDENT_HEADER, [residentRow(9201)])),
      403,
      'FORBIDDEN',
    );
  });
});

describe('the import template', () => {
  it('has the city’s columns, the caller’s grids and a header the import reads back', async () => {
    const response = await w.get('grid', '/api/v1/grid/register-templates/residents');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain("filename*=UTF-8''");
    const book = new ExcelJS.Workbook();
    await book.xlsx.read(Readable.from([response.rawPayload]));
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('实有人口');
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(RESIDENT_HEADER);
    const grids = book.getWorksheet('网格清单')!;
    expect(grids.rowCount).toBe(2);
    expect(grids.getCell('A2').value).toBe(gridCode);
    // the empty template itself is refused for having no rows, not for its header
    expectError(await upload('grid', 'residents', response.rawPayload), 400, 'VALIDATION_FAILED', 'file');
    expect((await upload('grid', 'residents', response.rawPayload)).json().error.fields[0].code).toBe(
      'no_rows',
    );
  });

  it('imports houses and organisations from their own templates’ columns', async () => {
    const houses = await workbook(
      ['*所属网格编码', '*小区/街路巷', '楼栋', '单元', '房号', '*房屋用途', '*居住情况', '建筑面积(㎡)'],
      [
        [gridCode, '模板小区', '1号楼', '1单元', '101', '住宅', '出租', 86.5],
        [gridCode, '模板小区', '1号楼', '1单元', '102', '住宅', '空置', null],
      ],
    );
    const housed = await upload('grid', 'houses', houses);
    expect(events(housed).at(-1)).toMatchObject({ phase: 'done', created: { houses: 2 } });
    const orgs = await workbook(
      ['*所属网格编码', '*单位名称', '*单位类别', '统一社会信用代码', '*地址', '重点场所类别'],
      [[gridCode, '模板餐馆', '个体工商户', '911100001000044477', '模板小区底商1号', '九小场所、食品经营']],
    );
    const organised = await upload('grid', 'organisations', orgs);
    expect(events(organised).at(-1)).toMatchObject({ phase: 'done', created: { organisations: 1 } });
    const listed = (await w.get('grid', '/api/v1/grid/organisations?q=模板餐馆')).json();
    expect(listed.items[0].tags).toEqual(['nine_small', 'food']);
  });
});

describe('exporting a register', () => {
  it('writes the filtered residents in the template’s columns, numbers in full for the dispatcher, audited', async () => {
    const response = await w.get(
      'dispatcher',
      `/api/v1/grid/residents/export?within=${w.grid.id}&q=${encodeURIComponent('居民50')}`,
    );
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.read(Readable.from([response.rawPayload]));
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as string[]).slice(1, 18)).toEqual(RESIDENT_HEADER);
    const ids = sheet.getColumn(7).values.slice(2);
    expect(ids).toContain(idNumberFor(50, '110105', new Date(Date.UTC(1980, 0, 1))));
    const [entry] = await auditEntries(w.api, 'grid_register.exported');
    expect(entry).toMatchObject({ actorUsername: 'dispatcher', targetId: 'residents' });
    expect(entry!.detail).toMatchObject({ unmasked: true, rows: Number(response.headers['x-total-count']) });
  });

  it('is refused to the grid worker and the leader, who hold no export permission', async () => {
    expectError(await w.get('grid', '/api/v1/grid/residents/export'), 403, 'FORBIDDEN');
    expectError(await w.get('leader', '/api/v1/grid/houses/export'), 403, 'FORBIDDEN');
  });

  it('gives back a file the import refuses row by row as already registered', async () => {
    const exported = await w.get(
      'dispatcher',
      `/api/v1/grid/residents/export?within=${w.grid.id}&q=${encodeURIComponent('居民7')}`,
    );
    const again = await upload('grid', 'residents', exported.rawPayload);
    expectError(again, 400, 'IMPORT_ROWS_INVALID');
    const codes = new Set(again.json().error.fields.map((f: { code: string }) => f.code));
    expect([...codes]).toEqual(['already_registered']);
  });
});
