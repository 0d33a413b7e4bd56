import { fillReplyTemplate } from '@shanzhi/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { createTestApp, createTestContext, signIn, type TestContext } from '../../test/setup.js';
import { seedDemo } from '../demo/seed-demo.js';

type Headers = { authorization: string };

const clock = new ManualClock('2026-11-23T02:00:00Z'); // 10:00 in Beijing
let ctx: TestContext;
let built: Awaited<ReturnType<typeof createTestApp>>;
let admin: Headers;
let agent: Headers;
let handler: Headers;
let citizen: Headers;

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  await seedDemo(ctx);
  built = await createTestApp(ctx);
  admin = await signIn(built.app, 'admin');
  agent = await signIn(built.app, 'agent');
  handler = await signIn(built.app, 'handler');
  citizen = await signIn(built.app, 'citizen');
});
afterAll(async () => {
  await built?.app.close();
  await ctx?.dispose();
});

function call(method: 'GET' | 'POST' | 'PATCH', url: string, headers?: Headers, payload?: object) {
  return built.app.inject({ method, url, headers, ...(payload && { payload }) });
}

async function createEntry(fields: Record<string, unknown>) {
  const response = await call('POST', '/api/v1/knowledge', admin, {
    question: '乌海葡萄节在哪里举办？',
    answer: '以主办单位公布的活动安排为准。',
    ...fields,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: number; version: number; validNow: boolean; tags: string[] };
}

const questionsOf = (body: { items: { question: string }[] }) => body.items.map((i) => i.question);

describe('knowledge entries', () => {
  it('creates an entry, finds it by a paraphrase and reads it back', async () => {
    const entry = await createEntry({
      question: '沙漠葡萄酒庄参观需要预约吗？',
      answer: '多数酒庄实行预约参观，请以酒庄公布的开放安排为准。',
      tags: ['酒庄', '参观', '酒庄'],
    });
    expect(entry).toMatchObject({ version: 0, validNow: true, tags: ['酒庄', '参观'] });
    const found = await call('GET', `/api/v1/knowledge?q=${encodeURIComponent('去酒庄参观怎么预约')}`, agent);
    expect(found.statusCode).toBe(200);
    expect(found.json().items[0]).toMatchObject({ id: entry.id, actions: [] });
    const read = await call('GET', `/api/v1/knowledge/${entry.id}`, admin);
    expect(read.json()).toMatchObject({
      id: entry.id,
      createdByName: '系统管理员',
      actions: ['update', 'deactivate'],
    });
    expect((await call('GET', '/api/v1/knowledge/999999', agent)).statusCode).toBe(404);
  });

  it('lists newest first without q, and filters by tag and category', async () => {
    const categories = (await call('GET', '/api/v1/catalog/categories?level=1', admin)).json().items;
    const area = categories[0];
    const tagged = await createEntry({
      question: '乌海湖游船几点开？',
      tags: ['乌海湖'],
      categoryId: area.id,
    });
    const list = (await call('GET', '/api/v1/knowledge?pageSize=1', agent)).json();
    expect(list.items[0].id).toBe(tagged.id);
    expect(list.total).toBeGreaterThan(50);
    const byTag = (await call('GET', `/api/v1/knowledge?tag=${encodeURIComponent('乌海湖')}`, agent)).json();
    expect(byTag.items.map((i: { id: number }) => i.id)).toEqual([tagged.id]);
    const byCategory = (await call('GET', `/api/v1/knowledge?categoryId=${area.id}`, agent)).json();
    expect(byCategory.items.map((i: { id: number }) => i.id)).toContain(tagged.id);
    expect(byCategory.items.every((i: { categoryId: number }) => i.categoryId !== null)).toBe(true);
  });

  it('offers at intake only entries valid today, lists the others with valid=all', async () => {
    const expired = await createEntry({
      question: '滨河湿地冬季冰雪节门票？',
      validFrom: '2025-12-01',
      validTo: '2026-02-28',
    });
    const future = await createEntry({ question: '滨河湿地明年冰雪节门票？', validFrom: '2026-12-01' });
    const lastDay = await createEntry({ question: '滨河湿地今冬冰雪节门票？', validTo: '2026-11-23' });
    const intake = await call('GET', `/api/v1/knowledge?q=${encodeURIComponent('冰雪节门票')}`, agent);
    expect(intake.json().items.map((i: { id: number }) => i.id)).toEqual([lastDay.id]);
    const all = await call('GET', `/api/v1/knowledge?valid=all&q=${encodeURIComponent('冰雪节门票')}`, admin);
    expect(
      all
        .json()
        .items.map((i: { id: number }) => i.id)
        .sort(),
    ).toEqual([expired.id, future.id, lastDay.id].sort());
    expect((await call('GET', `/api/v1/knowledge/${expired.id}`, agent)).json()).toMatchObject({
      validNow: false,
    });
    // 00:30 the next day in Beijing: the last day has passed.
    clock.set('2026-11-23T16:30:00Z');
    try {
      // A session idles out over such a jump: sign in again at the new time.
      const agentTomorrow = await signIn(built.app, 'agent');
      const nextDay = await call(
        'GET',
        `/api/v1/knowledge?q=${encodeURIComponent('冰雪节门票')}`,
        agentTomorrow,
      );
      expect(nextDay.statusCode).toBe(200);
      expect(nextDay.json().total).toBe(0);
    } finally {
      clock.set('2026-11-23T02:00:00Z');
    }
  });

  it('refuses valid=all to those who only read the knowledge base', async () => {
    const response = await call('GET', '/api/v1/knowledge?valid=all', agent);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
  });

  const long = '答'.repeat(10_000);
  const invalid: [string, Record<string, unknown>, string][] = [
    ['an empty question', { question: '   ' }, 'question'],
    ['a 10 000-character answer', { answer: long }, 'answer'],
    ['a date that does not exist', { validFrom: '2026-02-30' }, 'validFrom'],
    ['a date in another format', { validTo: '2026/12/31' }, 'validTo'],
    ['an end before the start', { validFrom: '2026-12-01', validTo: '2026-11-30' }, 'validTo'],
    ['an unknown field', { priority: 'high' }, 'priority'],
    ['a blank tag', { tags: ['  '] }, 'tags.0'],
    ['a category that does not exist', { categoryId: 999_999 }, 'categoryId'],
  ];
  it.each(invalid)('answers 400 with the field for %s', async (_name, fields, field) => {
    const response = await call('POST', '/api/v1/knowledge', admin, {
      question: '问题',
      answer: '答案',
      ...fields,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('refuses a change that puts the end before the stored start', async () => {
    const entry = await createEntry({ validFrom: '2026-11-01' });
    const response = await call('PATCH', `/api/v1/knowledge/${entry.id}`, admin, {
      version: entry.version,
      validTo: '2026-10-31',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('validTo');
  });

  it('changes at the version read, answers 409 on a stale one, and re-indexes the text', async () => {
    const entry = await createEntry({ question: '甘德尔山景区开放时间？' });
    const changed = await call('PATCH', `/api/v1/knowledge/${entry.id}`, admin, {
      version: 0,
      question: '黄河湿地公园开放时间？',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ version: 1, question: '黄河湿地公园开放时间？' });
    const stale = await call('PATCH', `/api/v1/knowledge/${entry.id}`, admin, { version: 0, answer: '改' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const staleDeactivate = await call('POST', `/api/v1/knowledge/${entry.id}/deactivate`, admin, {
      version: 0,
    });
    expect(staleDeactivate.statusCode).toBe(409);
    const found = await call('GET', `/api/v1/knowledge?q=${encodeURIComponent('湿地公园几点开门')}`, agent);
    expect(found.json().items[0].id).toBe(entry.id);
    const gone = await call('GET', `/api/v1/knowledge?q=${encodeURIComponent('甘德尔山')}`, agent);
    expect(gone.json().total).toBe(0);
  });

  it('withdraws a deactivated entry from intake and the public FAQ', async () => {
    const entry = await createEntry({ question: '金沙湾景区骆驼骑行安全吗？' });
    const done = await call('POST', `/api/v1/knowledge/${entry.id}/deactivate`, admin, { version: 0 });
    expect(done.json()).toMatchObject({ active: false, validNow: false, version: 1, actions: ['update'] });
    expect(
      (await call('GET', `/api/v1/knowledge?q=${encodeURIComponent('骆驼骑行')}`, agent)).json().total,
    ).toBe(0);
    const faq = await call('GET', `/api/v1/public/faq?q=${encodeURIComponent('骆驼骑行')}`);
    expect(faq.json().items).toEqual([]);
  });

  it('lets only knowledge editors write', async () => {
    for (const who of [citizen, agent, handler]) {
      const response = await call('POST', '/api/v1/knowledge', who, { question: '问', answer: '答' });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    expect((await call('GET', '/api/v1/knowledge', citizen)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/knowledge')).statusCode).toBe(401);
  });
});

describe('public FAQ', () => {
  it('answers without sign-in with valid entries only, question and answer only, limited', async () => {
    const response = await call(
      'GET',
      `/api/v1/public/faq?q=${encodeURIComponent('公积金怎么提取')}&limit=3`,
    );
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Record<string, unknown>[];
    expect(items).toHaveLength(3);
    expect(items[0]?.question).toBe('住房公积金提取需要哪些材料？');
    expect(Object.keys(items[0]!).sort()).toEqual(['answer', 'id', 'question']);
    const newest = await call('GET', '/api/v1/public/faq');
    expect(newest.json().items).toHaveLength(10);
    const faq = (await call('GET', `/api/v1/public/faq?q=${encodeURIComponent('延长供暖')}`)).json();
    expect(questionsOf(faq)).not.toContain('2025—2026 供暖季会延长供暖吗？');
    expect((await call('GET', '/api/v1/public/faq?limit=500')).statusCode).toBe(400);
  });
});

describe('reply templates', () => {
  let area: { id: number; name: string };
  let sub: { id: number };
  let other: { id: number };

  beforeAll(async () => {
    const areas = (await call('GET', '/api/v1/catalog/categories?level=1', admin)).json().items;
    [area, other] = areas;
    sub = (await call('GET', `/api/v1/catalog/categories?parentId=${area.id}`, admin)).json().items[0];
  });

  async function createTemplate(fields: Record<string, unknown>) {
    const response = await call('POST', '/api/v1/reply-templates', admin, {
      name: '测试样板',
      body: '{citizenName}您好：工单 {caseNumber} 已办结。',
      ...fields,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number; version: number; body: string; placeholders: string[] };
  }

  it('gives a category its own, its parents’ and the general templates, most specific first', async () => {
    const own = await createTemplate({ name: '小类样板', categoryId: sub.id });
    const parent = await createTemplate({ name: '大类样板', categoryId: area.id });
    const elsewhere = await createTemplate({ name: '别类样板', categoryId: other.id });
    const response = await call('GET', `/api/v1/reply-templates?categoryId=${sub.id}`, handler);
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { id: number; categoryId: number | null }[];
    const ids = items.map((t) => t.id);
    expect(ids.slice(0, 2)).toEqual([own.id, parent.id]);
    expect(ids).not.toContain(elsewhere.id);
    expect(items.filter((t) => t.categoryId === null).length).toBeGreaterThanOrEqual(5);
    expect(items.at(-1)?.categoryId).toBeNull();
    expect((await call('GET', '/api/v1/reply-templates?categoryId=999999', handler)).statusCode).toBe(404);
  });

  it('fills a template the API returns, leaving what it lacks visible', async () => {
    const template = await createTemplate({
      body: '{citizenName}您好：工单 {caseNumber} 已由{unitName}办结。',
    });
    expect(template.placeholders).toEqual(['citizenName', 'caseNumber', 'unitName']);
    expect(fillReplyTemplate(template.body, { citizenName: '陈女士', caseNumber: 'WH20261123000123' })).toBe(
      '陈女士您好：工单 WH20261123000123 已由{unitName}办结。',
    );
  });

  it('refuses an unknown placeholder and a stale version, and retires a template', async () => {
    const typo = await call('POST', '/api/v1/reply-templates', admin, {
      name: '错',
      body: '{citizenname}您好',
    });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().error.fields[0]).toMatchObject({ field: 'body' });
    const template = await createTemplate({ name: '将停用的样板' });
    const retired = await call('PATCH', `/api/v1/reply-templates/${template.id}`, admin, {
      version: 0,
      active: false,
    });
    expect(retired.json()).toMatchObject({ version: 1, active: false });
    const stale = await call('PATCH', `/api/v1/reply-templates/${template.id}`, admin, {
      version: 0,
      name: '改',
    });
    expect(stale.statusCode).toBe(409);
    const active = (await call('GET', '/api/v1/reply-templates', handler)).json().items;
    expect(active.map((t: { id: number }) => t.id)).not.toContain(template.id);
    const all = (await call('GET', '/api/v1/reply-templates?active=all', admin)).json().items;
    expect(all.map((t: { id: number }) => t.id)).toContain(template.id);
    expect((await call('GET', '/api/v1/reply-templates?active=all', handler)).statusCode).toBe(403);
  });

  it('lets handlers read but not write templates, and citizens neither', async () => {
    expect(
      (await call('POST', '/api/v1/reply-templates', handler, { name: 'x', body: 'y' })).statusCode,
    ).toBe(403);
    expect((await call('GET', '/api/v1/reply-templates', citizen)).statusCode).toBe(403);
  });
});
