import type { DashboardMap, DashboardOverview } from '@shanzhi/shared';
import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_SUBSCRIBERS } from '../../outbox-subscribers.js';
import { ManualClock } from '../../platform/clock.js';
import type { LiveEvent } from '../../platform/realtime/live-event.js';
import { liveBusOf } from '../../platform/realtime/realtime.js';
import { createSeededApi, expectError, expectOk, orgIdOf, type SeededApi } from '../../test/api.js';
import { buildCase } from '../../test/factories.js';
import { bj } from '../kpis/kpis.test-support.js';
import { runOutboxDispatch } from '../notifications/jobs/outbox-dispatch.job.js';
import { orgs } from '../orgs/orgs.tables.js';

let api: SeededApi;
const ids = { city: 0, hbw: 0, wuda: 0, grid: 0, housing: 0, centre: 0 };
/** the case registered today in a grid of 海勃湾区, its title carrying a phone number */
let hbwToday = '';
let wudaToday = '';

beforeAll(async () => {
  api = await createSeededApi({ clock: new ManualClock(bj('12-05 10:00')) });
  const db = api.ctx.db;
  ids.city = await orgIdOf(api.ctx, '150300');
  ids.hbw = await orgIdOf(api.ctx, '150302');
  ids.wuda = await orgIdOf(api.ctx, '150304');
  ids.housing = await orgIdOf(api.ctx, 'unit.housing');
  ids.centre = await orgIdOf(api.ctx, 'center.city');
  const pathOf = async (id: number) =>
    (await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, id)))[0]!.path;
  const [grid] = await db
    .select()
    .from(orgs)
    .where(and(eq(orgs.kind, 'grid'), like(orgs.path, `${await pathOf(ids.hbw)}%`)))
    .orderBy(asc(orgs.id))
    .limit(1);
  ids.grid = grid!.id;
  const inGrid = {
    currentOrgId: ids.centre,
    districtId: ids.hbw,
    gridId: grid!.id,
    areaPath: grid!.path,
    lng: grid!.centerLng,
    lat: grid!.centerLat,
  };
  hbwToday = (
    await buildCase(db, {
      ...inGrid,
      title: '请回电 13912345678 楼道堆物',
      createdAt: bj('12-05 09:00'),
      state: 'accepted',
      light: 'red',
      leadUnitId: ids.housing,
    })
  ).number;
  wudaToday = (
    await buildCase(db, {
      currentOrgId: ids.centre,
      districtId: ids.wuda,
      areaPath: await pathOf(ids.wuda),
      createdAt: bj('12-05 08:00'),
    })
  ).number;
  await buildCase(db, { ...inGrid, createdAt: bj('12-04 15:00') });
  await buildCase(db, { ...inGrid, createdAt: bj('11-03 15:00') });
});
afterAll(() => api?.close());

const OVERVIEW = '/api/v1/dashboard/overview';

describe('大屏总览 GET /api/v1/dashboard/overview', () => {
  it('shows the leader the city: counts against the period before, the rates, rankings and today’s cases', async () => {
    const wall = (await expectOk(api.get(OVERVIEW, 'leader'))) as DashboardOverview;
    expect(wall.org.id).toBe(ids.city);
    expect(wall.today).toEqual({ value: 2, previous: 1 });
    expect(wall.month).toMatchObject({ from: '2026-12-01', to: '2026-12-05', value: 3, previous: 1 });
    expect(wall.rates.map((r) => r.key)).toEqual([
      'responseRate',
      'solvingRate',
      'satisfactionRate',
      'compositeScore',
    ]);
    expect(wall.ranking.areas.map((a) => a.org.kind)).toEqual(['district', 'district', 'district']);
    expect(wall.points.map((p) => p.light)).toEqual(['red']);
    expect(wall.ticker.slice(0, 3).map((c) => c.number)).toEqual(
      expect.arrayContaining([hbwToday, wudaToday]),
    );
    expect(wall.unitAlerts).toContainEqual(
      expect.objectContaining({ red: 1, org: expect.objectContaining({ id: ids.housing }) }),
    );
  });

  it('masks the ticker for a role without personal_data.read, not for one with it', async () => {
    const titleOf = async (user: string) =>
      ((await expectOk(api.get(OVERVIEW, user))) as DashboardOverview).ticker.find(
        (c) => c.number === hbwToday,
      )!.title;
    const leaderSees = await titleOf('leader');
    expect(leaderSees).not.toContain('13912345678');
    expect(leaderSees).toContain('楼道堆物');
    expect(await titleOf('dispatcher')).toContain('13912345678');
  });

  it('follows the org tree: a district, and a district dispatcher’s own scope only', async () => {
    const hbw = (await expectOk(api.get(`${OVERVIEW}?org=${ids.hbw}`, 'leader'))) as DashboardOverview;
    expect(hbw.org.id).toBe(ids.hbw);
    expect(hbw.ticker.map((c) => c.number)).toContain(hbwToday);
    expect(hbw.ticker.map((c) => c.number)).not.toContain(wudaToday);
    expect(hbw.ranking.areas.every((a) => a.org.kind === 'town')).toBe(true);

    const own = (await expectOk(api.get(OVERVIEW, 'dispatcher_hbw'))) as DashboardOverview;
    expect(own.ticker.map((c) => c.number)).not.toContain(wudaToday);
    expectError(await api.get(`${OVERVIEW}?org=${ids.wuda}`, 'dispatcher_hbw'), 403, 'OUT_OF_SCOPE');
  });

  it('refuses roles without dashboard.read, a malformed org and an unknown one', async () => {
    expectError(await api.get(OVERVIEW, 'handler'), 403, 'FORBIDDEN');
    expectError(await api.get('/api/v1/dashboard/live', 'grid'), 403, 'FORBIDDEN');
    expectError(await api.get(`${OVERVIEW}?org=abc`, 'leader'), 400, 'VALIDATION_FAILED', 'query.org');
    expectError(await api.get(`${OVERVIEW}?org=1&extra=1`, 'leader'), 400, 'VALIDATION_FAILED');
    expectError(await api.get(`${OVERVIEW}?org=99999999`, 'leader'), 404, 'ORG_NOT_FOUND');
  });
});

describe('大屏实时 and 大屏地图', () => {
  it('answers today’s points and the ticker alone', async () => {
    const live = await expectOk(api.get('/api/v1/dashboard/live', 'supervisor'));
    expect(live.points).toHaveLength(1);
    expect(live.ticker[0].number).toBe(hbwToday);
  });

  it('drills down: the city’s districts, a district’s towns and grids, a grid’s staff and open cases', async () => {
    const city = (await expectOk(api.get('/api/v1/dashboard/map', 'leader'))) as DashboardMap;
    expect(city.areas.map((a) => a.kind)).toEqual(['district', 'district', 'district']);
    expect(city.areas.every((a) => a.boundary !== null)).toBe(true);
    expect(city.parentId).toBeNull();
    expect(city.areas.find((a) => a.id === ids.hbw)!.openCases).toBe(3);
    expect(city.org.openCases).toBe(4);

    const hbw = (await expectOk(api.get(`/api/v1/dashboard/map?org=${ids.hbw}`, 'leader'))) as DashboardMap;
    expect(hbw.parentId).toBe(ids.city);
    expect(hbw.areas.length).toBeGreaterThan(0);
    expect(hbw.areas.every((a) => a.kind === 'town')).toBe(true);
    expect(hbw.grids.find((g) => g.id === ids.grid)!.openCases).toBe(3);

    const grid = (await expectOk(api.get(`/api/v1/dashboard/map?org=${ids.grid}`, 'leader'))) as DashboardMap;
    expect(grid.openCases.map((c) => c.number)).toContain(hbwToday);
    expect(grid.openCases.find((c) => c.number === hbwToday)!.title).not.toContain('13912345678');
    expect(grid.staff.length).toBeGreaterThan(0);
    expect(grid.staff.every((s) => s.phone === null || s.phone.includes('*'))).toBe(true);
  });
});

describe('信访风险预警 on the wall', () => {
  async function act(id: number, action: string, body: Record<string, unknown>) {
    const { version } = (await api.get(`/api/v1/petitions/${id}`, 'petition')).json();
    await expectOk(
      api.send('POST', `/api/v1/petitions/${id}/actions/${action}`, { version, ...body }, 'petition'),
    );
  }
  const risksOf = async (user: string, query = '') =>
    ((await expectOk(api.get(`${OVERVIEW}${query}`, user))) as DashboardOverview).petitionRisks!;

  it('lists the flagged petitions of the viewer’s scope, masked as his role requires, live as they are flagged and lifted', async () => {
    const before = (await risksOf('leader')).total;
    const created = await api.send(
      'POST',
      '/api/v1/petitions',
      {
        mode: 'proactive',
        matter: '征地补偿款被截留，信访人扬言报复，请回电 13912345678',
        petitioners: [{ name: '韩德胜', idNumber: '150302194805120019' }],
      },
      'petition',
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    const events: LiveEvent[] = [];
    const unsubscribe = await liveBusOf(api.ctx).subscribe((e) => events.push(e));
    try {
      await act(id, 'flag_risk', { kind: 'civil_to_criminal', reason: '扬言报复对方' });
      await runOutboxDispatch(api.ctx, { subscribers: OUTBOX_SUBSCRIBERS });

      const leader = await risksOf('leader');
      expect(leader.total).toBe(before + 1);
      expect(leader.items[0]).toMatchObject({
        id,
        number: `XF-${id}`,
        riskKind: 'civil_to_criminal',
        riskKindLabel: '民转刑风险',
        orgName: '乌海市公安局',
        flaggedAt: api.ctx.clock.now().toISOString(),
      });
      expect(leader.items[0]!.petitioner).not.toBe('韩德胜');
      expect(leader.items[0]!.petitioner.startsWith('韩')).toBe(true);
      expect(leader.items[0]!.matter).not.toContain('13912345678');
      const dispatcher = (await risksOf('dispatcher')).items.find((p) => p.id === id)!;
      expect(dispatcher).toMatchObject({ petitioner: '韩德胜' });
      expect(dispatcher.matter).toContain('13912345678');
      // the police bureau lies outside 海勃湾区
      expect((await risksOf('dispatcher_hbw')).items.map((p) => p.id)).not.toContain(id);
      expect((await risksOf('leader', `?org=${ids.hbw}`)).items.map((p) => p.id)).not.toContain(id);

      await act(id, 'unflag_risk', { reason: '经联合化解，情绪已平稳' });
      await runOutboxDispatch(api.ctx, { subscribers: OUTBOX_SUBSCRIBERS });
      const lifted = await risksOf('leader');
      expect(lifted.total).toBe(before);
      expect(lifted.items.map((p) => p.id)).not.toContain(id);
      // on PostgreSQL the events come back through LISTEN/NOTIFY
      await expect
        .poll(() => events.filter((e) => e.data.petitionId === id).map((e) => e.topic))
        .toEqual(['petition.risk_flagged', 'petition.risk_unflagged']);
    } finally {
      unsubscribe();
    }
    const ofPetition = events.filter((e) => e.data.petitionId === id);
    expect(ofPetition[0]!.audience).toMatchObject({ permission: 'petition.read' });
    expect(ofPetition[0]!.data).toEqual({ petitionId: id, petitionNumber: `XF-${id}` });
  });
});
