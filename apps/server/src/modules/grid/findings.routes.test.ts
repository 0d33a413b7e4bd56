import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_SUBSCRIBERS } from '../../outbox-subscribers.js';
import { expectError } from '../../test/api.js';
import { nextCreditCode } from '../hazards/hazards.test-support.js';
import { runOutboxDispatch } from '../notifications/jobs/outbox-dispatch.job.js';
import { createGridWorld, type GridWorld, PNG_BASE64 } from './grid.test-support.js';

let w: GridWorld;
beforeAll(async () => {
  w = await createGridWorld();
});
afterAll(() => w.api.close());

function record(body: Record<string, unknown>, key?: string) {
  return w.send('grid', 'POST', '/api/v1/grid/findings', body, key ? { 'idempotency-key': key } : {});
}

const finding = (description: string) => ({ description, location: w.grid.center, photos: [PNG_BASE64] });

async function act(id: number, action: string, body: Record<string, unknown>, user = 'grid') {
  const current = (await w.get(user, `/api/v1/grid/findings/${id}`)).json();
  return w.send(user, 'POST', `/api/v1/grid/findings/${id}/actions/${action}`, {
    version: current.version,
    ...body,
  });
}

describe('a grid finding', () => {
  it('is recorded from the phone with a photo, once however often the upload is retried', async () => {
    const first = await record(finding('路灯不亮，路面积水'), 'finding-key-0001');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      state: 'open',
      gridId: w.grid.id,
      actions: expect.arrayContaining(['solve_on_spot', 'report_up']),
    });
    expect(first.json().photos).toEqual([expect.objectContaining({ role: 'report' })]);
    const photo = await w.get('grid', first.json().photos[0].url);
    expect(photo.headers['content-type']).toBe('image/png');
    const again = await record(finding('路灯不亮，路面积水'), 'finding-key-0001');
    expectError(again, 409, 'ALREADY_RECEIVED');
    expect(again.headers.location).toBe(`/api/v1/grid/findings/${first.json().id}`);
    const mine = await w.get('grid', '/api/v1/grid/findings?reporter=me');
    expect(
      mine.json().items.filter((f: { description: string }) => f.description === '路灯不亮，路面积水'),
    ).toHaveLength(1);
  });

  it('refuses a photo that is not an image, an unknown category, and a time in the future', async () => {
    const text = Buffer.from('this is not a photo at all').toString('base64');
    expectError(
      await record({ ...finding('垃圾堆放'), photos: [text] }),
      400,
      'VALIDATION_FAILED',
      'photos.0',
    );
    expectError(
      await record({ ...finding('垃圾堆放'), categoryId: 999_999 }),
      400,
      'VALIDATION_FAILED',
      'categoryId',
    );
    const future = new Date(w.clock.now().getTime() + 3_600_000).toISOString();
    expectError(
      await record({ ...finding('垃圾堆放'), occurredAt: future }),
      400,
      'VALIDATION_FAILED',
      'occurredAt',
    );
    expectError(await record({ location: w.grid.center }), 400, 'VALIDATION_FAILED', 'description');
  });

  it('is solved on the spot with a photo after: found and closed', async () => {
    const { id } = (await record(finding('井盖松动'))).json();
    expectError(
      await act(id, 'solve_on_spot', { note: '已现场固定', afterPhotos: [] }),
      400,
      'VALIDATION_FAILED',
      'afterPhotos',
    );
    const solved = await act(id, 'solve_on_spot', { note: '已现场固定', afterPhotos: [PNG_BASE64] });
    expect(solved.statusCode, solved.body).toBe(200);
    expect(solved.json()).toMatchObject({ state: 'solved', resolutionNote: '已现场固定', actions: [] });
    expect(solved.json().timeline.map((e: { action: string }) => e.action)).toEqual([
      'record',
      'solve_on_spot',
    ]);
    expectError(await act(id, 'report_up', {}), 409, 'TRANSITION_NOT_ALLOWED');
  });

  it('is reported up as a 网格上报 case the dispatcher sees, and closes when that case ends', async () => {
    const { id } = (await record(finding('小区门口占道经营，影响通行'))).json();
    const up = await act(id, 'report_up', { note: '需城管执法处理' });
    expect(up.statusCode, up.body).toBe(200);
    const view = up.json();
    expect(view).toMatchObject({ state: 'escalated', caseState: expect.any(String) });
    expect(view.caseId).toEqual(expect.any(Number));
    const theCase = (await w.get('dispatcher', `/api/v1/cases/${view.caseId}`)).json();
    expect(theCase).toMatchObject({ source: 'grid_patrol', number: view.caseNumber });
    expect(theCase.description).toContain('上报说明：需城管执法处理');
    expect(theCase.grid).toMatchObject({ id: w.grid.id });

    // the case ends (作废 by the dispatcher is the shortest way there): the finding follows it
    const invalidated = await w.send(
      'dispatcher',
      'POST',
      `/api/v1/cases/${view.caseId}/actions/invalidate`,
      {
        version: theCase.version,
        reason: '测试：重复上报',
      },
    );
    expect(invalidated.statusCode, invalidated.body).toBe(200);
    expect((await w.get('grid', `/api/v1/grid/findings/${id}`)).json().state).toBe('escalated');
    await runOutboxDispatch(w.api.ctx, { subscribers: OUTBOX_SUBSCRIBERS });
    const after = (await w.get('grid', `/api/v1/grid/findings/${id}`)).json();
    expect(after).toMatchObject({ state: 'closed', caseState: 'invalidated' });
    expect(after.timeline.at(-1)).toMatchObject({ action: 'conclude', actorName: '系统' });
  });

  it('is withdrawn with a reason; out of scope and stale versions are refused', async () => {
    const { id, version } = (await record(finding('误报'))).json();
    expectError(await w.get('handler_wd', `/api/v1/grid/findings/${id}`), 403, 'OUT_OF_SCOPE');
    const stale = await w.send('grid', 'POST', `/api/v1/grid/findings/${id}/actions/dismiss`, {
      version: version + 5,
      reason: '重复登记',
    });
    expectError(stale, 409, 'VERSION_CONFLICT');
    expect((await act(id, 'dismiss', { reason: '重复登记' })).json()).toMatchObject({ state: 'dismissed' });
  });

  it('masks a phone in its text for the leader', async () => {
    const { id } = (await record(finding('居民王某电话13912345678反映楼道堆物'))).json();
    expect((await w.get('leader', `/api/v1/grid/findings/${id}`)).json().description).toContain(
      '139****5678',
    );
    expect((await w.get('dispatcher', `/api/v1/grid/findings/${id}`)).json().description).toContain(
      '13912345678',
    );
  });
});

describe('a grid finding referred as a safety hazard (转安全隐患)', () => {
  let serial = 0;
  /** An enterprise registered by the demo `handler` (住建局): in the worker's grid, or at 住建局 itself. */
  async function enterprise(inGrid = true): Promise<number> {
    const created = await w.send('handler', 'POST', '/api/v1/safety/enterprises', {
      name: `乌海市网格测试商贸有限公司${++serial}`,
      creditCode: nextCreditCode(),
      industry: 'trade',
      address: '海勃湾区测试路 1 号',
      ...(inGrid ? { orgId: w.grid.id } : {}),
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id;
  }

  it('becomes a hazard of the enterprise (网格发现) linked both ways, and closes when the hazard is closed', async () => {
    const enterpriseId = await enterprise();
    const { id } = (await record(finding('商铺门口灭火器过期，疏散通道堆放纸箱'))).json();
    expect((await w.get('grid', `/api/v1/grid/findings/${id}`)).json().actions).toContain('refer_hazard');
    const referred = await act(id, 'refer_hazard', { enterpriseId, level: 'general', place: '一楼通道' });
    expect(referred.statusCode, referred.body).toBe(200);
    const view = referred.json();
    expect(view).toMatchObject({ state: 'referred', hazardId: expect.any(Number), hazardState: 'found' });
    expect(view.timeline.at(-1)).toMatchObject({
      action: 'refer_hazard',
      event: 'grid_finding.referred_as_hazard',
      fromState: 'open',
      toState: 'referred',
      changes: { hazardId: view.hazardId, enterpriseId, level: 'general' },
    });

    const hazard = (await w.get('grid', `/api/v1/safety/hazards/${view.hazardId}`)).json();
    expect(hazard).toMatchObject({
      source: 'grid_finding',
      gridFindingId: id,
      enterpriseId,
      level: 'general',
      description: '商铺门口灭火器过期，疏散通道堆放纸箱',
      place: '一楼通道',
      state: 'found',
    });
    expect(hazard.photos).toEqual([expect.objectContaining({ role: 'report' })]);
    expect(hazard.timeline.map((e: { action: string }) => e.action)).toEqual(['record']);
    expectError(
      await act(id, 'refer_hazard', { enterpriseId, level: 'general' }),
      409,
      'TRANSITION_NOT_ALLOWED',
    );

    // 当场整改销号 by the worker: the finding follows its hazard to the end
    const closed = await w.send('grid', 'POST', `/api/v1/safety/hazards/${hazard.id}/actions/close_on_spot`, {
      version: hazard.version,
      note: '已更换灭火器，清理通道',
      photos: [PNG_BASE64],
    });
    expect(closed.statusCode, closed.body).toBe(200);
    await runOutboxDispatch(w.api.ctx, { subscribers: OUTBOX_SUBSCRIBERS });
    const after = (await w.get('grid', `/api/v1/grid/findings/${id}`)).json();
    expect(after).toMatchObject({ state: 'closed', hazardState: 'closed' });
    expect(after.timeline.at(-1)).toMatchObject({ action: 'conclude', actorName: '系统' });
  });

  it('takes a description of its own, and refuses a bad body, an unknown or unreachable enterprise, and other roles', async () => {
    const inGrid = await enterprise();
    const { id } = (await record(finding('加油站旁违规存放液化气罐'))).json();
    expectError(
      await act(id, 'refer_hazard', { enterpriseId: 'x', level: 'minor' }),
      400,
      'VALIDATION_FAILED',
      'level',
    );
    expectError(await act(id, 'refer_hazard', { level: 'major' }), 400, 'VALIDATION_FAILED', 'enterpriseId');
    expectError(
      await act(id, 'refer_hazard', { enterpriseId: 999_999, level: 'major' }),
      400,
      'VALIDATION_FAILED',
      'enterpriseId',
    );
    const elsewhere = await enterprise(false);
    expectError(
      await act(id, 'refer_hazard', { enterpriseId: elsewhere, level: 'major' }),
      403,
      'OUT_OF_SCOPE',
    );
    expectError(
      await act(id, 'refer_hazard', { enterpriseId: inGrid, level: 'major' }, 'dispatcher'),
      403,
      'FORBIDDEN',
    );
    expect((await w.get('grid', `/api/v1/grid/findings/${id}`)).json()).toMatchObject({
      state: 'open',
      hazardId: null,
    });

    const referred = await act(id, 'refer_hazard', {
      enterpriseId: inGrid,
      level: 'major',
      description: '存放液化气罐 12 只',
    });
    expect(referred.statusCode, referred.body).toBe(200);
    const hazard = (await w.get('grid', `/api/v1/safety/hazards/${referred.json().hazardId}`)).json();
    expect(hazard).toMatchObject({ level: 'major', description: '存放液化气罐 12 只', gridFindingId: id });
  });
});
