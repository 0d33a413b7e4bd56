import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/database.js';
import { expectError } from '../../../test/api.js';
import { createGridWorld, type GridWorld, PNG_BASE64 } from '../grid.test-support.js';
import {
  createHouseAs,
  createResidentAs,
  firstGridOf,
  houseBody,
  idNumberFor,
} from '../registers/registers.test-support.js';

let w: GridWorld;
let houseId: number;
let residentId: number;
beforeAll(async () => {
  w = await createGridWorld();
  houseId = await createHouseAs(w, 'grid', houseBody(w.grid.id, '801', { location: w.grid.center }));
  residentId = (await createResidentAs(w, 'grid', houseId, idNumberFor(801))).id;
});
afterAll(() => w.api.close());

function visit(body: Record<string, unknown>, key?: string, user = 'grid') {
  return w.send(user, 'POST', '/api/v1/grid/visits', body, key ? { 'idempotency-key': key } : {});
}

async function count(table: 'grid_visits' | 'grid_findings'): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    w.api.ctx.db,
    sql`select count(*)::int as n from ${sql.raw(table)}`,
  );
  return Number(row!.n);
}

describe('a household visit', () => {
  it('is recorded with a photo and the people met, once however often the upload is retried', async () => {
    const body = {
      houseId,
      purpose: 'care',
      note: '老人身体状况良好，家中煤气灶老化',
      met: '户主本人',
      metResidentIds: [residentId],
      photo: `data:image/png;base64,${PNG_BASE64}`,
    };
    const first = await visit(body, 'visit-key-0001');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers.location).toBe(`/api/v1/grid/visits/${first.json().id}`);
    expect(first.json()).toMatchObject({
      houseId,
      purpose: 'care',
      visitorName: expect.any(String),
      metResidents: [{ id: residentId, name: '王秀英' }],
      photos: [expect.objectContaining({ role: 'visit' })],
    });
    const photo = await w.get('grid', first.json().photos[0].url);
    expect(photo.headers['content-type']).toBe('image/png');
    const visits = await count('grid_visits');
    const again = await visit(body, 'visit-key-0001');
    expectError(again, 409, 'ALREADY_RECEIVED');
    expect(again.headers.location).toBe(`/api/v1/grid/visits/${first.json().id}`);
    expect(await count('grid_visits')).toBe(visits);
    // the leader reads who was met by surname only
    const asLeader = (await w.get('leader', `/api/v1/grid/visits/${first.json().id}`)).json();
    expect(asLeader.metResidents).toEqual([{ id: residentId, name: '王**' }]);
  });

  it('turns a need marked for reporting into a finding of the grid, in the same transaction', async () => {
    const response = await visit({
      houseId,
      purpose: 'safety',
      note: '检查燃气安全',
      needs: [
        { description: '楼道堆放杂物，影响消防通道', report: true },
        { description: '希望社区组织老年体检' },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    const [reported, noted] = response.json().needs;
    expect(noted).toEqual({ description: '希望社区组织老年体检', findingId: null });
    const finding = (await w.get('grid', `/api/v1/grid/findings/${reported.findingId}`)).json();
    expect(finding).toMatchObject({
      state: 'open',
      description: '入户走访发现：楼道堆放杂物，影响消防通道',
      address: '测试小区9号楼1单元801',
      location: w.grid.center,
      actions: expect.arrayContaining(['report_up', 'solve_on_spot']),
    });
  });

  it('records nothing when a need’s finding is refused, naming the need’s field', async () => {
    const [visits, findings] = [await count('grid_visits'), await count('grid_findings')];
    expectError(
      await visit({
        houseId,
        purpose: 'routine',
        note: '日常走访',
        needs: [
          { description: '路灯不亮', report: true },
          { description: '下水道堵塞', report: true, categoryId: 999_999 },
        ],
      }),
      400,
      'VALIDATION_FAILED',
      'needs.1.categoryId',
    );
    expect([await count('grid_visits'), await count('grid_findings')]).toEqual([visits, findings]);
  });

  it('refuses a photo that is not an image, a stranger met, and a time in the future', async () => {
    const base = { houseId, purpose: 'routine', note: '日常走访' };
    const text = Buffer.from('this is not a photo at all').toString('base64');
    expectError(await visit({ ...base, photo: text }), 400, 'VALIDATION_FAILED', 'photo.0');
    const otherHouse = await createHouseAs(w, 'grid', houseBody(w.grid.id, '802'));
    const stranger = (await createResidentAs(w, 'grid', otherHouse, idNumberFor(802))).id;
    expectError(
      await visit({ ...base, metResidentIds: [stranger] }),
      400,
      'VALIDATION_FAILED',
      'metResidentIds',
    );
    const future = new Date(w.clock.now().getTime() + 3_600_000).toISOString();
    expectError(await visit({ ...base, visitedAt: future }), 400, 'VALIDATION_FAILED', 'visitedAt');
    expectError(await visit({ houseId, note: '缺少事由' }), 400, 'VALIDATION_FAILED', 'purpose');
  });

  it('refuses a household outside the visitor’s scope, and one not in the register', async () => {
    const wuda = await firstGridOf(w, '150304');
    const farHouse = await createHouseAs(w, 'dispatcher', houseBody(wuda.id, '803'));
    expectError(
      await visit({ houseId: farHouse, purpose: 'routine', note: '日常走访' }),
      403,
      'OUT_OF_SCOPE',
      'houseId',
    );
    expectError(
      await visit({ houseId: 99_999_999, purpose: 'routine', note: '日常走访' }),
      400,
      'VALIDATION_FAILED',
      'houseId',
    );
    expectError(
      await visit({ houseId, purpose: 'routine', note: '日常走访' }, undefined, 'leader'),
      403,
      'FORBIDDEN',
    );
  });

  it('shows on the household’s page with its residents, newest first', async () => {
    const page = (await w.get('grid', `/api/v1/grid/houses/${houseId}`)).json();
    expect(page.residents.map((r: { id: number }) => r.id)).toEqual([residentId]);
    expect(page.visits.length).toBeGreaterThanOrEqual(2);
    const times = page.visits.map((v: { visitedAt: string }) => v.visitedAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(page.lastVisitedAt).toBe(times[0]);
  });
});

describe('visit coverage and the households to visit', () => {
  const coverage = async (at: Date) =>
    (await w.get('grid', `/api/v1/grid/visit-coverage?within=${w.grid.id}&at=${at.toISOString()}`)).json();

  it('counts a household in the 30- and 90-day shares of its grid by its latest visit', async () => {
    const now = w.clock.now();
    const fresh = await createHouseAs(w, 'grid', houseBody(w.grid.id, '901'));
    const older = await createHouseAs(w, 'grid', houseBody(w.grid.id, '902'));
    await createHouseAs(w, 'grid', houseBody(w.grid.id, '903'));
    const later = new Date(now.getTime() + 25 * 86_400_000);
    const [before, beforeLater] = [await coverage(now), await coverage(later)];
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    for (const [id, days] of [
      [fresh, 10],
      [older, 60],
    ] as const) {
      const response = await visit({
        houseId: id,
        purpose: 'routine',
        note: '日常走访',
        visitedAt: daysAgo(days),
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const after = await coverage(now);
    expect(after.summary.households).toBe(before.summary.households);
    expect(after.summary.visited30 - before.summary.visited30).toBe(1);
    expect(after.summary.visited90 - before.summary.visited90).toBe(2);
    expect(after.summary.share30).toBeCloseTo(after.summary.visited30 / after.summary.households);
    expect(after.items).toEqual([
      expect.objectContaining({ gridId: w.grid.id, households: after.summary.households }),
    ]);
    // 25 days on, the fresh visit has left the 30-day window but not the 90-day one
    const afterLater = await coverage(later);
    expect(afterLater.summary.visited30 - beforeLater.summary.visited30).toBe(0);
    expect(afterLater.summary.visited90 - beforeLater.summary.visited90).toBe(2);
  });

  it('lists the households not visited for N days, the never-visited first', async () => {
    const list = (await w.get('grid', '/api/v1/grid/houses?notVisitedForDays=30&pageSize=200')).json();
    const threshold = w.clock.now().getTime() - 30 * 86_400_000;
    expect(list.items.length).toBeGreaterThan(0);
    expect(
      list.items.every(
        (h: { lastVisitedAt: string | null }) =>
          h.lastVisitedAt === null || Date.parse(h.lastVisitedAt) < threshold,
      ),
    ).toBe(true);
    const firstVisited = list.items.findIndex(
      (h: { lastVisitedAt: string | null }) => h.lastVisitedAt !== null,
    );
    if (firstVisited >= 0) {
      expect(
        list.items.slice(firstVisited).every((h: { lastVisitedAt: string | null }) => h.lastVisitedAt),
      ).toBe(true);
    }
    expect(list.items.map((h: { id: number }) => h.id)).not.toContain(houseId);
  });

  it('refuses coverage of an org outside the caller’s scope', async () => {
    const wuda = await firstGridOf(w, '150304');
    expectError(await w.get('grid', `/api/v1/grid/visit-coverage?within=${wuda.id}`), 403, 'OUT_OF_SCOPE');
  });
});
