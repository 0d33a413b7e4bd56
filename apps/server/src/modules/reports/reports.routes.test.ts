import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { createSeededApi, expectError, orgIdOf, type SeededApi } from '../../test/api.js';
import { bj, buildKpiFixture, type KpiFixtureOrgs } from '../kpis/kpis.test-support.js';
import { findOrgBriefs } from '../orgs/org-briefs.repository.js';
import { formatRate } from './report-format.js';
import { settleReportGenerations } from './report-generation.js';
import { claimReport, queueReport } from './reports.repository.js';

let api: SeededApi;
let ids: KpiFixtureOrgs;
let city: number;

beforeAll(async () => {
  api = await createSeededApi({ clock: new ManualClock(bj('12-05 10:00')) });
  ids = await buildKpiFixture(api);
  city = await orgIdOf(api.ctx, '150300');
});
afterAll(async () => {
  if (api) await settleReportGenerations(api.ctx);
  await api?.close();
});

async function call(user: string, method: 'GET' | 'POST', url: string, payload?: object) {
  return api.app.inject({ method, url, payload, headers: await api.as(user) });
}

async function generated(user: string, body: object) {
  const response = await call(user, 'POST', '/api/v1/reports', body);
  expect(response.statusCode, response.body).toBe(202);
  await settleReportGenerations(api.ctx);
  return response.json() as { id: number; created: boolean };
}

async function cellsOf(sheet: ExcelJS.Worksheet): Promise<Map<string, unknown[]>> {
  const rows = new Map<string, unknown[]>();
  sheet.eachRow((row, n) => {
    if (n > 1) rows.set(String(row.getCell(1).value), (row.values as unknown[]).slice(1));
  });
  return rows;
}

describe('POST /api/v1/reports', () => {
  it('refuses a period that does not fit the kind, with the field', async () => {
    for (const [kind, period] of [
      ['monthly', '2026-11-01'],
      ['weekly', '2026-W54'],
      ['daily', '2026-02-30'],
      ['monthly', '2026-13'],
    ]) {
      expectError(
        await call('leader', 'POST', '/api/v1/reports', { kind, org: city, period }),
        400,
        'VALIDATION_FAILED',
        'period',
      );
    }
    expectError(
      await call('leader', 'POST', '/api/v1/reports', { kind: 'yearly', org: city, period: '2026' }),
      400,
      'VALIDATION_FAILED',
      'kind',
    );
  });

  it('refuses a period that has not ended yet', async () => {
    expectError(
      await call('leader', 'POST', '/api/v1/reports', { kind: 'monthly', org: city, period: '2026-12' }),
      400,
      'VALIDATION_FAILED',
      'period',
    );
  });

  it('is refused to a role without report.generate, and outside the caller’s scope', async () => {
    expectError(
      await call('handler', 'POST', '/api/v1/reports', { kind: 'daily', org: city, period: '2026-11-02' }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('dispatcher_hbw', 'POST', '/api/v1/reports', {
        kind: 'daily',
        org: ids.wuda,
        period: '2026-11-02',
      }),
      403,
      'OUT_OF_SCOPE',
    );
  });

  it('answers the report already kept for the same kind, org and period instead of a second one', async () => {
    const first = await generated('leader', { kind: 'weekly', org: ids.hbw, period: '2026-W45' });
    const again = await generated('dispatcher_hbw', { kind: 'weekly', org: ids.hbw, period: '2026-W45' });
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ id: first.id, created: false });
  });
});

describe('a report while it is produced', () => {
  it('answers 409 REPORT_NOT_READY for its files, and 404 for an unknown report', async () => {
    const now = bj('12-05 10:00');
    const wuda = (await findOrgBriefs(api.ctx.db, [ids.wuda])).get(ids.wuda)!;
    const { row } = await queueReport(
      api.ctx.db,
      {
        kind: 'monthly',
        orgId: ids.wuda,
        orgPath: wuda.path,
        period: '2026-10',
        fromDate: '2026-10-01',
        toDate: '2026-10-31',
        requestedByUserId: null,
      },
      now,
    );
    await claimReport(api.ctx.db, row.id, now, now);
    const report = await call('leader', 'GET', `/api/v1/reports/${row.id}`);
    expect(report.json()).toMatchObject({ status: 'generating', statusLabel: '生成中', progress: 1 });
    expectError(
      await call('leader', 'GET', `/api/v1/reports/${row.id}/document.docx`),
      409,
      'REPORT_NOT_READY',
    );
    expectError(
      await call('leader', 'GET', `/api/v1/reports/${row.id}/tables.xlsx`),
      409,
      'REPORT_NOT_READY',
    );
    expectError(await call('leader', 'GET', '/api/v1/reports/999999/document.docx'), 404, 'REPORT_NOT_FOUND');
  });
});

describe('the monthly report of the city', () => {
  let id: number;
  let kpis: {
    counts: Record<string, number>;
    rates: Record<string, { label: string; value: number | null }>;
  };

  beforeAll(async () => {
    ({ id } = await generated('leader', { kind: 'monthly', org: city, period: '2026-11' }));
    kpis = (await call('leader', 'GET', `/api/v1/kpis?org=${city}&from=2026-11-01&to=2026-11-30`)).json();
  });

  it('is ready, with its period and org', async () => {
    const report = (await call('leader', 'GET', `/api/v1/reports/${id}`)).json();
    expect(report).toMatchObject({
      kind: 'monthly',
      kindLabel: '每月总结',
      orgId: city,
      period: '2026-11',
      from: '2026-11-01',
      to: '2026-11-30',
      status: 'ready',
      progress: 100,
      error: null,
      scheduled: false,
    });
    expect(report.title).toBe('乌海市 2026年11月 每月总结');
  });

  it('holds in its workbook the numbers of GET /api/v1/kpis for the same org and period', async () => {
    const response = await call('leader', 'GET', `/api/v1/reports/${id}/tables.xlsx`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '主要指标',
      '诉求量按来源',
      '诉求量按渠道',
      '诉求量按诉求类型',
      '诉求量按事项大类',
      '承办单位排名',
      '超期工单',
      '热点问题',
      '预警',
      '每日趋势',
    ]);
    const overview = await cellsOf(workbook.getWorksheet('主要指标')!);
    expect(overview.get('登记件数')?.[1]).toBe(kpis.counts.total);
    expect(overview.get('登记件数')?.[1]).toBe(16);
    expect(overview.get('超期件数')?.[1]).toBe(kpis.counts.overdue);
    expect(overview.get('有效回访件数')?.[1]).toBe(kpis.counts.validCallbacks);
    for (const key of ['responseRate', 'solvingRate', 'satisfactionRate', 'compositeScore', 'closingRate']) {
      const rate = kpis.rates[key]!;
      expect(overview.get(rate.label)?.[1], key).toBeCloseTo(rate.value!, 12);
    }
    const bySource = await cellsOf(workbook.getWorksheet('诉求量按来源')!);
    const sum = [...bySource.values()].reduce((n, row) => n + Number(row[1]), 0);
    expect(sum).toBe(kpis.counts.total);
    const overdue = workbook.getWorksheet('超期工单')!;
    expect(overdue.rowCount - 1).toBe(kpis.counts.overdue);
  });

  it('ranks the units as GET /api/v1/kpis/ranking does, flagged units included', async () => {
    const ranking = (
      await call('leader', 'GET', '/api/v1/kpis/ranking?level=unit&from=2026-11-01&to=2026-11-30')
    ).json();
    const response = await call('leader', 'GET', `/api/v1/reports/${id}/tables.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('承办单位排名')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows.map((r) => [r[1], r[7]])).toEqual(
      ranking.items.map((i: { org: { name: string }; flagged: boolean }) => [
        i.org.name,
        i.flagged ? '是' : '否',
      ]),
    );
  });

  it('is a Word document with the title, the org, the period and the same numbers, and charts as images', async () => {
    const response = await call('leader', 'GET', `/api/v1/reports/${id}/document.docx`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.headers['content-disposition']).toContain(
      encodeURIComponent('乌海市 2026年11月 每月总结.docx'),
    );
    const zip = await JSZip.loadAsync(response.rawPayload);
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('研判专刊');
    expect(text).toContain('乌海市 2026年11月 每月总结');
    expect(text).toContain('统计周期：2026-11-01 至 2026-11-30');
    expect(text).toContain(`共登记诉求 ${kpis.counts.total} 件`);
    expect(text).toContain(`满意率 ${formatRate(kpis.rates.satisfactionRate!.value)}`);
    expect(text).toContain(`综合得分 ${formatRate(kpis.rates.compositeScore!.value)}`);
    expect(
      Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png')),
    ).toHaveLength(3);
  });
});

describe('GET /api/v1/reports', () => {
  it('pages the reports of the caller’s scope, filtered by kind and org', async () => {
    const all = (await call('leader', 'GET', '/api/v1/reports?pageSize=50')).json();
    expect(all.items.map((r: { period: string }) => r.period)).toEqual(
      expect.arrayContaining(['2026-11', '2026-W45', '2026-10']),
    );
    const weekly = (await call('leader', 'GET', `/api/v1/reports?kind=weekly&org=${ids.hbw}`)).json();
    expect(weekly).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(weekly.items[0]).toMatchObject({ kind: 'weekly', orgId: ids.hbw, orgName: '海勃湾区' });
  });

  it('shows a district’s staff only the reports of his district', async () => {
    const own = (await call('dispatcher_hbw', 'GET', '/api/v1/reports')).json();
    expect(own.items.map((r: { orgId: number }) => r.orgId)).toEqual([ids.hbw]);
    expectError(await call('dispatcher_hbw', 'GET', `/api/v1/reports?org=${city}`), 403, 'OUT_OF_SCOPE');
    const cityReport = (await call('leader', 'GET', `/api/v1/reports?kind=monthly&org=${city}`)).json()
      .items[0];
    expectError(await call('dispatcher_hbw', 'GET', `/api/v1/reports/${cityReport.id}`), 403, 'OUT_OF_SCOPE');
    expectError(await call('handler', 'GET', '/api/v1/reports'), 403, 'FORBIDDEN');
  });
});
