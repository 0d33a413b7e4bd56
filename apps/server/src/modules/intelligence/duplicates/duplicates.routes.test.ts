import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseWorld, createCaseWorld } from '../../cases/cases.test-support.js';
import { catalogCategories } from '../../catalog/catalog.tables.js';
import { caseFingerprints } from './case-fingerprints.tables.js';

let world: CaseWorld;
let categoryId: number;
let otherCategoryId: number;
let original: { id: number; number: string };
let hardNegative: { id: number };
let wudaCase: { id: number };
let point: { longitude: number; latitude: number };

const ORIGINAL = {
  content: '滨河小区3号楼楼道内堆放大量杂物，堵塞消防通道，存在消防隐患，物业不予处理',
  citizenPhone: '13912345678',
};

beforeAll(async () => {
  world = await createCaseWorld();
  const leaves = await world.api.ctx.db
    .select({ id: catalogCategories.id })
    .from(catalogCategories)
    .where(and(eq(catalogCategories.level, 3), isNotNull(catalogCategories.resolveLimitValue)))
    .limit(2);
  categoryId = leaves[0]!.id;
  otherCategoryId = leaves[1]!.id;
  point = await world.pointIn('150302');
  original = await world.newCase('agent', { ...ORIGINAL, categoryId, location: point });
  // same grid, same category, same kind of words: a different problem
  hardNegative = await world.newCase('agent', {
    content: '滨河小区3号楼电梯经常故障停运，老人上下楼困难，物业不予处理',
    citizenPhone: '13800001111',
    categoryId,
    location: point,
  });
  wudaCase = await world.newCase('agent', {
    content: '乌达区某小区供暖不热，室温只有十二度',
    citizenPhone: '13700002222',
    categoryId: otherCategoryId,
    location: await world.pointIn('150304'),
  });
});
afterAll(async () => {
  await world?.api.close();
});

async function draft(user: string, body: Record<string, unknown>) {
  return world.api.app.inject({
    method: 'POST',
    url: '/api/v1/intelligence/duplicates',
    headers: await world.api.as(user),
    payload: body,
  });
}

describe('POST /intelligence/duplicates', () => {
  it('fingerprints a case at registration', async () => {
    const rows = await world.api.ctx.db
      .select()
      .from(caseFingerprints)
      .where(eq(caseFingerprints.caseId, original.id));
    expect(rows[0]?.phoneKey).toBe('13912345678');
    expect(rows[0]?.words).toContain('杂物');
  });

  it('finds the planted duplicate with its reasons, and not the hard negative', async () => {
    const response = await draft('agent', {
      title: '楼道杂物',
      description: '我再反映一下，滨河小区3号楼楼道里堆放杂物，把消防通道堵了，物业不管',
      phone: '139 1234 5678',
      lng: point.longitude,
      lat: point.latitude,
      categoryId,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const [best] = body.candidates;
    expect(best.caseId).toBe(original.id);
    expect(best.likely).toBe(true);
    expect(best.reasons).toEqual(expect.arrayContaining(['同一来电号码', '同一网格', '同一事项类别']));
    expect(best.reasons.some((r: string) => r.startsWith('描述相似度 '))).toBe(true);
    const negative = body.candidates.find((c: { caseId: number }) => c.caseId === hardNegative.id);
    expect(negative?.likely ?? false).toBe(false);
    expect(JSON.stringify(body)).not.toContain('13912345678');
  });

  it('finds a duplicate by its text alone, without place, caller or category', async () => {
    const response = await draft('agent', {
      description: '滨河小区3号楼的楼道堆放大量杂物，堵塞了消防通道，有消防隐患',
    });
    expect(response.json().candidates[0]?.caseId).toBe(original.id);
  });

  it('lists nothing below the shown floor: a different matter in the same grid and category', async () => {
    const response = await draft('agent', {
      description: '滨河小区门口的垃圾桶满了没人清运，夏天气味很大',
      lng: point.longitude,
      lat: point.latitude,
      categoryId,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.shownFrom).toBeGreaterThan(0.25);
    expect(body.candidates).toEqual([]);
  });

  it('refuses bad input with 400 and the fields', async () => {
    const noLat = await draft('agent', { description: '楼道堆放杂物', lng: 106.8 });
    expect(noLat.statusCode).toBe(400);
    expect(noLat.json().error.code).toBe('VALIDATION_FAILED');
    expect((await draft('agent', { description: '' })).statusCode).toBe(400);
    expect((await draft('agent', { description: '杂物', lng: 0, lat: 0 })).statusCode).toBe(400);
    expect((await draft('agent', { description: '杂物', categoryId: 999_999 })).statusCode).toBe(400);
    expect((await draft('agent', { description: '杂物', extra: 1 })).statusCode).toBe(400);
  });

  it('is for agents, dispatchers and supervisors only', async () => {
    expect((await draft('handler', { description: '楼道杂物' })).statusCode).toBe(403);
    expect((await draft('citizen', { description: '楼道杂物' })).statusCode).toBe(403);
    expect((await draft('supervisor', { description: '楼道杂物' })).statusCode).toBe(200);
  });
});

describe('phone lookup through duplicates (finding 6)', () => {
  // the same caller at the same place about something else: only the number makes it a candidate
  const byPhone = () => ({
    description: '咨询一下',
    phone: ORIGINAL.citizenPhone,
    lng: point.longitude,
    lat: point.latitude,
  });
  const ids = (response: Awaited<ReturnType<typeof draft>>) =>
    (response.json().candidates as { caseId: number }[]).map((c) => c.caseId);

  it('does not list a caller’s cases by his number to a supervisor, who may not read it', async () => {
    const answer = await draft('supervisor', byPhone());
    expect(answer.statusCode, answer.body).toBe(200);
    expect(ids(answer)).not.toContain(original.id);
  });

  it('uses the number as a signal for the agent, who may read it', async () => {
    expect(ids(await draft('agent', byPhone()))).toContain(original.id);
  });
});

describe('GET /cases/:id/duplicates', () => {
  it('answers the dispatcher the duplicates of a stored case', async () => {
    const dup = await world.newCase('agent', {
      content: '滨河小区3号楼楼道堆放杂物堵塞消防通道，物业不处理，已经反映过了',
      citizenPhone: '+86 139-1234-5678',
      categoryId,
      location: point,
    });
    const response = await world.get('dispatcher', `/api/v1/cases/${dup.id}/duplicates`);
    expect(response.statusCode, response.body).toBe(200);
    const [best] = response.json().candidates;
    expect(best).toMatchObject({ caseId: original.id, number: original.number, likely: true });
    expect(response.json().candidates.map((c: { caseId: number }) => c.caseId)).not.toContain(dup.id);
  });

  it('refuses a case outside the dispatcher’s scope, and answers 404 for none', async () => {
    expect((await world.get('dispatcher_hbw', `/api/v1/cases/${wudaCase.id}/duplicates`)).statusCode).toBe(
      403,
    );
    expect((await world.get('dispatcher', '/api/v1/cases/999999/duplicates')).statusCode).toBe(404);
    expect(
      (await world.get('dispatcher', `/api/v1/cases/${original.id}/duplicates?windowDays=0`)).statusCode,
    ).toBe(400);
  });
});

describe('candidate titles (finding 5)', () => {
  it('quote a candidate’s title with its phone masked for a supervisor, in full for the dispatcher (finding 5)', async () => {
    const quoted = await world.newCase('agent', {
      content: '电话13987654321，人民公园南门路灯整晚不亮',
      location: point,
    });
    const again = await world.newCase('agent', {
      content: '人民公园南门路灯整晚不亮，晚上行人看不清路，请尽快修理',
      location: point,
    });
    const candidateOf = async (user: string) => {
      const response = await world.get(user, `/api/v1/cases/${again.id}/duplicates`);
      expect(response.statusCode, response.body).toBe(200);
      return (response.json().candidates as { caseId: number; title: string }[]).find(
        (c) => c.caseId === quoted.id,
      )!;
    };
    expect((await candidateOf('supervisor')).title).toBe('电话139****4321，人民公园南门路灯整晚不亮');
    expect((await candidateOf('dispatcher')).title).toBe('电话13987654321，人民公园南门路灯整晚不亮');
  });
});
