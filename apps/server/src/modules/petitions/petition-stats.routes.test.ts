import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { createSeededApi, expectError, type SeededApi } from '../../test/api.js';

let api: SeededApi;
let clock: ManualClock;

// valid resident ID numbers (GB 11643 check digits)
const ELDER = { name: '韩德胜', idNumber: '150302194805120019' };
const NEIGHBOUR = { name: '刘桂兰', idNumber: '150302195203040024' };

/** March and April 2032 in Beijing time; a year earlier, March and April 2031 (years after the demo's). */
const PERIOD = 'from=2032-03-01T00:00:00%2B08:00&to=2032-05-01T00:00:00%2B08:00';

function at(instant: string) {
  clock.set(new Date(instant));
  // the sessions idle out while the clock travels
  api.forgetSessions();
}

async function register(user: string, matter: string, petitioner = ELDER): Promise<number> {
  const created = await api.send(
    'POST',
    '/api/v1/petitions',
    { mode: 'proactive', matter, petitioners: [petitioner] },
    user,
  );
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id;
}

async function step(id: number, action: string, body: Record<string, unknown> = {}) {
  const { version } = (await api.get(`/api/v1/petitions/${id}`, 'petition')).json();
  const response = await api.send(
    'POST',
    `/api/v1/petitions/${id}/actions/${action}`,
    { version, ...body },
    'petition',
  );
  expect(response.statusCode, response.body).toBe(200);
}

/**
 * The agency points' petitions: the police bureau (`petition`), the city's command centre (`dispatcher`) and
 * Haibowan's (`dispatcher_hbw`). Last year the bureau had 2 (1 a repeat), Haibowan 1; this year the bureau 4
 * (1 repeat, 2 accepted, 1 closed resolved and visited back satisfied), Haibowan 1, the city centre 1.
 */
beforeAll(async () => {
  clock = new ManualClock('2031-03-10T02:00:00.000Z');
  api = await createSeededApi({ clock });
  await register('petition', '小区停车位被长期占用');
  await register('petition', '小区停车位被长期占用！');
  await register('dispatcher_hbw', '楼道堆物存在消防隐患', NEIGHBOUR);

  at('2032-03-10T02:00:00.000Z');
  const resolved = await register('petition', '物业费上涨未经业主大会表决', NEIGHBOUR);
  await step(resolved, 'accept');
  await step(resolved, 'answer', { answer: '已责令物业公司暂停执行新标准' });
  await step(resolved, 'close', { resolved: true });
  await step(resolved, 'visit_back', { satisfaction: 'satisfied' });
  await step(await register('petition', '养老金发放标准核定有误'), 'accept');
  await register('petition', '物业费上涨未经业主大会表决', NEIGHBOUR);
  await register('dispatcher_hbw', '菜市场噪音扰民');
  // 1 April 01:00 in Beijing, still 31 March in UTC: an April petition
  at('2032-03-31T17:00:00.000Z');
  await register('dispatcher', '公交站台损坏无人维修', NEIGHBOUR);
  at('2032-04-02T02:00:00.000Z');
  await register('petition', '供暖管道漏水无人维修');
});
afterAll(() => api.close());

describe('the petition numbers per agency point and month', () => {
  it('counts the whole, each agency point and each Beijing month, with the repeat rate a year earlier', async () => {
    const response = await api.get(`/api/v1/petitions/stats?${PERIOD}`, 'leader');
    expect(response.statusCode, response.body).toBe(200);
    const stats = response.json();
    expect(stats).toMatchObject({
      org: { name: '乌海市' },
      total: 6,
      accepted: 2,
      closed: 1,
      resolved: 1,
      resolutionRate: 1,
      visited: 1,
      satisfied: 1,
      satisfactionRate: 1,
      repeats: 1,
      repeatRate: 0.1667,
      // the two of 10 March not accepted within 15 days
      overdue: 2,
      lastYear: { total: 3, repeats: 1, repeatRate: 0.3333 },
    });
    expect(stats.lastYear.repeatRateChange).toBeCloseTo(-0.5, 3);

    const [police, ...others] = stats.byAgency;
    expect(police).toMatchObject({
      org: { name: '乌海市公安局' },
      total: 4,
      accepted: 2,
      closed: 1,
      resolved: 1,
      visited: 1,
      satisfied: 1,
      repeats: 1,
      repeatRate: 0.25,
      overdue: 1,
      lastYear: { total: 2, repeats: 1, repeatRate: 0.5, repeatRateChange: -0.5 },
    });
    expect(others).toHaveLength(2);
    const haibowan = others.find((a: { org: { name: string } }) => a.org.name.includes('海勃湾'));
    const city = others.find((a: { org: { name: string } }) => a !== haibowan);
    expect(haibowan).toMatchObject({
      total: 1,
      repeats: 0,
      repeatRate: 0,
      overdue: 1,
      lastYear: { total: 1, repeats: 0, repeatRate: 0, repeatRateChange: null },
    });
    expect(city).toMatchObject({
      total: 1,
      overdue: 0,
      lastYear: { total: 0, repeats: 0, repeatRate: null, repeatRateChange: null },
    });

    expect(stats.byMonth).toMatchObject([
      { month: '2032-03', total: 4, accepted: 2, closed: 1, repeats: 1, repeatRate: 0.25 },
      { month: '2032-04', total: 2, accepted: 0, repeats: 0, repeatRate: 0 },
    ]);
  });

  it('follows the caller’s scope: a district’s centre sees its own agency points, not the city', async () => {
    const own = (await api.get(`/api/v1/petitions/stats?${PERIOD}`, 'dispatcher_hbw')).json();
    expect(own).toMatchObject({ total: 1, lastYear: { total: 1 } });
    expect(own.byAgency).toHaveLength(1);
    const police = (await api.get(`/api/v1/petitions/stats?${PERIOD}`, 'leader')).json().byAgency[0];
    expectError(
      await api.get(`/api/v1/petitions/stats?org=${police.org.id}&${PERIOD}`, 'dispatcher_hbw'),
      403,
      'OUT_OF_SCOPE',
    );
  });

  it('has no comparison with last year for a period without a start', async () => {
    const stats = (await api.get('/api/v1/petitions/stats?to=2032-05-01T00:00:00%2B08:00', 'leader')).json();
    expect(stats.lastYear).toBeNull();
    expect(stats.byAgency.every((a: { lastYear: unknown }) => a.lastYear === null)).toBe(true);
  });
});

describe('the petition numbers as a workbook', () => {
  it('has the totals, each agency point and each month with Chinese headers and rates as per cent', async () => {
    const response = await api.get(`/api/v1/petitions/stats.xlsx?${PERIOD}`, 'leader');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(response.headers['content-disposition']))).toContain(
      '信访统计_乌海市_2032-03-01_2032-04-30.xlsx',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['合计', '按代办点', '按月']);

    const totals = workbook.getWorksheet('合计')!;
    expect(totals.getRow(1).values).toEqual([undefined, '指标', '本期', '去年同期', '同比']);
    const byLabel = new Map<string, ExcelJS.Row>();
    totals.eachRow((row) => byLabel.set(String(row.getCell(1).value), row));
    expect(byLabel.get('信访量')!.getCell(2).value).toBe(6);
    expect(byLabel.get('信访量')!.getCell(3).value).toBe(3);
    const repeatRate = byLabel.get('重复访率')!;
    expect(repeatRate.getCell(2)).toMatchObject({ value: 0.1667, numFmt: '0.00%' });
    expect(repeatRate.getCell(3)).toMatchObject({ value: 0.3333, numFmt: '0.00%' });
    expect(repeatRate.getCell(4).value).toBeCloseTo(-0.5, 3);
    expect(repeatRate.getCell(4).numFmt).toContain('%');

    const points = workbook.getWorksheet('按代办点')!;
    const headers = points.getRow(1).values as unknown[];
    expect(headers.slice(1, 3)).toEqual(['代办点', '信访量']);
    expect(headers).toContain('重复访率同比');
    const police = points.getRow(2);
    expect(police.getCell(1).value).toBe('乌海市公安局');
    expect(police.getCell(2).value).toBe(4);
    const column = (header: string) => headers.indexOf(header);
    expect(police.getCell(column('化解率'))).toMatchObject({ value: 1, numFmt: '0.00%' });
    expect(police.getCell(column('重复访率'))).toMatchObject({ value: 0.25, numFmt: '0.00%' });
    expect(police.getCell(column('去年同期重复访率')).value).toBe(0.5);
    expect(police.getCell(column('重复访率同比')).value).toBe(-0.5);
    expect(points.rowCount).toBe(4);

    const months = workbook.getWorksheet('按月')!;
    expect((months.getRow(2).values as unknown[]).slice(1, 6)).toEqual(['2032-03', 4, 2, 1, 1]);
    expect(months.getRow(3).getCell(1).value).toBe('2032-04');
    expect(months.getRow(3).getCell(2).value).toBe(2);
  });

  it('needs petition.read and refuses a bad period with 400', async () => {
    expectError(await api.get(`/api/v1/petitions/stats.xlsx?${PERIOD}`, 'grid'), 403, 'FORBIDDEN');
    expectError(
      await api.get('/api/v1/petitions/stats.xlsx?from=yesterday', 'leader'),
      400,
      'VALIDATION_FAILED',
      'query.from',
    );
  });
});
