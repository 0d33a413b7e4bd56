import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { createSeededApi, expectError, orgIdOf, type SeededApi } from '../../../test/api.js';
import { buildCases } from '../../../test/factories.js';
import { resolveActor } from '../../auth/auth.service.js';
import { orgs } from '../../orgs/orgs.tables.js';
import { EXPORT_COLUMNS } from './case-export.columns.js';
import { prepareCaseExport, writeCaseExport } from './case-export.service.js';

let api: SeededApi;
let wudaId: number;

async function pathOf(id: number): Promise<string> {
  const [row] = await api.ctx.db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, id));
  return row!.path;
}

beforeAll(async () => {
  api = await createSeededApi({ clock: new ManualClock('2026-11-23T02:00:00Z') });
  const centre = await orgIdOf(api.ctx, 'center.city');
  const hbw = await orgIdOf(api.ctx, '150302');
  wudaId = await orgIdOf(api.ctx, '150304');
  const [hbwPath, wudaPath] = [await pathOf(hbw), await pathOf(wudaId)];
  // 30 hotline cases in 海勃湾区, 10 online ones in 乌达区, one minute apart
  await buildCases(api.ctx.db, 40, (i) => ({
    currentOrgId: centre,
    source: i < 30 ? 'hotline_12345' : 'online',
    districtId: i < 30 ? hbw : wudaId,
    areaPath: i < 30 ? hbwPath : wudaPath,
    createdAt: new Date(Date.parse('2026-11-01T02:00:00Z') + i * 60_000),
  }));
});
afterAll(() => api?.close());

async function exportAs(user: string, query: string) {
  return api.app.inject({
    method: 'GET',
    url: `/api/v1/cases/export${query}`,
    headers: await api.as(user),
  });
}

/** The rows of the first sheet as arrays of cell texts (header first). */
async function sheetRows(body: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push(EXPORT_COLUMNS.map((_, i) => String(row.getCell(i + 1).value ?? '')));
  });
  return rows;
}

describe('GET /api/v1/cases/export', () => {
  it('streams the list’s filter as a workbook with Chinese headers, masked for a supervisor', async () => {
    const response = await exportAs('supervisor', '?source=hotline_12345&sort=created_desc');
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('工单导出_20261123.xlsx')}`,
    );
    expect(response.headers['x-total-count']).toBe('30');
    const rows = await sheetRows(response.rawPayload);
    expect(rows[0]).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    expect(rows[0]).toEqual(expect.arrayContaining(['工单编号', '诉求人', '联系电话', '时限状态', '满意度']));
    const data = rows.slice(1);
    expect(data).toHaveLength(30);
    const col = (header: string) => EXPORT_COLUMNS.findIndex((c) => c.header === header);
    expect(new Set(data.map((r) => r[col('来源')]))).toEqual(new Set(['12345热线']));
    expect(new Set(data.map((r) => r[col('所属区')]))).toEqual(new Set(['海勃湾区']));
    expect(data[0]![col('联系电话')]).toBe('139****5678');
    expect(data[0]![col('诉求人')]).toBe('张**');
    expect(data[0]![col('地址')]).toMatch(/\*\*\*\*$/);
    // newest first, as the list sorts, in Beijing time
    expect(data[0]![col('登记时间')]).toBe('2026-11-01 10:29');
    expect(data[29]![col('登记时间')]).toBe('2026-11-01 10:00');
  });

  it('shows personal data in full to a dispatcher, who holds personal_data.read', async () => {
    const rows = await sheetRows((await exportAs('dispatcher', '?source=online')).rawPayload);
    expect(rows.slice(1)).toHaveLength(10);
    const phone = EXPORT_COLUMNS.findIndex((c) => c.header === '联系电话');
    expect(rows[1]![phone]).toBe('13912345678');
  });

  it('keeps to the caller’s scope, and refuses a `within` outside it with 403', async () => {
    const own = await exportAs('dispatcher_hbw', '');
    expect(own.headers['x-total-count']).toBe('30');
    expectError(await exportAs('dispatcher_hbw', `?within=${wudaId}`), 403, 'OUT_OF_SCOPE');
  });

  it('refuses roles without case.export and bad filters before sending anything', async () => {
    expectError(await exportAs('handler', ''), 403, 'FORBIDDEN');
    expectError(await exportAs('supervisor', '?state=nonsense'), 400, 'VALIDATION_FAILED');
    expectError(await exportAs('supervisor', '?cursor=abc'), 400, 'VALIDATION_FAILED');
    expectError(await exportAs('supervisor', '?limit=5'), 400, 'VALIDATION_FAILED');
    expectError(await exportAs('supervisor', '?categoryId=999999'), 400, 'VALIDATION_FAILED', 'categoryId');
    expectError(await exportAs('supervisor', '?citizenPhone=13912345678'), 403, 'FORBIDDEN');
  });

  it('refuses an export above the cap with 400 EXPORT_TOO_LARGE, counting first', async () => {
    const actor = await resolveActor(api.ctx, (await api.as('supervisor')).authorization.slice(7), '::1');
    const refusal = await prepareCaseExport(api.ctx, actor, { sort: 'created_desc' }, 39).catch((e) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: 'EXPORT_TOO_LARGE', status: 400 });
    expect(refusal.message).toContain('缩小');
    await expect(prepareCaseExport(api.ctx, actor, { sort: 'created_desc' }, 40)).resolves.toMatchObject({
      total: 40,
    });
  });
});

describe('memory of a large export', () => {
  it('writes 20,000 cases in batches of 1,000 without holding them all', async () => {
    const centre = await orgIdOf(api.ctx, 'center.city');
    await buildCases(api.ctx.db, 20_000, (i) => ({
      currentOrgId: centre,
      source: 'petition',
      description: `信访事项 ${i}：${'反映小区供暖不热、物业服务不到位等问题。'.repeat(4)}`,
      createdAt: new Date(Date.parse('2026-10-01T00:00:00Z') + i * 1_000),
    }));
    const actor = await resolveActor(api.ctx, (await api.as('supervisor')).authorization.slice(7), '::1');
    const prepared = await prepareCaseExport(api.ctx, actor, { source: ['petition'], sort: 'deadline_asc' });
    expect(prepared.total).toBe(20_000);

    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    });
    const batches: number[] = [];
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const written = await writeCaseExport(api.ctx, actor, prepared, sink, {
      onBatch: (n) => {
        batches.push(n);
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      },
    });
    const mb = (n: number) => (n / 1_048_576).toFixed(1);
    console.log(
      `export of ${written} rows: ${mb(bytes)} MB of xlsx in ${batches.length} batches; ` +
        `heap before ${mb(before)} MB, peak ${mb(peak)} MB (growth ${mb(peak - before)} MB)`,
    );
    expect(written).toBe(20_000);
    expect(batches).toHaveLength(20);
    expect(Math.max(...batches)).toBe(1_000);
    expect(bytes).toBeGreaterThan(100_000);
    // building and writing 20,000 cases takes ~20 s alone and longer on a busy machine: a guard, not a measure
  }, 240_000);
});
