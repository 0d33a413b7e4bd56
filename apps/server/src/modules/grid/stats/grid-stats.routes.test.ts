import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_SUBSCRIBERS } from '../../../outbox-subscribers.js';
import { queryRows } from '../../../platform/db/database.js';
import { expectError } from '../../../test/api.js';
import { nextCreditCode } from '../../hazards/hazards.test-support.js';
import { runOutboxDispatch } from '../../notifications/jobs/outbox-dispatch.job.js';
import { createGridWorld, type GridWorld, PNG_BASE64 } from '../grid.test-support.js';

// Tuesday 13 October 2026, 09:00 in Beijing
let w: GridWorld;
let communityId: number;
let districtId: number;
let unitId: number;

type Row = Record<string, unknown>;

async function ok(promise: ReturnType<GridWorld['send']>): Promise<Row> {
  const response = await promise;
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
}

async function patrol(metres: number): Promise<void> {
  const { id } = await ok(w.send('grid', 'POST', '/api/v1/grid/patrols', {}));
  const at = (north: number, seconds: number) => ({
    longitude: w.grid.center.longitude,
    latitude: w.grid.center.latitude + north / 111_195,
    accuracy: 5,
    recordedAt: new Date(w.clock.now().getTime() + seconds * 1000).toISOString(),
  });
  w.clock.advance(30 * 60_000);
  if (metres > 0) {
    await ok(
      w.send('grid', 'POST', `/api/v1/grid/patrols/${id}/track`, {
        points: [at(0, -1200), at(metres / 2, -600), at(metres, -60)],
      }),
    );
  }
  await ok(w.send('grid', 'POST', `/api/v1/grid/patrols/${id}/end`, {}));
}

async function record(description: string, occurredAt?: string): Promise<number> {
  const body = { description, location: w.grid.center, photos: [PNG_BASE64], occurredAt };
  return (await ok(w.send('grid', 'POST', '/api/v1/grid/findings', body))).id as number;
}

async function act(
  kind: 'findings' | 'tasks' | 'cases',
  id: number,
  action: string,
  body: Row,
  user: string,
) {
  const { version } = (
    await w.get(user, `/api/v1/${kind === 'cases' ? 'cases' : `grid/${kind}`}/${id}`)
  ).json();
  const path = kind === 'cases' ? `/api/v1/cases/${id}` : `/api/v1/grid/${kind}/${id}`;
  return ok(w.send(user, 'POST', `${path}/actions/${action}`, { version, ...body }));
}

function assign(title: string): Promise<Row> {
  const body = { gridId: w.grid.id, admissionItemCode: 'GA01.001', title, limitDays: 1 };
  return ok(w.send('dispatcher', 'POST', '/api/v1/grid/tasks', body));
}

function stats(user: string, query: string) {
  return w.get(user, `/api/v1/grid/stats${query}`);
}

beforeAll(async () => {
  w = await createGridWorld('2026-10-13T01:00:00.000Z');
  const [ids] = await queryRows<{ community: number; district: number; unit: number }>(
    w.api.ctx.db,
    sql`select g.parent_id as community, t.parent_id as district,
      (select id from orgs where code = 'unit.housing') as unit
      from orgs g join orgs c on c.id = g.parent_id join orgs t on t.id = c.parent_id where g.id = ${w.grid.id}`,
  );
  communityId = ids!.community;
  districtId = ids!.district;
  unitId = ids!.unit;

  // Tuesday 13: a plan of two patrols a day from today, two patrols walked, four findings and three tasks
  await ok(w.send('dispatcher', 'PUT', `/api/v1/grid/patrol-plans/${w.grid.id}`, { perDay: 2 }));
  await patrol(600);
  await patrol(0);
  const solved = await record('楼道堆放杂物，已劝导清理');
  await act('findings', solved, 'solve_on_spot', { note: '已清理', afterPhotos: [PNG_BASE64] }, 'grid');
  const reported = await record('小区门口占道经营，影响通行');
  const up = await act('findings', reported, 'report_up', { note: '需城管执法处理' }, 'grid');
  await act('cases', up.caseId as number, 'invalidate', { reason: '测试：重复上报' }, 'dispatcher');
  // the finding follows its case: concluded by the outbox consumer once the case's end committed
  await runOutboxDispatch(w.api.ctx, { subscribers: OUTBOX_SUBSCRIBERS });
  const withdrawn = await record('误报：已有人处理');
  await act('findings', withdrawn, 'dismiss', { reason: '重复登记' }, 'grid');
  const laterSolved = await record('路灯不亮，需更换灯泡');
  // Monday 12, taken offline and sent today: counted on the day it was found
  await record('绿化带内垃圾堆积', '2026-10-12T03:00:00.000Z');
  const onTime = await assign('核查出租房屋登记情况');
  await act('tasks', onTime.id as number, 'complete', { note: '已逐户核查' }, 'grid');
  await assign('采集新入住居民信息');
  const withdrawnTask = await assign('重复下派的任务');
  await act('tasks', withdrawnTask.id as number, 'cancel', { reason: '重复下派' }, 'dispatcher');

  // Wednesday 14, 10:00: one patrol, the plan lowered to one a day from today, the street lamp fixed
  w.clock.set('2026-10-14T02:00:00.000Z');
  w.api.forgetSessions();
  await patrol(400);
  await ok(w.send('dispatcher', 'PUT', `/api/v1/grid/patrol-plans/${w.grid.id}`, { perDay: 1 }));
  await act('findings', laterSolved, 'solve_on_spot', { note: '已更换', afterPhotos: [PNG_BASE64] }, 'grid');

  // Friday 16, 10:00: nothing on Thursday 15
  w.clock.set('2026-10-16T02:00:00.000Z');
  w.api.forgetSessions();
}, 120_000);
afterAll(() => w.api.close());

describe('GET /api/v1/grid/stats', () => {
  it("counts a grid's patrols against the plan in force each ended day, its findings and its tasks", async () => {
    const report = (await stats('dispatcher', `?org=${w.grid.id}&from=2026-10-13&to=2026-10-15`)).json();
    expect(report).toMatchObject({
      org: { id: w.grid.id, kind: 'grid' },
      from: '2026-10-13',
      to: '2026-10-15',
      // the end of Thursday 15 in Beijing
      asOf: '2026-10-15T16:00:00.000Z',
      children: [],
    });
    // planned 2 (Tue) + 1 + 1 = 4; attained 2 + 1 + 0 = 3; Thursday missed
    expect(report.counts.patrols).toMatchObject({ planned: 4, attained: 3, missedDays: 1, done: 3 });
    expect(report.counts.patrols.meters).toBeGreaterThan(800);
    expect(report.counts.findings).toEqual({
      found: 4,
      dismissed: 1,
      solvedOnSpot: 2,
      reportedUp: 1,
      closedWithCase: 1,
    });
    expect(report.counts.tasks).toEqual({ assigned: 3, cancelled: 1, done: 1, overdue: 1 });
    expect(report.measures.closingRate).toMatchObject({ numerator: 3, denominator: 3, value: 1 });
    expect(report.measures.patrolAttainmentRate).toMatchObject({ numerator: 3, denominator: 4, value: 0.75 });
    expect(report.measures.taskOverdueRate).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    expect(report.measures.patrolKm.value).toBeCloseTo(report.counts.patrols.meters / 1000, 9);
  });

  it('judges what stood closed at the end of the period: a finding solved later counts as open', async () => {
    const tuesday = (await stats('dispatcher', `?org=${w.grid.id}&from=2026-10-13&to=2026-10-13`)).json();
    // the street lamp was fixed on Wednesday: on Tuesday evening 2 of the 3 findings that count were closed
    expect(tuesday.counts.findings).toMatchObject({ found: 4, solvedOnSpot: 1, closedWithCase: 1 });
    expect(tuesday.measures.closingRate).toMatchObject({ numerator: 2, denominator: 3 });
    // the on-time task was done, the other not yet due
    expect(tuesday.counts.tasks).toMatchObject({ done: 1, overdue: 0 });
    expect(tuesday.counts.patrols).toMatchObject({ planned: 2, attained: 2, missedDays: 0, done: 2 });
  });

  it('counts a finding on the day it was found, and plans only from the day they took effect', async () => {
    const monday = (await stats('dispatcher', `?org=${w.grid.id}&from=2026-10-12&to=2026-10-12`)).json();
    expect(monday.counts.findings).toMatchObject({ found: 1, solvedOnSpot: 0 });
    expect(monday.measures.closingRate.value).toBe(0);
    expect(monday.counts.patrols).toMatchObject({ planned: 0, done: 0 });
    expect(monday.measures.patrolAttainmentRate.value).toBeNull();
    // today (Friday) has not ended: its plan is not due yet
    const today = (await stats('dispatcher', `?org=${w.grid.id}&from=2026-10-16&to=2026-10-16`)).json();
    expect(today.counts.patrols.planned).toBe(0);
    expect(today.asOf).toBe('2026-10-16T02:00:00.000Z');
  });

  it('breaks an org down into the orgs directly below it, whose counts add up to its own', async () => {
    const report = (await stats('leader', '?from=2026-10-12&to=2026-10-15')).json();
    expect(report.org.kind).toBe('city');
    expect(report.children.map((c: Row) => (c.org as Row).kind)).toEqual([
      'district',
      'district',
      'district',
    ]);
    const sum = (pick: (c: Row) => number) => report.children.reduce((n: number, c: Row) => n + pick(c), 0);
    const found = (c: Row) => ((c.counts as Row).findings as Row).found as number;
    expect(sum(found)).toBe(found(report));
    expect(found(report)).toBe(5);
    const community = (await stats('dispatcher', `?org=${communityId}&from=2026-10-12&to=2026-10-15`)).json();
    const mine = community.children.find((c: Row) => (c.org as Row).id === w.grid.id);
    expect(mine.counts).toEqual(community.counts);
    expect(community.children.length).toBeGreaterThan(1);
  });

  it("gives a grid worker his own grid's numbers and refuses any other org", async () => {
    const own = await stats('grid', '?from=2026-10-13&to=2026-10-15');
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().org.id).toBe(w.grid.id);
    expectError(await stats('grid', `?org=${communityId}`), 403, 'OUT_OF_SCOPE');
    expectError(await stats('handler_wd', `?org=${w.grid.id}`), 403, 'OUT_OF_SCOPE');
    expectError(await w.get('merchant', '/api/v1/grid/stats'), 403, 'FORBIDDEN');
  });

  it('refuses bad input with 400 and the failing field', async () => {
    expectError(await stats('leader', '?from=2026-02-30'), 400, 'VALIDATION_FAILED', 'query.from');
    expectError(await stats('leader', '?from=26-10-01'), 400, 'VALIDATION_FAILED', 'query.from');
    expectError(await stats('leader', '?from=2026-10-15&to=2026-10-13'), 400, 'VALIDATION_FAILED', 'to');
    expectError(await stats('leader', '?from=2020-01-01&to=2026-10-13'), 400, 'VALIDATION_FAILED', 'from');
    expectError(await stats('leader', `?org=${unitId}`), 400, 'VALIDATION_FAILED', 'query.org');
    expectError(await stats('leader', '?org=abc'), 400, 'VALIDATION_FAILED', 'query.org');
    expectError(await stats('leader', '?org=99999999'), 404, 'ORG_NOT_FOUND');
    expectError(await stats('leader', '?days=30'), 400, 'VALIDATION_FAILED');
  });
});

describe('GET /api/v1/grid/stats/ranking', () => {
  it('ranks every grid under an org by a measure, those without a value last, with where each lies', async () => {
    const answer = await w.get(
      'supervisor',
      `/api/v1/grid/stats/ranking?org=${districtId}&from=2026-10-12&to=2026-10-15&measure=closingRate`,
    );
    expect(answer.statusCode, answer.body).toBe(200);
    const ranking = answer.json();
    expect(ranking).toMatchObject({ level: 'grid', measure: 'closingRate', org: { id: districtId } });
    expect(ranking.items[0]).toMatchObject({ org: { id: w.grid.id }, rank: 1 });
    // closed 3 of the 4 that count (the Monday finding is still open)
    expect(ranking.items[0].measures.closingRate).toMatchObject({ numerator: 3, denominator: 4 });
    expect(ranking.items[0].within).toMatch(/ \/ /);
    expect(ranking.items.slice(1).every((i: Row) => i.rank === null)).toBe(true);
    const grids = await queryRows<{ n: number }>(
      w.api.ctx.db,
      sql`select count(*)::int as n from orgs where kind = 'grid' and active and path like (select path from orgs where id = ${districtId}) || '%'`,
    );
    expect(ranking.items).toHaveLength(grids[0]!.n);
  });

  it('ranks lowest first where lower is better, and by towns or communities too', async () => {
    const overdue = (
      await w.get(
        'leader',
        `/api/v1/grid/stats/ranking?level=town&measure=tasksOverdue&from=2026-10-13&to=2026-10-15`,
      )
    ).json();
    expect(overdue.items.at(-1).counts.tasks.overdue).toBe(1);
    expect(overdue.items[0].rank).toBe(1);
  });

  it('refuses a level not below the org, and an unknown measure', async () => {
    expectError(
      await w.get('leader', `/api/v1/grid/stats/ranking?org=${w.grid.id}&level=grid`),
      400,
      'VALIDATION_FAILED',
      'query.level',
    );
    expectError(
      await w.get('leader', '/api/v1/grid/stats/ranking?measure=happiness'),
      400,
      'VALIDATION_FAILED',
      'query.measure',
    );
  });
});

describe('GET /api/v1/grid/stats/map', () => {
  it('draws the org with the boundary of every grid in it', async () => {
    const map = (await w.get('leader', `/api/v1/grid/stats/map?org=${communityId}&level=grid`)).json();
    expect(map.container).toMatchObject({ id: communityId, boundary: { type: expect.any(String) } });
    expect(map.areas.map((a: Row) => a.id)).toContain(w.grid.id);
    expect(map.areas.every((a: Row) => a.boundary !== null)).toBe(true);
  });
});

describe('GET /api/v1/grid/stats/export', () => {
  it('writes the numbers and the ranking as an .xlsx workbook with rates as percentages', async () => {
    const answer = await w.get(
      'dispatcher',
      `/api/v1/grid/stats/export?org=${communityId}&from=2026-10-13&to=2026-10-15`,
    );
    expect(answer.statusCode, answer.body.slice(0, 200)).toBe(200);
    expect(answer.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(answer.headers['content-disposition']))).toContain('网格统计_');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(answer.rawPayload as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet('统计汇总')!;
    const header = (summary.getRow(4).values as unknown[]).map(String);
    const column = header.indexOf('发现办结率');
    expect(column).toBeGreaterThan(0);
    expect(String(summary.getRow(5).getCell(1).value)).toContain('（合计）');
    expect(summary.getRow(5).getCell(column).value).toBe(1);
    expect(summary.getColumn(column).numFmt).toBe('0.00%');
    const ranking = workbook.worksheets[1]!;
    expect(ranking.name).toBe('网格排名');
    expect(ranking.getRow(3).getCell(1).value).toBe(1);
  });
});

describe('a finding referred as a safety hazard (转安全隐患)', () => {
  it('counts as reported up, and as closed once its hazard is closed (销号)', async () => {
    // today (Friday 16) holds no other finding
    const today = () => stats('dispatcher', `?org=${w.grid.id}&from=2026-10-16&to=2026-10-16`);
    const enterprise = await ok(
      w.send('handler', 'POST', '/api/v1/safety/enterprises', {
        name: '乌海市网格统计测试商贸有限公司',
        creditCode: nextCreditCode(),
        industry: 'trade',
        address: '海勃湾区测试路 2 号',
        orgId: w.grid.id,
      }),
    );
    const id = await record('商铺灭火器过期');
    const referred = await act(
      'findings',
      id,
      'refer_hazard',
      { enterpriseId: enterprise.id, level: 'general' },
      'grid',
    );
    const open = (await today()).json();
    expect(open.counts.findings).toEqual({
      found: 1,
      dismissed: 0,
      solvedOnSpot: 0,
      reportedUp: 1,
      closedWithCase: 0,
    });
    expect(open.measures.closingRate).toMatchObject({ numerator: 0, denominator: 1 });

    const hazard = (await w.get('grid', `/api/v1/safety/hazards/${referred.hazardId}`)).json();
    await ok(
      w.send('grid', 'POST', `/api/v1/safety/hazards/${hazard.id}/actions/close_on_spot`, {
        version: hazard.version,
        note: '已更换灭火器',
        photos: [PNG_BASE64],
      }),
    );
    await runOutboxDispatch(w.api.ctx, { subscribers: OUTBOX_SUBSCRIBERS });
    const closed = (await today()).json();
    expect(closed.counts.findings).toMatchObject({ reportedUp: 1, closedWithCase: 1 });
    expect(closed.measures.closingRate).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
  });
});
