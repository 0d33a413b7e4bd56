import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, gridPointIn } from '../../test/api.js';
import { createSafetyWorld, nextCreditCode, PNG_BASE64, type SafetyWorld } from './hazards.test-support.js';

let w: SafetyWorld;
beforeAll(async () => {
  w = await createSafetyWorld();
});
afterAll(() => w.api.close());

const DAY_MS = 86_400_000;

/** An inspection of `enterpriseId` whose second item fails as a major hazard and third as a general one. */
async function inspect(enterpriseId: number) {
  const inspection = await w.send('handler', '/api/v1/safety/inspections', {
    enterpriseId,
    campaign: '重大事故隐患专项排查整治',
    items: [
      { item: '安全生产责任制和安全管理制度健全', passed: true },
      { item: '深基坑支护和监测', passed: false, finding: '基坑东侧支护变形未监测', level: 'major' },
      { item: '临边洞口防护到位', passed: false, finding: '三层临边缺护栏' },
    ],
  });
  expect(inspection.statusCode, inspection.body).toBe(201);
  return inspection.json();
}

describe('the enterprise register', () => {
  it('registers an enterprise, flags a high-risk industry, and refuses a credit code twice or a bad one', async () => {
    const creditCode = nextCreditCode();
    const body = {
      name: '乌海市海南区焦化示范厂',
      creditCode,
      industry: 'coking',
      address: '海南区工业园区',
    };
    const created = await w.send('handler', '/api/v1/safety/enterprises', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      highRisk: true,
      supervisingOrgName: '乌海市住房和城乡建设局',
      openHazards: 0,
    });
    expectError(await w.send('handler', '/api/v1/safety/enterprises', body), 409, 'DUPLICATE_CREDIT_CODE');
    expectError(
      await w.send('handler', '/api/v1/safety/enterprises', { ...body, creditCode: '91150303MA00000000' }),
      400,
      'VALIDATION_FAILED',
      'creditCode',
    );
    expectError(
      await w.send('handler', '/api/v1/safety/enterprises', { name: '缺字段' }),
      400,
      'VALIDATION_FAILED',
      'industry',
    );
    // the demo register fills more than a page: look it up by its code
    const list = (await w.get('handler', `/api/v1/safety/enterprises?highRisk=true&q=${creditCode}`)).json();
    expect(list.items.map((e: { creditCode: string }) => e.creditCode)).toContain(creditCode);
  });

  it('is out of reach for staff of another territory, and closed to a citizen', async () => {
    const id = await w.enterprise();
    expectError(await w.get('handler_wd', `/api/v1/safety/enterprises/${id}`), 403, 'OUT_OF_SCOPE');
    expectError(await w.get('citizen', `/api/v1/safety/enterprises/${id}`), 403, 'FORBIDDEN');
  });
});

describe('an inspection', () => {
  it('turns every failed checklist item into a hazard of the enterprise', async () => {
    const enterpriseId = await w.enterprise();
    const inspection = await inspect(enterpriseId);
    expect(inspection).toMatchObject({ itemCount: 3, failedCount: 2 });
    const [passed, major, general] = inspection.items;
    expect(passed.hazardId).toBeNull();
    const hazard = (await w.get('handler', `/api/v1/safety/hazards/${major.hazardId}`)).json();
    expect(hazard).toMatchObject({
      level: 'major',
      source: 'inspection',
      state: 'found',
      inspectionId: inspection.id,
      description: '深基坑支护和监测：基坑东侧支护变形未监测',
    });
    expect(hazard.actions).toEqual(['report']);
    const generalHazard = (await w.get('handler', `/api/v1/safety/hazards/${general.hazardId}`)).json();
    expect(generalHazard.actions).toEqual(['close_on_spot', 'report']);
    const ofEnterprise = (
      await w.get('handler', `/api/v1/safety/hazards?enterpriseId=${enterpriseId}`)
    ).json();
    expect(ofEnterprise.total).toBe(2);
  });

  it('keeps the photos of a failed item on its hazard as found, and refuses one that is not a picture', async () => {
    const enterpriseId = await w.enterprise();
    const items = [
      { item: '临边洞口防护到位', passed: false, finding: '二层临边缺护栏', photos: [PNG_BASE64] },
      { item: '安全帽佩戴', passed: true, photos: [PNG_BASE64] },
    ];
    const inspection = await w.send('handler', '/api/v1/safety/inspections', { enterpriseId, items });
    expect(inspection.statusCode, inspection.body).toBe(201);
    const hazard = (
      await w.get('handler', `/api/v1/safety/hazards/${inspection.json().items[0].hazardId}`)
    ).json();
    expect(hazard.photos).toEqual([expect.objectContaining({ role: 'report' })]);
    expect((await w.get('handler', hazard.photos[0].url)).statusCode).toBe(200);
    const notAPicture = Buffer.from('plain text, not a picture').toString('base64');
    expectError(
      await w.send('handler', '/api/v1/safety/inspections', {
        enterpriseId,
        items: [{ ...items[0], photos: [notAPicture] }],
      }),
      400,
      'VALIDATION_FAILED',
      'items.0.photos.0',
    );
  });

  it('refuses an empty checklist and an enterprise that does not exist', async () => {
    expectError(
      await w.send('handler', '/api/v1/safety/inspections', { enterpriseId: 1, items: [] }),
      400,
      'VALIDATION_FAILED',
      'items',
    );
    expectError(
      await w.send('handler', '/api/v1/safety/inspections', {
        enterpriseId: 999_999,
        items: [{ item: '消防设施完好', passed: true }],
      }),
      400,
      'VALIDATION_FAILED',
      'enterpriseId',
    );
  });
});

describe('a hazard', () => {
  it('general: is closed on the spot only with a photo', async () => {
    const { items } = await inspect(await w.enterprise());
    const id = items[2].hazardId;
    expectError(
      await w.act(id, 'close_on_spot', { note: '已加装护栏', photos: [] }),
      400,
      'VALIDATION_FAILED',
      'photos',
    );
    const closed = await w.act(id, 'close_on_spot', { note: '已加装护栏', photos: [PNG_BASE64] });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', actions: [] });
    expect(closed.json().photos).toEqual([expect.objectContaining({ role: 'after' })]);
    const photo = await w.get('handler', closed.json().photos[0].url);
    expect(photo.headers['content-type']).toBe('image/png');
  });

  it('major: gets a plan, is put under 挂牌督办, rectified, and closes only after 验收', async () => {
    const { items } = await inspect(await w.enterprise());
    const id = items[1].hazardId;
    expectError(
      await w.act(id, 'close_on_spot', { note: '当场', photos: [PNG_BASE64] }),
      409,
      'HAZARD_LEVEL_MISMATCH',
    );
    expect((await w.act(id, 'report', {})).json().state).toBe('reported');
    const assigned = await w.act(id, 'assign', { responsibleParty: '项目经理王工', deadlineDays: 10 });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({
      state: 'assigned',
      light: 'green',
      responsibleParty: '项目经理王工',
    });
    expect(new Date(assigned.json().deadline).getTime()).toBeGreaterThan(
      w.clock.now().getTime() + 10 * DAY_MS,
    );

    const listed = await w.act(id, 'list_supervision', { note: '市安委会挂牌督办' }, 'dispatcher');
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().listedForSupervision).toBe(true);
    expectError(await w.act(id, 'list_supervision', { note: '再次督办' }, 'dispatcher'), 409, 'CONFLICT');

    expect((await w.act(id, 'start_rectification', {})).json().state).toBe('rectifying');
    expectError(await w.act(id, 'rectify', { note: '已完成支护加固' }), 409, 'HAZARD_PLAN_REQUIRED');
    const plan = {
      goal: '消除基坑坍塌风险',
      measures: '增设钢支撑并布设监测点',
      funds: 12.5,
      people: '项目部安全科',
      safetyMeasures: '停止东侧作业，设置警戒区',
    };
    expect((await w.act(id, 'submit_plan', { plan })).json().plan).toEqual(plan);
    expect((await w.act(id, 'rectify', { note: '已完成支护加固', photos: [PNG_BASE64] })).json().state).toBe(
      'rectified',
    );
    expectError(await w.act(id, 'close', {}), 409, 'HAZARD_LEVEL_MISMATCH');
    const accepted = await w.act(id, 'accept_rectification', { note: '现场验收合格' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const closed = await w.act(id, 'close', {});
    expect(closed.json()).toMatchObject({ state: 'closed', closedAt: expect.any(String) });
    expect(closed.json().timeline.map((e: { action: string }) => e.action)).toEqual([
      'record',
      'report',
      'assign',
      'list_supervision',
      'start_rectification',
      'submit_plan',
      'rectify',
      'accept_rectification',
      'close',
    ]);
  });

  it('overdue: turns red, shows on the supervisor’s list, and can no longer be extended', async () => {
    const { items } = await inspect(await w.enterprise());
    const id = items[2].hazardId;
    await w.act(id, 'report', {});
    await w.act(id, 'assign', { responsibleParty: '安全员李工', deadlineDays: 1 });
    await w.act(id, 'start_rectification', {});
    const asked = await w.act(id, 'request_extension', { days: 3, reason: '护栏材料待到货' });
    expect(asked.json()).toMatchObject({ state: 'extension_requested', extensionDays: 3 });
    const refused = await w.act(id, 'refuse_extension', { note: '材料可就近采购' });
    expect(refused.json()).toMatchObject({ state: 'rectifying', extensionDays: null });

    w.clock.advance(5 * DAY_MS);
    // the sessions signed in before idled out meanwhile
    w.api.forgetSessions();
    const overdue = (await w.get('supervisor', '/api/v1/safety/hazards?overdue=true')).json();
    expect(overdue.items.find((h: { id: number }) => h.id === id)).toMatchObject({ light: 'red' });
    expectError(await w.act(id, 'request_extension', { days: 3, reason: '再等等' }), 409, 'DEADLINE_PASSED');
  });

  it('is recorded from a 12345 case the caller may read, and refuses one he may not', async () => {
    const enterpriseId = await w.enterprise();
    expectError(
      await w.send('handler', '/api/v1/safety/hazards', {
        enterpriseId,
        level: 'general',
        description: '群众反映工地夜间无防护',
        caseId: 999_999,
      }),
      400,
      'VALIDATION_FAILED',
      'caseId',
    );
    const selfCheck = await w.send('handler', '/api/v1/safety/hazards', {
      enterpriseId,
      level: 'general',
      description: '配电箱未上锁',
      place: '2号楼配电房',
    });
    expect(selfCheck.statusCode, selfCheck.body).toBe(201);
    expect(selfCheck.json()).toMatchObject({ source: 'self_check', state: 'found' });
  });

  it('refuses a stale version, an action of another body, and a reader out of scope', async () => {
    const { items } = await inspect(await w.enterprise());
    const id = items[1].hazardId;
    const current = (await w.get('handler', `/api/v1/safety/hazards/${id}`)).json();
    expectError(
      await w.send('handler', `/api/v1/safety/hazards/${id}/actions/report`, {
        version: current.version + 3,
      }),
      409,
      'VERSION_CONFLICT',
    );
    expectError(await w.get('handler_wd', `/api/v1/safety/hazards/${id}`), 403, 'OUT_OF_SCOPE');
    await w.act(id, 'report', {});
    // the district dispatcher of 海勃湾区 does not hold the supervising body (市住建局) nor the territory
    const reported = (await w.get('handler', `/api/v1/safety/hazards/${id}`)).json();
    expectError(
      await w.send('dispatcher_hbw', `/api/v1/safety/hazards/${id}/actions/assign`, {
        version: reported.version,
        responsibleParty: '某人',
        deadlineDays: 5,
      }),
      403,
      'OUT_OF_SCOPE',
    );
  });
});

describe('the numbers', () => {
  it('counts what an inspection found and what was rectified, by level, with the rate', async () => {
    const stats = async () => {
      const answer = await w.get('dispatcher', '/api/v1/safety/stats');
      expect(answer.statusCode, answer.body).toBe(200);
      return answer.json();
    };
    const before = await stats();
    const { items } = await inspect(await w.enterprise());
    await w.act(items[2].hazardId, 'close_on_spot', { note: '已加装护栏', photos: [PNG_BASE64] });
    const after = await stats();
    expect(after.found - before.found).toBe(2);
    expect(after.rectified - before.rectified).toBe(1);
    expect(after.byLevel.major.found - before.byLevel.major.found).toBe(1);
    expect(after.byLevel.general.rectified - before.byLevel.general.rectified).toBe(1);
    expect(after.inspections - before.inspections).toBe(1);
    expect(after.rectificationRate).toBeCloseTo(after.rectified / after.found);
    expectError(
      await w.get('dispatcher', '/api/v1/safety/stats?from=2026-10-10&to=2026-10-01'),
      400,
      'VALIDATION_FAILED',
      'to',
    );
  });

  it('breaks the numbers down by district and month, and pins the enterprise on the map, red once overdue', async () => {
    const stats = async () => (await w.get('dispatcher', '/api/v1/safety/stats')).json();
    const haiNan = (s: { byOrg: { name: string; found: number; rectified: number }[] }) =>
      s.byOrg.find((o) => o.name === '海南区')!;
    const october = (s: { byMonth: { month: string; found: number }[] }) =>
      s.byMonth.find((m) => m.month === '2026-10')?.found ?? 0;
    const before = await stats();
    expect(before.byOrg.map((o: { name: string }) => o.name)).toEqual(['海勃湾区', '海南区', '乌达区']);
    const created = await w.send('handler', '/api/v1/safety/enterprises', {
      name: '乌海市海南区地图示范化工有限公司',
      creditCode: nextCreditCode(),
      industry: 'hazardous_chemicals',
      address: '海南区西卓子山街道工业园区',
      location: await gridPointIn(w.api.ctx, '150303'),
    });
    expect(created.statusCode, created.body).toBe(201);
    const enterpriseId = created.json().id;
    const { items } = await inspect(enterpriseId);
    await w.act(items[2].hazardId, 'close_on_spot', { note: '已加装护栏', photos: [PNG_BASE64] });
    const after = await stats();
    expect(haiNan(after).found - haiNan(before).found).toBe(2);
    expect(haiNan(after).rectified - haiNan(before).rectified).toBe(1);
    expect(october(after) - october(before)).toBe(2);

    const pinOf = async () => {
      const map = await w.get('handler', '/api/v1/safety/enterprises/map');
      expect(map.statusCode, map.body).toBe(200);
      return map.json().items.find((p: { id: number }) => p.id === enterpriseId);
    };
    expect(await pinOf()).toMatchObject({
      industry: 'hazardous_chemicals',
      openHazards: 1,
      overdueHazards: 0,
      state: 'open',
    });
    const major = items[1].hazardId;
    await w.act(major, 'report', {});
    await w.act(major, 'assign', { responsibleParty: '安全员王工', deadlineDays: 1 });
    w.clock.advance(5 * DAY_MS);
    w.api.forgetSessions();
    expect(await pinOf()).toMatchObject({ openHazards: 1, overdueHazards: 1, state: 'overdue' });
    expectError(await w.get('citizen', '/api/v1/safety/enterprises/map'), 403, 'FORBIDDEN');
  });
});
