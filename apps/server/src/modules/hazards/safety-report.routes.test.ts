import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, expectError, orgIdOf, userIdOf } from '../../test/api.js';
import { enterprises } from './hazards.tables.js';
import { createSafetyWorld, PNG_BASE64, type SafetyWorld } from './hazards.test-support.js';

let w: SafetyWorld;
beforeAll(async () => {
  w = await createSafetyWorld();
});
afterAll(() => w.api.close());

/** The workbook of a download, after checking it is one. */
async function workbookOf(url: string, user = 'dispatcher'): Promise<ExcelJS.Workbook> {
  const response = await w.get(user, url);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

/** The value column of the 合计 sheet, by its label. */
function totalsOf(workbook: ExcelJS.Workbook): Map<string, unknown> {
  const totals = new Map<string, unknown>();
  workbook.getWorksheet('合计')!.eachRow((row, n) => {
    if (n > 1) totals.set(String(row.getCell(1).value), row.getCell(2).value);
  });
  return totals;
}

describe('the quarterly and annual statistical tables', () => {
  it('hold the numbers of the stats API for the org and quarter, and a row per enterprise', async () => {
    const enterpriseId = await w.enterprise('coking');
    for (const level of ['major', 'general', 'general']) {
      const hazard = await w.send('handler', '/api/v1/safety/hazards', {
        enterpriseId,
        level,
        description: '焦炉煤气管道腐蚀泄漏',
      });
      expect(hazard.statusCode, hazard.body).toBe(201);
    }
    const general = (
      await w.get('handler', `/api/v1/safety/hazards?enterpriseId=${enterpriseId}&level=general`)
    ).json();
    const closed = await w.act(general.items[0].id, 'close_on_spot', {
      note: '已当场更换管道',
      photos: [PNG_BASE64],
    });
    expect(closed.statusCode, closed.body).toBe(200);

    const org = await orgIdOf(w.api.ctx, '150300');
    const url = `/api/v1/safety/reports/quarterly.xlsx?org=${org}&year=2026&quarter=4`;
    const response = await w.get('dispatcher', url);
    expect(decodeURIComponent(String(response.headers['content-disposition']))).toContain(
      '隐患排查治理季报_乌海市_2026年第4季度.xlsx',
    );
    const workbook = await workbookOf(url);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['合计', '按行业', '按企业']);
    const stats = (
      await w.get('dispatcher', `/api/v1/safety/stats?org=${org}&from=2026-10-01&to=2026-12-31`)
    ).json();
    expect(stats.found).toBeGreaterThanOrEqual(3);
    expect(stats.rectified).toBeGreaterThanOrEqual(1);
    const totals = totalsOf(workbook);
    expect(Object.fromEntries(totals)).toMatchObject({
      企业数: stats.enterprises,
      监督检查次数: stats.inspections,
      排查隐患: stats.found,
      已整改: stats.rectified,
      整改率: stats.rectificationRate,
      一般隐患: stats.byLevel.general.found,
      重大隐患: stats.byLevel.major.found,
      重大隐患已整改: stats.byLevel.major.rectified,
      挂牌督办重大隐患: stats.listedForSupervision,
      逾期未整改重大隐患: stats.overdueMajor,
    });
    expect(workbook.getWorksheet('合计')!.getRow(6).getCell(2).numFmt).toBe('0.00%');

    const industries = workbook.getWorksheet('按行业')!;
    expect(industries.rowCount - 1).toBe(stats.byIndustry.length);
    const industryFound = stats.byIndustry.reduce((n: number, i: { found: number }) => n + i.found, 0);
    expect(industryFound).toBe(stats.found);

    const enterprises = workbook.getWorksheet('按企业')!;
    expect(enterprises.rowCount - 1).toBe(stats.enterprises);
    let found = 0;
    let rectified = 0;
    enterprises.eachRow((row, n) => {
      if (n === 1) return;
      found += Number(row.getCell(4).value);
      rectified += Number(row.getCell(5).value);
    });
    expect({ found, rectified }).toEqual({ found: stats.found, rectified: stats.rectified });
  });

  it('gives the year in the annual table, the caller’s own org without one', async () => {
    const workbook = await workbookOf('/api/v1/safety/reports/annual.xlsx?year=2026');
    const stats = (await w.get('dispatcher', '/api/v1/safety/stats?from=2026-01-01&to=2026-12-31')).json();
    const totals = totalsOf(workbook);
    expect(totals.get('排查隐患')).toBe(stats.found);
    expect(stats.found).toBeGreaterThanOrEqual(3);
    expect(totals.get('已整改')).toBe(stats.rectified);
    expect(totals.get('企业数')).toBe(stats.enterprises);
  });

  it('refuses a bad quarter or year with 400, an org out of scope with 403, and a citizen', async () => {
    for (const query of ['year=2026&quarter=5', 'year=2026&quarter=0', 'year=2026', 'year=abc&quarter=1'])
      expectError(
        await w.get('dispatcher', `/api/v1/safety/reports/quarterly.xlsx?${query}`),
        400,
        'VALIDATION_FAILED',
      );
    expectError(
      await w.get('dispatcher', '/api/v1/safety/reports/annual.xlsx'),
      400,
      'VALIDATION_FAILED',
      'query.year',
    );
    const city = await orgIdOf(w.api.ctx, '150300');
    expectError(
      await w.get('handler_wd', `/api/v1/safety/reports/annual.xlsx?org=${city}&year=2026`),
      403,
      'OUT_OF_SCOPE',
    );
    expectError(await w.get('citizen', '/api/v1/safety/reports/annual.xlsx?year=2026'), 403, 'FORBIDDEN');
  });
});

/** The enterprise the demo `enterprise` account speaks for. */
async function ownEnterprise(): Promise<number> {
  const account = await userIdOf(w.api.ctx, 'enterprise');
  const [row] = await w.api.ctx.db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(eq(enterprises.accountUserId, account));
  return row!.id;
}

describe('an enterprise account', () => {
  it('reports its self-check hazard and reads its own hazards, never another enterprise’s', async () => {
    const own = await ownEnterprise();
    const recorded = await w.send('enterprise', '/api/v1/safety/hazards', {
      enterpriseId: own,
      level: 'general',
      description: '配电室灭火器过期',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ source: 'self_check', state: 'found', actions: [] });
    expect((await w.get('enterprise', `/api/v1/safety/hazards/${recorded.json().id}`)).statusCode).toBe(200);
    const mine = (await w.get('enterprise', '/api/v1/safety/hazards')).json();
    expect(mine.total).toBeGreaterThanOrEqual(1);
    expect(mine.items.every((h: { enterpriseId: number }) => h.enterpriseId === own)).toBe(true);

    const other = await w.enterprise();
    const theirs = await w.send('handler', '/api/v1/safety/hazards', {
      enterpriseId: other,
      level: 'major',
      description: '脚手架连墙件缺失',
    });
    expectError(await w.get('enterprise', `/api/v1/safety/hazards/${theirs.json().id}`), 403, 'OUT_OF_SCOPE');
    expectError(await w.get('enterprise', `/api/v1/safety/enterprises/${other}`), 403, 'OUT_OF_SCOPE');
    expectError(
      await w.send('enterprise', '/api/v1/safety/hazards', {
        enterpriseId: other,
        level: 'general',
        description: '别家',
      }),
      403,
      'OUT_OF_SCOPE',
    );
    expect((await w.get('enterprise', `/api/v1/safety/hazards?enterpriseId=${other}`)).json().total).toBe(0);
  });

  it('counts its own enterprise’s hazards and inspections in its stats and tables, never another’s', async () => {
    const own = await ownEnterprise();
    const items = [{ item: '安全生产责任制和安全管理制度健全', passed: true }];
    expect(
      (await w.send('admin', '/api/v1/safety/inspections', { enterpriseId: own, items })).statusCode,
    ).toBe(201);
    const major = await w.send('enterprise', '/api/v1/safety/hazards', {
      enterpriseId: own,
      level: 'major',
      description: '液氨储罐区未设置泄漏报警',
    });
    expect(major.statusCode, major.body).toBe(201);
    const before = (await w.get('enterprise', '/api/v1/safety/stats')).json();
    const other = await w.enterprise();
    await w.send('handler', '/api/v1/safety/hazards', {
      enterpriseId: other,
      level: 'general',
      description: '别家',
    });
    await w.send('handler', '/api/v1/safety/inspections', { enterpriseId: other, items });

    const stats = (await w.get('enterprise', '/api/v1/safety/stats')).json();
    expect(stats).toEqual(before);
    const hazards = (await w.get('enterprise', '/api/v1/safety/hazards?pageSize=100')).json();
    const majors = hazards.items.filter((h: { level: string }) => h.level === 'major').length;
    expect(stats).toMatchObject({
      found: hazards.total,
      enterprises: 1,
      inspections: (await w.get('enterprise', '/api/v1/safety/inspections')).json().total,
    });
    expect(stats.byLevel.major.found).toBe(majors);
    expect(majors).toBeGreaterThanOrEqual(1);

    const quarter = (await w.get('enterprise', '/api/v1/safety/stats?from=2026-10-01&to=2026-12-31')).json();
    const workbook = await workbookOf(
      '/api/v1/safety/reports/quarterly.xlsx?year=2026&quarter=4',
      'enterprise',
    );
    expect(Object.fromEntries(totalsOf(workbook))).toMatchObject({
      企业数: 1,
      监督检查次数: quarter.inspections,
      排查隐患: quarter.found,
      已整改: quarter.rectified,
      重大隐患: quarter.byLevel.major.found,
    });
    expect(quarter.found).toBeGreaterThanOrEqual(1);
    const perEnterprise = workbook.getWorksheet('按企业')!;
    expect(perEnterprise.rowCount).toBe(2);
    expect(perEnterprise.getRow(2).getCell(4).value).toBe(quarter.found);
    const annual = await workbookOf('/api/v1/safety/reports/annual.xlsx?year=2026', 'enterprise');
    expect(totalsOf(annual).get('排查隐患')).toBe(
      (await w.get('enterprise', '/api/v1/safety/stats?from=2026-01-01&to=2026-12-31')).json().found,
    );
  });

  it('sees its own record alone on the register, and the inspections of its own enterprise alone', async () => {
    const own = await ownEnterprise();
    const register = (await w.get('enterprise', '/api/v1/safety/enterprises')).json();
    expect(register.total).toBe(1);
    expect(register.items[0]).toMatchObject({ id: own });
    expect((await w.get('enterprise', '/api/v1/safety/enterprises?q=乌海')).json().total).toBeLessThanOrEqual(
      1,
    );
    expect((await w.get('enterprise', `/api/v1/safety/enterprises/${own}`)).statusCode).toBe(200);

    const other = await w.enterprise();
    const items = [{ item: '安全生产责任制和安全管理制度健全', passed: true }];
    const theirs = await w.send('handler', '/api/v1/safety/inspections', { enterpriseId: other, items });
    expect(theirs.statusCode, theirs.body).toBe(201);
    const ours = await w.send('admin', '/api/v1/safety/inspections', { enterpriseId: own, items });
    expect(ours.statusCode, ours.body).toBe(201);
    const inspections = (await w.get('enterprise', '/api/v1/safety/inspections')).json();
    expect(inspections.items.map((i: { id: number }) => i.id)).toContain(ours.json().id);
    expect(inspections.items.every((i: { enterpriseId: number }) => i.enterpriseId === own)).toBe(true);
    expect((await w.get('enterprise', `/api/v1/safety/inspections?enterpriseId=${other}`)).json().total).toBe(
      0,
    );
    expectError(
      await w.get('enterprise', `/api/v1/safety/inspections/${theirs.json().id}`),
      403,
      'OUT_OF_SCOPE',
    );
    expect((await w.get('enterprise', '/api/v1/safety/campaigns')).json().total).toBe(0);
  });

  it('signs its quarterly report once, after the quarter, on time by the 15th; staff see who signed', async () => {
    const own = await ownEnterprise();
    const url = '/api/v1/safety/reports/confirmations';
    const signed = await w.send('enterprise', url, { year: 2026, quarter: 3, principal: '张国华' });
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json()).toMatchObject({
      enterpriseId: own,
      confirmed: true,
      principal: '张国华',
      dueDate: '2026-10-15',
      onTime: true,
    });
    expectError(
      await w.send('enterprise', url, { year: 2026, quarter: 3, principal: '张国华' }),
      409,
      'REPORT_ALREADY_CONFIRMED',
    );
    expectError(
      await w.send('enterprise', url, { year: 2026, quarter: 4, principal: '张国华' }),
      409,
      'REPORT_NOT_CONFIRMABLE',
    );
    expectError(
      await w.send('enterprise', url, { year: 2026, quarter: 3, annual: true, principal: '张国华' }),
      400,
      'VALIDATION_FAILED',
      'quarter',
    );
    expectError(
      await w.send('handler', url, { year: 2026, quarter: 3, principal: '张国华' }),
      403,
      'FORBIDDEN',
    );
    const late = await w.send('enterprise', url, { year: 2025, annual: true, principal: '张国华' });
    expect(late.json()).toMatchObject({ quarter: null, dueDate: '2026-01-31', onTime: false });

    const list = (await w.get('dispatcher', `${url}?year=2026&quarter=3`)).json().items;
    expect(list.find((c: { enterpriseId: number }) => c.enterpriseId === own)).toMatchObject({
      confirmed: true,
      onTime: true,
      confirmedByName: '企业安全负责人（演示）',
    });
    expect(list.filter((c: { confirmed: boolean }) => !c.confirmed).length).toBe(list.length - 1);
    expect((await w.get('enterprise', `${url}?year=2026&quarter=3`)).json().items).toHaveLength(1);
    const audit = await auditEntries(w.api, 'safety.report_confirmed');
    expect(audit[0]).toMatchObject({ actorUsername: 'enterprise', targetId: String(own) });
  });
});
