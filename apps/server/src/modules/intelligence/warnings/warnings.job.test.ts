import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.js';
import type { LiveEvent } from '../../../platform/realtime/live-event.js';
import { liveBusOf } from '../../../platform/realtime/realtime.js';
import { createSeededApi, orgIdOf, type SeededApi } from '../../../test/api.js';
import { beijingDayOf, DAY_MS } from './beijing-day.js';
import { detectSurges } from './detect-surges.js';
import { warnings } from './warnings.tables.js';
import {
  backgroundText,
  communitiesOf,
  type GeneratedCase,
  insertCases,
  leavesOfAreas,
  type PlaceForTest,
  poissonDraw,
  seeded,
} from './warnings.test-support.js';

// Day 0 of the generated history is 2026-03-01 (Beijing); the planted day is day 60.
const DAY0 = new Date('2026-02-28T16:00:00.000Z');
const PLANTED_DAY = 60;
const at = (day: number, hour: number) => new Date(DAY0.getTime() + day * DAY_MS + hour * 3_600_000);

let api: SeededApi;
let clock: ManualClock;
let hbw: PlaceForTest[];
let wuda: PlaceForTest[];
let areas: Awaited<ReturnType<typeof leavesOfAreas>>;
let plantedIds: number[];
let topicIds: number[];

beforeAll(async () => {
  clock = new ManualClock(at(PLANTED_DAY, 12));
  api = await createSeededApi({ clock });
  const db = api.ctx.db;
  hbw = await communitiesOf(db, '150302', 6);
  wuda = await communitiesOf(db, '150304', 4);
  areas = await leavesOfAreas(db, 5);
  const centre = await orgIdOf(api.ctx, 'center.city');
  const random = seeded(60);
  // 60 days of background, then the planted day's background too: each (community × area) cell has its own rate
  const rows: GeneratedCase[] = [];
  const places = [...hbw, ...wuda];
  for (let day = 0; day <= PLANTED_DAY; day++) {
    places.forEach((place, p) => {
      areas.forEach((area, a) => {
        const lambda = [0.2, 0.6, 1.5, 3][(p + a) % 4]!;
        for (let k = poissonDraw(lambda, random); k > 0; k--) {
          rows.push({
            at: at(day, 8 + random() * 10),
            ...backgroundText(random),
            categoryId: area.leafId,
            place,
            grid: Math.floor(random() * 4),
          });
        }
      });
    });
  }
  await insertCases(db, centre, rows);
  // the surge: 15 cases of one area in one community of 海勃湾区 on the planted day, over its grids
  const surgePlace = hbw[0]!;
  const surgeArea = areas[0]!;
  plantedIds = await insertCases(
    db,
    centre,
    Array.from({ length: 15 }, (_, i) => ({
      at: at(PLANTED_DAY, 8 + i * 0.2),
      ...backgroundText(random),
      categoryId: surgeArea.leafId,
      place: surgePlace,
      grid: i,
    })),
  );
  // the emerging topic: 8 similar cases about something never reported before, over 乌达区 in the last 48 h
  const topicTexts = [
    '电动滑板车在人行道上高速穿行，差点撞到老人',
    '有人骑电动滑板车在人行道上横冲直撞，很危险',
    '电动滑板车占用人行道飞驰，行人被吓到',
    '人行道上电动滑板车速度太快，撞倒了小孩',
    '晚上很多电动滑板车在人行道上竞速，存在安全隐患',
    '电动滑板车在人行道逆行穿梭，请管理一下',
    '反映电动滑板车人行道上乱窜，老人不敢出门',
    '人行道电动滑板车太多太快，建议整治',
  ];
  topicIds = await insertCases(
    db,
    centre,
    topicTexts.map((text, i) => ({
      at: at(PLANTED_DAY - 1, 9 + i * 2),
      title: text.slice(0, 12),
      description: text,
      categoryId: areas[1]!.leafId,
      place: wuda[i % wuda.length]!,
      grid: i,
    })),
  );
});
afterAll(async () => {
  await api?.close();
});

describe('the surge detector', () => {
  it('raises no false alarm on any of the 32 background days that have a full baseline', async () => {
    const alarms: string[] = [];
    for (let day = 28; day < PLANTED_DAY; day++) {
      const found = await detectSurges(api.ctx.db, beijingDayOf(at(day, 12)), at(day, 23));
      alarms.push(...found.map((f) => `${f.day} ${f.title} p=${f.pValue.toExponential(1)}`));
    }
    expect(alarms).toEqual([]);
  });
});

describe('the warnings job', () => {
  it('finds the planted surge and the emerging topic, stores them and tells the live stream', async () => {
    const events: LiveEvent[] = [];
    const unsubscribe = await liveBusOf(api.ctx).subscribe((e) => events.push(e));
    const admin = await api.as('admin');
    const response = await api.app.inject({ method: 'POST', url: '/api/v1/warnings/run', headers: admin });
    expect(response.statusCode, response.body).toBe(200);
    const summary = response.json();
    expect(summary).toMatchObject({ ran: true, surges: 1, topics: 1, created: 2 });

    const rows = await api.ctx.db.select().from(warnings);
    const surge = rows.find((r) => r.kind === 'surge')!;
    expect(surge.orgId).toBe(hbw[0]!.communityId);
    expect(surge.categoryId).toBe(areas[0]!.areaId);
    expect(surge.caseIds).toEqual(expect.arrayContaining(plantedIds));
    expect(surge.title).toMatch(/^.+ · .+：今日 \d+ 件，基线 \d+\.\d 件\/日$/);
    expect(surge.score).toBeGreaterThan(5);

    const topic = rows.find((r) => r.kind === 'emerging_topic')!;
    expect(topic.caseIds).toEqual([...topicIds].sort((a, b) => a - b));
    expect(topic.terms.join(' ')).toMatch(/滑板车|人行道/);
    expect(topic.orgPath.length).toBeGreaterThan(0);

    for (let i = 0; i < 50 && events.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    unsubscribe();
    expect(events.map((e) => e.topic)).toEqual(['warning.raised', 'warning.raised']);
  });

  it('updates the same surge on a second run instead of repeating it', async () => {
    clock.advance(3_600_000);
    const admin = await api.as('admin');
    const again = await api.app.inject({ method: 'POST', url: '/api/v1/warnings/run', headers: admin });
    expect(again.json()).toMatchObject({ ran: true, created: 0, updated: 2 });
    expect(await api.ctx.db.select().from(warnings)).toHaveLength(2);
  });

  it('lists warnings by scope, refuses an org outside it, and lets a leader acknowledge one', async () => {
    const list = async (user: string, query = '') =>
      api.app.inject({ method: 'GET', url: `/api/v1/warnings${query}`, headers: await api.as(user) });
    const all = (await list('leader')).json();
    expect(all.total).toBe(2);
    const hbwOnly = (await list('dispatcher_hbw')).json();
    expect(hbwOnly.items.map((w: { kind: string }) => w.kind)).toEqual(['surge']);
    const wudaDistrict = await orgIdOf(api.ctx, '150304');
    expect((await list('dispatcher_hbw', `?org=${wudaDistrict}`)).statusCode).toBe(403);
    expect((await list('leader', `?org=${wudaDistrict}`)).json().total).toBe(1);
    expect((await list('handler')).statusCode).toBe(403);
    expect((await list('leader', '?status=bogus')).statusCode).toBe(400);
    expect((await list('leader', '?from=2026-05-01T00:00:00Z&to=2026-04-01T00:00:00Z')).statusCode).toBe(400);

    const [topic] = await api.ctx.db.select().from(warnings).where(eq(warnings.kind, 'emerging_topic'));
    const ackByHbw = await api.app.inject({
      method: 'POST',
      url: `/api/v1/warnings/${topic!.id}/acknowledge`,
      headers: await api.as('dispatcher_hbw'),
    });
    expect(ackByHbw.statusCode).toBe(403);
    const ack = await api.app.inject({
      method: 'POST',
      url: `/api/v1/warnings/${topic!.id}/acknowledge`,
      headers: await api.as('leader'),
    });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().status).toBe('acknowledged');
    expect((await list('leader', '?status=open')).json().total).toBe(1);
    const missing = await api.app.inject({
      method: 'POST',
      url: '/api/v1/warnings/999999/acknowledge',
      headers: await api.as('leader'),
    });
    expect(missing.statusCode).toBe(404);
    const runByDispatcher = await api.app.inject({
      method: 'POST',
      url: '/api/v1/warnings/run',
      headers: await api.as('dispatcher'),
    });
    expect(runByDispatcher.statusCode).toBe(403);
  });
});
