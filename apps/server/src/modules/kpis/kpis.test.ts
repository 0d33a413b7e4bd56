import type { KpiCounts } from '@shanzhi/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { auditEntries, createSeededApi, expectError, type SeededApi } from '../../test/api.js';
import { bj, buildKpiFixture, type KpiFixtureOrgs } from './kpis.test-support.js';

/**
 * The fixture of `kpis.test-support.ts`, measured over November 2026 (Beijing) with the clock on
 * 2026-12-05, so every deadline of the month has passed. Case numbers below are the fixture's, in order.
 */
const NOVEMBER = 'from=2026-11-01&to=2026-11-30';

/**
 * The whole city in November, by hand:
 * - total: created in Nov, not invalidated: 1–6, 8, 9, 12–16, 18, 19, 21 = 16 (7 is spam; 10, 11, 17 came
 *   in October, 20 in December); duplicates: 8 (merged) = 1
 * - dispatched in Nov (assessed): 1–5, 12–14, 18, 19, 21 = 11; accepted: all but 4 (returned) and 18 = 9;
 *   on time: all of those but 2 (signed at 15:00 for 12:00) = 8; returned: 4 = 1; extended: 3 = 1 (19 was
 *   refused)
 * - due to close: deadline in Nov (passed) or closed in Nov: 1–4, 6, 10–19, 21 but 5 (due 12-02), 7–9
 *   (not assessed), 20 = 16; closed: 1, 2, 6, 10, 14 = 5; on time: 1, 6, 10, 14 = 4 (2 replied after its
 *   deadline); overdue: 16 − 4 = 12
 * - replied in Nov: 1, 2, 3, 12, 13, 14, 21 (23:00 on the 30th) = 7 (10 replied in October); reworked: 2 = 1;
 *   due for callback (reply approved): all but 21 = 6; called back after the reply: 1, 2, 12, 13, 14 = 5
 * - valid callbacks in Nov: 1, 2, 10, 12, 14 = 5 (13 was not reached); contacted: 1, 2, 10, 14 = 4;
 *   solved: 1, 10, 14 = 3; 满意: 1, 10, 14 = 3; 基本满意: 2 = 1
 */
const CITY_NOVEMBER: KpiCounts = {
  total: 16,
  duplicates: 1,
  dispatched: 11,
  accepted: 9,
  acceptedOnTime: 8,
  returned: 1,
  extended: 1,
  dueToClose: 16,
  closed: 5,
  closedOnTime: 4,
  overdue: 12,
  replied: 7,
  reworked: 1,
  dueForCallback: 6,
  callbacks: 5,
  validCallbacks: 5,
  contacted: 4,
  solved: 3,
  satisfied: 3,
  basicallySatisfied: 1,
};

let api: SeededApi;
let clock: ManualClock;
let ids: KpiFixtureOrgs;

beforeAll(async () => {
  clock = new ManualClock(bj('12-05 10:00'));
  api = await createSeededApi({ clock });
  ids = await buildKpiFixture(api);
});
afterAll(() => api?.close());

async function get(user: string, url: string) {
  return api.app.inject({ method: 'GET', url, headers: await api.as(user) });
}

async function report(user: string, query: string) {
  const response = await get(user, `/api/v1/kpis?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

function expectRate(
  rate: { numerator: number; denominator: number; value: number | null },
  n: number,
  d: number,
) {
  expect(rate.numerator).toBeCloseTo(n, 9);
  expect(rate.denominator).toBe(d);
  expect(rate.value).toBeCloseTo(n / d, 9);
}

describe('GET /api/v1/kpis', () => {
  it('counts the city’s November exactly as computed by hand', async () => {
    const body = await report('leader', NOVEMBER);
    expect(body.org).toMatchObject({ kind: 'city' });
    expect(body).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    expect(body.counts).toEqual(CITY_NOVEMBER);
  });

  it('computes every rate from its numerator and denominator', async () => {
    const { rates } = await report('leader', NOVEMBER);
    expectRate(rates.acceptanceRate, 9, 11);
    expectRate(rates.onTimeAcceptanceRate, 8, 11);
    expectRate(rates.closingRate, 5, 16);
    expectRate(rates.onTimeClosingRate, 4, 16);
    expectRate(rates.overdueRate, 12, 16);
    expectRate(rates.reworkRate, 1, 7);
    expectRate(rates.returnRate, 1, 11);
    expectRate(rates.extensionRate, 1, 9);
    expectRate(rates.duplicateRate, 1, 16);
    expectRate(rates.callbackRate, 5, 6);
    // 响应率 4/5 = 0.8; 解决率 3/5 = 0.6; 满意率 (3 + 0.9 × 1)/5 = 0.78
    expectRate(rates.responseRate, 4, 5);
    expectRate(rates.solvingRate, 3, 5);
    expectRate(rates.satisfactionRate, 3.9, 5);
    // 0.1 × 4 + 0.5 × 3 + 0.4 × 3.9 = 3.46 → 3.46 / 5 = 0.692
    expectRate(rates.compositeScore, 3.46, 5);
    expect(rates.compositeScore.value).toBeCloseTo(0.692, 9);
  });

  it('counts only what is due by now while the period runs', async () => {
    // on 11-20 10:00 the deadlines of 15 (11-26), 18 (11-22), 19 (11-23) and 21 (11-27) are still ahead
    clock.set(bj('11-20 10:00'));
    try {
      const { counts } = await report('leader', NOVEMBER);
      expect(counts).toMatchObject({ dueToClose: 12, closed: 5, closedOnTime: 4, overdue: 8 });
    } finally {
      clock.set(bj('12-05 10:00'));
    }
  });

  it('measures an org subtree: 乌达区 holds cases 12–14', async () => {
    const { counts, rates } = await report('leader', `${NOVEMBER}&org=${ids.wuda}`);
    expect(counts).toEqual({
      total: 3,
      duplicates: 0,
      dispatched: 3,
      accepted: 3,
      acceptedOnTime: 3,
      returned: 0,
      extended: 0,
      dueToClose: 3,
      closed: 1,
      closedOnTime: 1,
      overdue: 2,
      replied: 3,
      reworked: 0,
      dueForCallback: 3,
      callbacks: 3,
      validCallbacks: 2,
      contacted: 1,
      solved: 1,
      satisfied: 1,
      basicallySatisfied: 0,
    });
    expect(rates.compositeScore.value).toBeCloseTo(0.5, 9);
  });

  it('refuses an org outside the caller’s scope with 403 and measures his own scope by default', async () => {
    expectError(await get('dispatcher_hbw', `/api/v1/kpis?${NOVEMBER}&org=${ids.wuda}`), 403, 'OUT_OF_SCOPE');
    const own = await report('dispatcher_hbw', NOVEMBER);
    expect(own.org).toMatchObject({ id: ids.hbw });
    expect(own.counts.total).toBe(13);
  });

  it('refuses roles without kpi.read, and bad periods with 400', async () => {
    expectError(await get('handler', `/api/v1/kpis?${NOVEMBER}`), 403, 'FORBIDDEN');
    expectError(await get('leader', '/api/v1/kpis?from=2026-11-31'), 400, 'VALIDATION_FAILED', 'query.from');
    expectError(
      await get('leader', '/api/v1/kpis?from=2026-12-01&to=2026-11-01'),
      400,
      'VALIDATION_FAILED',
      'to',
    );
    expectError(
      await get('leader', '/api/v1/kpis?from=2020-01-01&to=2026-11-01'),
      400,
      'VALIDATION_FAILED',
      'from',
    );
    expectError(await get('leader', '/api/v1/kpis?org=0'), 400, 'VALIDATION_FAILED', 'query.org');
    expectError(await get('leader', '/api/v1/kpis?org=99999'), 404, 'ORG_NOT_FOUND');
  });
});

describe('GET /api/v1/kpis/ranking', () => {
  it('ranks districts by score and flags those under the configured threshold (0.85)', async () => {
    const response = await get('leader', `/api/v1/kpis/ranking?level=district&${NOVEMBER}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.threshold).toBe(0.85);
    // 海勃湾区: valid callbacks 1, 2, 10 → (0.1 × 3 + 0.5 × 2 + 0.4 × 2.9) / 3 = 2.46 / 3 = 0.82
    expect(
      body.items.map((i: { org: { id: number }; rank: number | null; flagged: boolean }) => [
        i.org.id,
        i.rank,
        i.flagged,
      ]),
    ).toEqual([
      [ids.hbw, 1, true],
      [ids.wuda, 2, true],
      [expect.any(Number), null, false],
    ]);
    expect(body.items[0].score).toBeCloseTo(0.82, 9);
    expect(body.items[1].score).toBeCloseTo(0.5, 9);
  });

  it('takes a threshold from the query', async () => {
    const body = (
      await get('leader', `/api/v1/kpis/ranking?level=district&${NOVEMBER}&threshold=0.8`)
    ).json();
    expect(
      body.items.filter((i: { flagged: boolean }) => i.flagged).map((i: { org: { id: number } }) => i.org.id),
    ).toEqual([ids.wuda]);
  });

  it('ranks units by the lead unit of each case', async () => {
    const body = (await get('supervisor', `/api/v1/kpis/ranking?level=unit&${NOVEMBER}`)).json();
    expect(body.items.map((i: { org: { id: number }; rank: number }) => [i.org.id, i.rank])).toEqual([
      [ids.housing, 1],
      [ids.urban, 2],
    ]);
    expect(body.items[0].score).toBeCloseTo(0.82, 9);
    // 住建局 led 1, 2, 3, 5, 18 and 21 in November (4 was returned and has no lead unit now)
    expect(body.items[0].counts.dispatched).toBe(6);
  });

  it('lists towns without cases unranked, and refuses an unknown level', async () => {
    const body = (await get('leader', `/api/v1/kpis/ranking?level=town&${NOVEMBER}`)).json();
    expect(body.items.length).toBeGreaterThan(10);
    expect(body.items.every((i: { rank: number | null }) => i.rank === null)).toBe(true);
    expectError(
      await get('leader', '/api/v1/kpis/ranking?level=grid'),
      400,
      'VALIDATION_FAILED',
      'query.level',
    );
    expectError(
      await get('leader', '/api/v1/kpis/ranking?level=unit&threshold=2'),
      400,
      'VALIDATION_FAILED',
      'query.threshold',
    );
  });
});

describe('GET /api/v1/kpis/trend', () => {
  it('splits November into Beijing weeks (Monday to Sunday) whose counts add up to the month', async () => {
    const response = await get('leader', `/api/v1/kpis/trend?${NOVEMBER}&bucket=week`);
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json();
    // 11-01 is a Sunday: a one-day first week, then Monday to Sunday, and Monday the 30th alone
    expect(items.map((i: { start: string }) => i.start)).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ]);
    expect(items[0].from).toBe('2026-10-31T16:00:00.000Z');
    expect(items.map((i: { counts: KpiCounts }) => i.counts.total)).toEqual([1, 8, 4, 3, 0, 0]);
    expect(items.map((i: { counts: KpiCounts }) => i.counts.validCallbacks)).toEqual([0, 2, 2, 1, 0, 0]);
    // 11-02 … 11-08: callbacks of 10 and 1, both contacted, solved and satisfied
    expect(items[1].rates.satisfactionRate.value).toBe(1);
    expect(items[4].rates.responseRate.value).toBeNull();
  });

  it('gives one month bucket equal to the report, and 30 day buckets', async () => {
    const month = (await get('leader', `/api/v1/kpis/trend?${NOVEMBER}&bucket=month`)).json();
    expect(month.items).toHaveLength(1);
    expect(month.items[0].counts).toEqual(CITY_NOVEMBER);
    const days = (await get('leader', `/api/v1/kpis/trend?${NOVEMBER}&bucket=day`)).json();
    expect(days.items).toHaveLength(30);
    const sum = (key: keyof KpiCounts) =>
      days.items.reduce((s: number, i: { counts: KpiCounts }) => s + i.counts[key], 0);
    expect([sum('total'), sum('dispatched'), sum('replied'), sum('validCallbacks')]).toEqual([16, 11, 7, 5]);
  });

  it('refuses too many buckets', async () => {
    expectError(
      await get('leader', '/api/v1/kpis/trend?from=2024-01-01&to=2026-11-30&bucket=day'),
      400,
      'VALIDATION_FAILED',
      'bucket',
    );
  });
});

describe('/api/v1/kpis/config', () => {
  it('lets only an admin read and change the weights, the coefficient and the threshold, audited', async () => {
    expectError(await get('leader', '/api/v1/kpis/config'), 403, 'FORBIDDEN');
    const initial = (await get('admin', '/api/v1/kpis/config')).json();
    expect(initial).toEqual({
      basicSatisfactionFactor: 0.9,
      weights: { response: 0.1, solving: 0.5, satisfaction: 0.4 },
      flagThreshold: 0.85,
    });
    const admin = await api.as('admin');
    const bad = await api.app.inject({
      method: 'PUT',
      url: '/api/v1/kpis/config',
      headers: admin,
      payload: { weights: { response: 0.1, solving: 0.5, satisfaction: 0.3 } },
    });
    expectError(bad, 400, 'VALIDATION_FAILED', 'weights');
    const next = {
      basicSatisfactionFactor: 0.8,
      weights: { response: 0.2, solving: 0.4, satisfaction: 0.4 },
      flagThreshold: 0.7,
    };
    const ok = await api.app.inject({
      method: 'PUT',
      url: '/api/v1/kpis/config',
      headers: admin,
      payload: next,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual(next);
    // 满意率 (3 + 0.8 × 1)/5 = 0.76; score 0.2 × 0.8 + 0.4 × 0.6 + 0.4 × 0.76 = 0.704
    const { rates, config } = await report('leader', NOVEMBER);
    expect(config).toEqual({ basicSatisfactionFactor: 0.8, weights: next.weights });
    expect(rates.satisfactionRate.value).toBeCloseTo(0.76, 9);
    expect(rates.compositeScore.value).toBeCloseTo(0.704, 9);
    const ranking = (await get('leader', `/api/v1/kpis/ranking?level=district&${NOVEMBER}`)).json();
    expect(ranking.threshold).toBe(0.7);
    const [entry] = await auditEntries(api, 'kpi.config_changed');
    expect(entry).toMatchObject({ actorUsername: 'admin', detail: { to: next } });
  });
});
