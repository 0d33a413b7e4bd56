import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/api.js';
import { cases } from '../cases/cases.tables.js';
import { createGridWorld, type GridWorld, PNG_BASE64 } from './grid.test-support.js';

// The phone's offline queue sends every change with an Idempotency-Key and sends it again when an answer is
// lost: the second copy must be recognised, not refused as stale nor taken twice.
let w: GridWorld;
beforeAll(async () => {
  w = await createGridWorld();
});
afterAll(() => w.api.close());

const keyed = (key: string) => ({ 'idempotency-key': key });

async function recordFinding(description: string): Promise<{ id: number; version: number }> {
  const answer = await w.send('grid', 'POST', '/api/v1/grid/findings', {
    description,
    location: w.grid.center,
    photos: [PNG_BASE64],
  });
  expect(answer.statusCode, answer.body).toBe(201);
  return answer.json();
}

describe('an upload the phone sends again', () => {
  it('solves a finding on the spot once: the copy is 409 ALREADY_RECEIVED with the finding’s location', async () => {
    const { id, version } = await recordFinding('人行道地砖松动');
    const url = `/api/v1/grid/findings/${id}/actions/solve_on_spot`;
    const body = { version, note: '已现场重新铺设', afterPhotos: [PNG_BASE64] };
    const first = await w.send('grid', 'POST', url, body, keyed('solve-key-0001'));
    expect(first.statusCode, first.body).toBe(200);
    const again = await w.send('grid', 'POST', url, body, keyed('solve-key-0001'));
    expectError(again, 409, 'ALREADY_RECEIVED');
    expect(again.headers.location).toBe(`/api/v1/grid/findings/${id}`);
    const detail = (await w.get('grid', `/api/v1/grid/findings/${id}`)).json();
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['record', 'solve_on_spot']);
    expect(detail.photos.filter((p: { role: string }) => p.role === 'after')).toHaveLength(1);
  });

  it('reports a finding up as one case however often the report is sent', async () => {
    const { id, version } = await recordFinding('小区围墙出现裂缝，存在倒塌隐患');
    const url = `/api/v1/grid/findings/${id}/actions/report_up`;
    const first = await w.send(
      'grid',
      'POST',
      url,
      { version, note: '请住建部门核查' },
      keyed('up-key-0001'),
    );
    expect(first.statusCode, first.body).toBe(200);
    for (let copy = 0; copy < 2; copy++) {
      expectError(
        await w.send('grid', 'POST', url, { version, note: '请住建部门核查' }, keyed('up-key-0001')),
        409,
        'ALREADY_RECEIVED',
      );
    }
    const made = await w.api.ctx.db
      .select({ id: cases.id })
      .from(cases)
      .where(eq(cases.externalRef, `GF${id}`));
    expect(made).toEqual([{ id: first.json().caseId }]);
  });

  it('still refuses a stale action sent under a key of its own', async () => {
    const { id, version } = await recordFinding('路边违规停放车辆');
    const url = `/api/v1/grid/findings/${id}/actions/dismiss`;
    const first = await w.send('grid', 'POST', url, { version, reason: '车主已挪走' }, keyed('dismiss-0001'));
    expect(first.statusCode, first.body).toBe(200);
    expectError(
      await w.send('grid', 'POST', url, { version, reason: '车主已挪走' }, keyed('dismiss-0002')),
      409,
      'VERSION_CONFLICT',
    );
  });

  it('ends a patrol once: the copy is 409 ALREADY_RECEIVED, not PATROL_ENDED', async () => {
    const started = await w.send('grid', 'POST', '/api/v1/grid/patrols', {});
    expect(started.statusCode, started.body).toBe(201);
    const { id } = started.json();
    const url = `/api/v1/grid/patrols/${id}/end`;
    const first = await w.send('grid', 'POST', url, { note: '巡查正常' }, keyed('end-key-0001'));
    expect(first.statusCode, first.body).toBe(200);
    const again = await w.send('grid', 'POST', url, { note: '巡查正常' }, keyed('end-key-0001'));
    expectError(again, 409, 'ALREADY_RECEIVED');
    expect(again.headers.location).toBe(`/api/v1/grid/patrols/${id}`);
    // without the key, an end of an ended patrol is what it always was
    expectError(await w.send('grid', 'POST', url, {}), 409, 'PATROL_ENDED');
  });

  it('completes a task once', async () => {
    const assigned = await w.send('dispatcher', 'POST', '/api/v1/grid/tasks', {
      gridId: w.grid.id,
      admissionItemCode: 'GA01.001',
      title: '核查沿街商铺消防器材',
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
    const { id, version } = assigned.json();
    const url = `/api/v1/grid/tasks/${id}/actions/complete`;
    const body = { version, note: '已逐户检查，2 户已整改' };
    expect((await w.send('grid', 'POST', url, body, keyed('task-key-0001'))).statusCode).toBe(200);
    const again = await w.send('grid', 'POST', url, body, keyed('task-key-0001'));
    expectError(again, 409, 'ALREADY_RECEIVED');
    expect(again.headers.location).toBe(`/api/v1/grid/tasks/${id}`);
  });

  it('keeps one worker’s keys apart from another’s', async () => {
    // the key a worker drew means nothing for anyone else: the dispatcher's withdrawal under it is taken
    const assigned = await w.send('dispatcher', 'POST', '/api/v1/grid/tasks', {
      gridId: w.grid.id,
      admissionItemCode: 'GA01.001',
      title: '排查楼道堆物',
    });
    const { id, version } = assigned.json();
    const cancelled = await w.send(
      'dispatcher',
      'POST',
      `/api/v1/grid/tasks/${id}/actions/cancel`,
      { version, reason: '已由社区统一安排' },
      keyed('task-key-0001'),
    );
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ state: 'cancelled' });
  });
});
