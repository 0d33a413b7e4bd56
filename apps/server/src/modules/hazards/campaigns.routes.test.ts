import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, orgIdOf } from '../../test/api.js';
import { createSafetyWorld, PNG_BASE64, type SafetyWorld } from './hazards.test-support.js';

let w: SafetyWorld;
beforeAll(async () => {
  w = await createSafetyWorld();
});
afterAll(() => w.api.close());

const URL = '/api/v1/safety/campaigns';
const CHECKLIST = [
  { text: '深基坑支护和监测', basis: '房屋市政工程生产安全重大事故隐患判定标准 第六条' },
  { text: '高大模板支撑体系验收', basis: '房屋市政工程生产安全重大事故隐患判定标准 第七条' },
  { text: '临边洞口防护到位', basis: 'JGJ 80-2016 建筑施工高处作业安全技术规范' },
];

/** A campaign over construction covering `enterpriseIds`, by the demo `handler`, in the test clock's quarter. */
function campaignBody(enterpriseIds?: number[]) {
  return {
    name: '重大事故隐患专项排查整治2026行动',
    industries: ['construction'],
    checklists: [{ industry: 'construction', items: CHECKLIST }],
    ...(enterpriseIds ? { enterpriseIds } : {}),
    startsOn: '2026-10-01',
    endsOn: '2026-12-31',
  };
}

/** The answers to the campaign's checklist: the first passes, the other two fail (the second as major). */
const ANSWERS = [
  { item: CHECKLIST[0]!.text, passed: true },
  { item: CHECKLIST[1]!.text, passed: false, finding: '立杆间距超方案', level: 'major' },
  { item: CHECKLIST[2]!.text, passed: false, finding: '五层临边缺护栏' },
];

async function createCampaign(enterpriseIds?: number[]) {
  const created = await w.send('handler', URL, campaignBody(enterpriseIds));
  expect(created.statusCode, created.body).toBe(201);
  return created.json();
}

describe('a campaign (专项排查)', () => {
  it('comes twice with the demo city, over the enterprises the demo inspector supervises', async () => {
    const names = (await w.get('handler', URL)).json().items.map((c: { name: string }) => c.name);
    expect(names).toEqual(
      expect.arrayContaining(['重大事故隐患专项排查整治2026行动', '城镇燃气安全专项排查整治']),
    );
    const gas = (await w.get('handler', URL))
      .json()
      .items.find((c: { name: string }) => c.name.startsWith('城镇燃气'));
    expect(gas.progress.plannedEnterprises).toBe(6);
    expect(gas.checklists[0].items[0]).toEqual({
      text: expect.any(String),
      basis: '中华人民共和国安全生产法',
    });
  });

  it('covers the enterprises chosen, its creator inspects, and nothing is done yet', async () => {
    const a = await w.enterprise();
    const b = await w.enterprise();
    const campaign = await createCampaign([a, b]);
    expect(campaign).toMatchObject({
      name: '重大事故隐患专项排查整治2026行动',
      industries: ['construction'],
      checklists: [{ industry: 'construction', items: CHECKLIST }],
      inspectors: [{ name: expect.any(String) }],
      startsOn: '2026-10-01',
      endsOn: '2026-12-31',
      progress: {
        plannedEnterprises: 2,
        inspectedEnterprises: 0,
        inspections: 0,
        hazardsFound: 0,
        hazardsRectified: 0,
      },
    });
    expect(campaign.pendingEnterprises.map((e: { id: number }) => e.id).sort()).toEqual([a, b].sort());
    const list = (await w.get('handler', URL)).json();
    expect(list.items.map((c: { id: number }) => c.id)).toContain(campaign.id);
  });

  it('covers every enterprise of its industries under the lead org when none is chosen', async () => {
    await w.enterprise();
    const campaign = await createCampaign();
    const register = (await w.get('handler', '/api/v1/safety/enterprises?industry=construction')).json();
    expect(campaign.progress.plannedEnterprises).toBe(register.total);
  });

  it('turns every failed item of an inspection within it into a hazard and counts its progress', async () => {
    const coverage = async (period: string) =>
      (await w.get('handler', `/api/v1/safety/stats?${period}`)).json().campaigns;
    const quarter = 'from=2026-11-01&to=2026-11-30';
    const before = await coverage(quarter);
    const a = await w.enterprise();
    const b = await w.enterprise();
    const campaign = await createCampaign([a, b]);
    const inspection = await w.send('handler', '/api/v1/safety/inspections', {
      enterpriseId: a,
      campaignId: campaign.id,
      items: [...ANSWERS, { item: '现场增加：塔吊基础积水', passed: false }],
    });
    expect(inspection.statusCode, inspection.body).toBe(201);
    expect(inspection.json()).toMatchObject({
      kind: 'planned',
      campaign: campaign.name,
      campaignId: campaign.id,
      itemCount: 4,
      failedCount: 3,
    });
    const [, major, general] = inspection.json().items;
    const hazard = (await w.get('handler', `/api/v1/safety/hazards/${major.hazardId}`)).json();
    expect(hazard).toMatchObject({ level: 'major', source: 'inspection', enterpriseId: a });
    expect(hazard.description).toContain('高大模板支撑体系验收');

    const closed = await w.act(general.hazardId, 'close_on_spot', {
      note: '已加装护栏',
      photos: [PNG_BASE64],
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const after = (await w.get('handler', `${URL}/${campaign.id}`)).json();
    expect(after.progress).toEqual({
      plannedEnterprises: 2,
      inspectedEnterprises: 1,
      inspections: 1,
      hazardsFound: 3,
      hazardsRectified: 1,
    });
    expect(after.pendingEnterprises.map((e: { id: number }) => e.id)).toEqual([b]);
    // the stats count it in a period its own meets, and not in one before it began
    const now = await coverage(quarter);
    expect(now.count - before.count).toBe(1);
    expect(now.plannedEnterprises - before.plannedEnterprises).toBe(2);
    expect(now.inspectedEnterprises - before.inspectedEnterprises).toBe(1);
    const earlier = await coverage('from=2026-09-01&to=2026-09-30');
    expect(earlier.plannedEnterprises).toBeLessThan(now.plannedEnterprises);
    const ofCampaign = (
      await w.get('handler', `/api/v1/safety/inspections?campaignId=${campaign.id}`)
    ).json();
    expect(ofCampaign.total).toBe(1);
  });

  it('refuses a campaign with a bad period, a missing checklist or an enterprise of another industry', async () => {
    const a = await w.enterprise();
    const coking = await w.enterprise('coking');
    expectError(
      await w.send('handler', URL, { ...campaignBody([a]), endsOn: '2026-09-30' }),
      400,
      'VALIDATION_FAILED',
      'endsOn',
    );
    expectError(
      await w.send('handler', URL, { ...campaignBody([a]), industries: ['construction', 'gas'] }),
      400,
      'VALIDATION_FAILED',
      'checklists',
    );
    expectError(
      await w.send('handler', URL, {
        ...campaignBody([a]),
        checklists: [{ industry: 'construction', items: [] }],
      }),
      400,
      'VALIDATION_FAILED',
      'checklists.0.items',
    );
    expectError(
      await w.send('handler', URL, campaignBody([a, coking])),
      400,
      'VALIDATION_FAILED',
      'enterpriseIds',
    );
    expectError(
      await w.send('handler', URL, { ...campaignBody([a]), name: '' }),
      400,
      'VALIDATION_FAILED',
      'name',
    );
    expectError(
      await w.send('handler', URL, { ...campaignBody([a]), inspectorUserIds: [999_999] }),
      400,
      'VALIDATION_FAILED',
      'inspectorUserIds',
    );
    // the lead org must lie in the caller's scope: the 住建局 inspector cannot lead for the city
    const city = await orgIdOf(w.api.ctx, '150300');
    expectError(
      await w.send('handler', URL, { ...campaignBody([a]), orgId: city }),
      400,
      'VALIDATION_FAILED',
      'orgId',
    );
  });

  it('refuses an inspection off its checklist, of an enterprise it does not cover, or outside its period', async () => {
    const a = await w.enterprise();
    const outside = await w.enterprise();
    const campaign = await createCampaign([a]);
    const inspect = (body: Record<string, unknown>) =>
      w.send('handler', '/api/v1/safety/inspections', {
        enterpriseId: a,
        campaignId: campaign.id,
        items: ANSWERS,
        ...body,
      });
    expectError(await inspect({ items: ANSWERS.slice(1) }), 400, 'VALIDATION_FAILED', 'items');
    expectError(await inspect({ enterpriseId: outside }), 400, 'VALIDATION_FAILED', 'enterpriseId');
    expectError(
      await inspect({ inspectedAt: '2026-09-30T08:00:00.000Z' }),
      400,
      'VALIDATION_FAILED',
      'inspectedAt',
    );
    expectError(await inspect({ campaignId: 999_999 }), 400, 'VALIDATION_FAILED', 'campaignId');
    expect((await w.get('handler', `${URL}/${campaign.id}`)).json().progress.inspections).toBe(0);
  });

  it('is out of reach of another territory, closed to a citizen, and inspected by its inspectors only', async () => {
    const a = await w.enterprise();
    const campaign = await createCampaign([a]);
    expectError(await w.get('handler_wd', `${URL}/${campaign.id}`), 403, 'OUT_OF_SCOPE');
    expect((await w.get('handler_wd', URL)).json().items.map((c: { id: number }) => c.id)).not.toContain(
      campaign.id,
    );
    expectError(await w.get('citizen', URL), 403, 'FORBIDDEN');
    expectError(await w.send('grid', URL, campaignBody([a])), 403, 'FORBIDDEN');
    expectError(await w.get('handler', `${URL}/999999`), 404, 'CAMPAIGN_NOT_FOUND');
    expectError(
      await w.send('admin', '/api/v1/safety/inspections', {
        enterpriseId: a,
        campaignId: campaign.id,
        items: ANSWERS,
      }),
      403,
      'NOT_CAMPAIGN_INSPECTOR',
    );
    expectError(
      await w.send('handler_wd', '/api/v1/safety/inspections', {
        enterpriseId: a,
        campaignId: campaign.id,
        items: ANSWERS,
      }),
      403,
      'OUT_OF_SCOPE',
    );
  });
});

describe('the inspectors a campaign may name', () => {
  const usernames = async (user: string, q: string) => {
    const found = await w.get(user, `/api/v1/safety/inspectors?q=${q}`);
    expect(found.statusCode, found.body).toBe(200);
    return found.json().items.map((u: { username: string }) => u.username);
  };

  it('are the users of the caller’s scope who may inspect, found by name or username', async () => {
    expect(await usernames('handler', 'handler')).toEqual(['handler']);
    expect(await usernames('admin', 'handler')).toEqual(expect.arrayContaining(['handler', 'handler_wd']));
    // neither a dispatcher nor an enterprise account may inspect
    expect(await usernames('admin', 'dispatcher')).toEqual([]);
    expect(await usernames('admin', 'enterprise')).toEqual([]);
    expect((await w.get('handler', '/api/v1/safety/inspectors')).json().items[0]).toEqual({
      id: expect.any(Number),
      username: 'handler',
      displayName: expect.any(String),
      orgName: expect.any(String),
    });
    expectError(await w.get('citizen', '/api/v1/safety/inspectors'), 403, 'FORBIDDEN');
    expectError(await w.get('enterprise', '/api/v1/safety/inspectors'), 403, 'FORBIDDEN');
  });
});
