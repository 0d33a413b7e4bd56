import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/api.js';
import { seedMediationHistory } from './demo/seed-mediation-history.js';
import { createMediationWorld, type MediationWorld } from './mediation.test-support.js';

let w: MediationWorld;
beforeAll(async () => {
  w = await createMediationWorld('2026-12-01T01:00:00.000Z');
  await seedMediationHistory(w.api.ctx, 1500);
});
afterAll(() => w.api.close());

describe('the numbers of mediation', () => {
  it('give the demo year a resolution rate near 96 %, most of it settled in the villages', async () => {
    const stats = await w.get('leader', '/api/v1/mediation/stats?from=2025-12-01&to=2026-12-01');
    expect(stats.statusCode, stats.body).toBe(200);
    const { counts, orgRanking, mediatorRanking, byField } = stats.json();
    expect(counts.received).toBe(1500);
    expect(counts.resolutionRate).toBeGreaterThan(0.95);
    expect(counts.resolutionRate).toBeLessThan(0.97);
    expect(counts.communityShare).toBeGreaterThan(0.6);
    expect(counts.townShare).toBeGreaterThanOrEqual(counts.communityShare);
    expect(counts.performed).toBeGreaterThan(counts.agreed * 0.8);
    expect(orgRanking.map((r: { name: string }) => r.name)).toEqual(
      expect.arrayContaining(['海勃湾区', '乌达区', '海南区']),
    );
    expect(mediatorRanking[0].rank).toBe(1);
    expect(byField[0].field).toBe('neighbour');
  });

  it('counts one district, and refuses a period that ends before it starts', async () => {
    const city = (await w.get('leader', '/api/v1/mediation/stats?from=2025-12-01&to=2026-12-01')).json();
    const district = city.orgRanking[0];
    const one = (
      await w.get('leader', `/api/v1/mediation/stats?org=${district.id}&from=2025-12-01&to=2026-12-01`)
    ).json();
    expect(one.counts.mediated).toBe(district.mediated);
    expectError(
      await w.get('leader', '/api/v1/mediation/stats?from=2026-12-01&to=2026-01-01'),
      400,
      'VALIDATION_FAILED',
      'from',
    );
  });
});

describe('以调定补', () => {
  it('pays by the city’s table per agreed dispute, and exports the month per mediator to Excel', async () => {
    const table = (await w.get('admin', '/api/v1/mediation/subsidies')).json();
    expect(table.items).toContainEqual({ field: 'neighbour', difficulty: 'ordinary', amountYuan: 200 });
    const set = await w.api.app.inject({
      method: 'PUT',
      url: '/api/v1/mediation/subsidies',
      headers: await w.api.as('admin'),
      payload: { items: [{ field: 'neighbour', difficulty: 'ordinary', amountYuan: 300 }] },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().items).toContainEqual({ field: 'neighbour', difficulty: 'ordinary', amountYuan: 300 });
    const statement = (
      await w.get('dispatcher', '/api/v1/mediation/subsidies/statement?month=2026-10')
    ).json();
    expect(statement.lines.length).toBeGreaterThan(0);
    expect(statement.totalYuan).toBe(
      statement.lines.reduce((s: number, l: { amountYuan: number }) => s + l.amountYuan, 0),
    );
    const xlsx = await w.get('dispatcher', '/api/v1/mediation/subsidies/statement.xlsx?month=2026-10');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toContain('补贴金额（元）');
    expect(sheet.rowCount).toBe(statement.lines.length + 2);
    expectError(
      await w.get('mediator', '/api/v1/mediation/subsidies/statement?month=2026-13'),
      403,
      'FORBIDDEN',
    );
  });
});
