import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { createTestApp, createTestContext, signIn, type TestContext } from '../../test/setup.js';
import { seedDemo } from '../demo/seed-demo.js';
import { DEMO_KNOWLEDGE_ENTRIES, DEMO_REPLY_TEMPLATES } from './knowledge-demo.data.js';
import { seedDemoKnowledge } from './seed-knowledge.js';

let ctx: TestContext;
let built: Awaited<ReturnType<typeof createTestApp>>;
let agent: { authorization: string };

beforeAll(async () => {
  ctx = await createTestContext({ clock: new ManualClock('2026-11-23T02:00:00Z') });
  await seedDemo(ctx);
  built = await createTestApp(ctx);
  agent = await signIn(built.app, 'agent');
});
afterAll(async () => {
  await built?.app.close();
  await ctx?.dispose();
});

const questionOf = (key: string) => DEMO_KNOWLEDGE_ENTRIES.find((e) => e.key === key)!.question;

async function search(q: string) {
  const response = await built.app.inject({
    method: 'GET',
    url: `/api/v1/knowledge?q=${encodeURIComponent(q)}&pageSize=5`,
    headers: agent,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: { question: string; score: number }[]; total: number };
}

describe('knowledge search over the demo knowledge base', () => {
  // How callers put it on the phone → the entry that answers it (none of them repeats the entry's wording).
  const queries: [string, string][] = [
    ['公积金怎么提取', 'hpf.withdraw-materials'],
    ['暖气不热找谁', 'heat.not-warm'],
    ['孩子明年上小学怎么报名', 'school.primary-enrol'],
    ['身份证丢了去哪补', 'idcard.reissue'],
    ['去外地住院医保能报吗', 'medins.offsite-filing'],
    ['开小卖部要办什么执照', 'biz.individual-license'],
    ['我家突然没电了', 'power.outage'],
    ['违章罚款在哪交', 'traffic.violation'],
    ['老人办老年证要啥材料', 'elderly.preferential-card'],
    ['买二手房过户流程', 'estate.transfer'],
    ['个税退税怎么弄', 'tax.iit-annual'],
    ['外地人怎么办居住证', 'residence.permit'],
    ['厨房有煤气味', 'gas.leak'],
    ['公司欠工资不发', 'labour.wage-arrears'],
  ];

  it.each(queries)('ranks the right entry first for 「%s」', async (q, key) => {
    const { items } = await search(q);
    expect(
      items.map((i) => i.question),
      `top hits for ${q}`,
    ).toContain(questionOf(key));
    expect(items[0]?.question).toBe(questionOf(key));
  });

  it('scores best first and finds nothing for words no entry has', async () => {
    const { items } = await search('公积金怎么提取');
    const scores = items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect((await search('量子纠缠')).total).toBe(0);
    expect((await search('怎么办？')).total).toBe(0);
  });

  it('leaves out the expired demo entry at intake', async () => {
    const { items } = await search('延长供暖');
    expect(items.map((i) => i.question)).not.toContain(questionOf('heat.season-2025'));
  });
});

describe('the demo knowledge seed', () => {
  it('wrote every entry and template once, and writes nothing when run again', async () => {
    const all = await built.app.inject({
      method: 'GET',
      url: '/api/v1/knowledge?valid=all&pageSize=1',
      headers: await signIn(built.app, 'admin'),
    });
    expect(all.json().total).toBe(DEMO_KNOWLEDGE_ENTRIES.length);
    expect(DEMO_REPLY_TEMPLATES.length).toBeGreaterThanOrEqual(15);
    expect(await seedDemoKnowledge(ctx)).toEqual({ entries: 0, templates: 0 });
  });
});
