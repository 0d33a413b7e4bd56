import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/database.js';
import { expectError } from '../../test/api.js';
import { createGridWorld, type GridWorld } from './grid.test-support.js';

let w: GridWorld;
beforeAll(async () => {
  w = await createGridWorld();
});
afterAll(() => w.api.close());

/** A point `metres` north of the grid's centre, `seconds` after now. */
function pointAt(metresNorth: number, seconds: number, accuracy = 8) {
  return {
    longitude: w.grid.center.longitude,
    latitude: w.grid.center.latitude + metresNorth / 111_195,
    accuracy,
    recordedAt: new Date(w.clock.now().getTime() + seconds * 1000).toISOString(),
  };
}

describe('a patrol', () => {
  let patrolId: number;

  it('is started by the grid worker in his own grid, once', async () => {
    const started = await w.send(
      'grid',
      'POST',
      '/api/v1/grid/patrols',
      {},
      { 'idempotency-key': 'patrol-start-0001' },
    );
    expect(started.statusCode, started.body).toBe(201);
    patrolId = started.json().id;
    expect(started.json()).toMatchObject({ gridId: w.grid.id, state: 'ongoing', distanceMeters: 0 });
    const retried = await w.send(
      'grid',
      'POST',
      '/api/v1/grid/patrols',
      {},
      { 'idempotency-key': 'patrol-start-0001' },
    );
    expectError(retried, 409, 'ALREADY_RECEIVED');
    expect(retried.headers.location).toBe(`/api/v1/grid/patrols/${patrolId}`);
    expectError(await w.send('grid', 'POST', '/api/v1/grid/patrols', {}), 409, 'PATROL_IN_PROGRESS');
  });

  it('is refused to staff who do not patrol', async () => {
    expectError(await w.send('handler', 'POST', '/api/v1/grid/patrols', {}), 403, 'FORBIDDEN');
  });

  it('takes its track in batches, skipping a batch sent again and flagging points outside the grid', async () => {
    w.clock.advance(60_000);
    const batch = { points: [pointAt(0, 0), pointAt(60, 60), pointAt(120, 120)] };
    const first = await w.send('grid', 'POST', `/api/v1/grid/patrols/${patrolId}/track`, batch);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ accepted: 3, duplicates: 0, outside: 0 });
    expect(first.json().distanceMeters).toBeGreaterThan(100);
    const again = await w.send('grid', 'POST', `/api/v1/grid/patrols/${patrolId}/track`, batch);
    expect(again.json()).toMatchObject({
      accepted: 0,
      duplicates: 3,
      distanceMeters: first.json().distanceMeters,
    });
    // 20 km north two hours later (an e-bike ride): no grid of this worker's there
    w.clock.advance(2 * 3_600_000);
    const far = await w.send('grid', 'POST', `/api/v1/grid/patrols/${patrolId}/track`, {
      points: [pointAt(20_000, 0)],
    });
    expect(far.statusCode, far.body).toBe(200);
    expect(far.json()).toMatchObject({ accepted: 1, outside: 1 });
  });

  it('refuses a point without a time, and a step no one on patrol could make', async () => {
    const { recordedAt: _at, ...timeless } = pointAt(20_000, 5);
    expectError(
      await w.send('grid', 'POST', `/api/v1/grid/patrols/${patrolId}/track`, { points: [timeless] }),
      400,
      'VALIDATION_FAILED',
      'points.0.recordedAt',
    );
    const jump = await w.send('grid', 'POST', `/api/v1/grid/patrols/${patrolId}/track`, {
      points: [pointAt(20_100, 10), pointAt(25_100, 20)],
    });
    expectError(jump, 400, 'VALIDATION_FAILED', 'points.1');
    expect(jump.json().error.fields[0].code).toBe('impossible_speed');
  });

  it('ends, and shows its route to the dispatcher; points after the end are refused', async () => {
    w.clock.advance(3_600_000);
    const ended = await w.send('grid', 'POST', `/api/v1/grid/patrols/${patrolId}/end`, { note: '巡查正常' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ state: 'ended', pointCount: 4, outsidePointCount: 1 });
    const detail = await w.get('dispatcher', `/api/v1/grid/patrols/${patrolId}`);
    expect(detail.json().route).toHaveLength(4);
    expectError(
      await w.send('grid', 'POST', `/api/v1/grid/patrols/${patrolId}/track`, { points: [pointAt(0, 0)] }),
      409,
      'PATROL_ENDED',
    );
    const list = await w.get('leader', '/api/v1/grid/patrols?limit=1');
    expect(list.json()).toMatchObject({ items: [{ id: patrolId }] });
  });

  it('lists a grid that patrolled less than its plan asks', async () => {
    const plan = await w.send('dispatcher', 'PUT', `/api/v1/grid/patrol-plans/${w.grid.id}`, { perDay: 2 });
    expect(plan.statusCode, plan.body).toBe(200);
    const day = new Date(Date.parse('2026-10-13T01:00:00.000Z') + 8 * 3_600_000).toISOString().slice(0, 10);
    const missed = await w.get('dispatcher', `/api/v1/grid/patrols/missed?day=${day}`);
    expect(missed.json().items).toEqual(
      expect.arrayContaining([expect.objectContaining({ gridId: w.grid.id, planned: 2, done: 1 })]),
    );
  });

  it('lists the grids of a scope with their plans, and keeps each change from the day it took effect', async () => {
    const plans = await w.get('dispatcher', `/api/v1/grid/patrol-plans?within=${w.grid.id}`);
    expect(plans.statusCode, plans.body).toBe(200);
    expect(plans.json()).toMatchObject({ total: 1, items: [{ gridId: w.grid.id, perDay: 2 }] });
    const city = (await w.get('leader', '/api/v1/grid/patrol-plans?pageSize=5')).json();
    expect(city.total).toBeGreaterThan(700);
    expect(city.items).toHaveLength(5);
    expectError(
      await w.get('grid', `/api/v1/grid/patrol-plans?within=${w.grid.id + 1}`),
      403,
      'OUT_OF_SCOPE',
    );
    // set twice today (the second wins), then again tomorrow: two days of history
    await w.send('dispatcher', 'PUT', `/api/v1/grid/patrol-plans/${w.grid.id}`, { perDay: 3 });
    w.clock.advance(86_400_000);
    w.api.forgetSessions();
    await w.send('dispatcher', 'PUT', `/api/v1/grid/patrol-plans/${w.grid.id}`, { perDay: 1 });
    const history = await queryRows<{ effective_on: string; per_day: number }>(
      w.api.ctx.db,
      sql`select effective_on::text, per_day from grid_patrol_plan_changes where grid_id = ${w.grid.id} order by 1`,
    );
    expect(history.map((h) => h.per_day)).toEqual([3, 1]);
    // each day's missed patrols count against the plan then in force
    const missedOn = async (day: string) =>
      (await w.get('dispatcher', `/api/v1/grid/patrols/missed?day=${day}`))
        .json()
        .items.find((i: { gridId: number }) => i.gridId === w.grid.id);
    expect(await missedOn('2026-10-13')).toMatchObject({ planned: 3, done: 1 });
    expect(await missedOn('2026-10-14')).toMatchObject({ planned: 1, done: 0 });
    expect(await missedOn('2026-10-12')).toBeUndefined();
    expect(
      (await w.get('dispatcher', `/api/v1/grid/patrol-plans?within=${w.grid.id}`)).json().items[0],
    ).toMatchObject({ perDay: 1 });
  });
});
