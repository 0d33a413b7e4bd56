import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { type StoredEvent, verifyChain } from '../../platform/lifecycle/chain-verification.js';
import { createSeededApi, expectError, type SeededApi } from '../../test/api.js';
import { findPetition, findPetitionEvents } from './petitions.repository.js';

const DAY = 86_400_000;
let api: SeededApi;
let clock: ManualClock;

beforeAll(async () => {
  // 2026-03-01 10:00 Beijing
  clock = new ManualClock('2026-03-01T02:00:00.000Z');
  api = await createSeededApi({ clock });
});
afterAll(() => api.close());

// valid resident ID numbers (GB 11643 check digits)
const ELDER = { name: '韩德胜', idNumber: '150302194805120019', phone: '13947312345' };
const NEIGHBOUR = { name: '刘桂兰', idNumber: '150302195203040024', phone: '13947354321' };
const GAS_FEE = '小区燃气改造每户收取 2600 元，怀疑是诈骗，请核实收费是否合规';

function register(body: Record<string, unknown>, user = 'petition') {
  return api.send('POST', '/api/v1/petitions', body, user);
}

async function act(id: number, action: string, body: Record<string, unknown> = {}, user = 'petition') {
  const current = (await api.get(`/api/v1/petitions/${id}`, user)).json();
  return api.send(
    'POST',
    `/api/v1/petitions/${id}/actions/${action}`,
    { version: current.version, ...body },
    user,
  );
}

async function step(id: number, action: string, body: Record<string, unknown> = {}) {
  const response = await act(id, action, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

function later(days: number) {
  clock.set(new Date(clock.now().getTime() + days * DAY));
  // the sessions idle out while the clock travels
  api.forgetSessions();
}

async function answered(matter: string, petitioner = ELDER) {
  const created = await register({ mode: 'proactive', matter, petitioners: [petitioner] });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as number;
  await step(id, 'accept');
  await step(id, 'answer', { answer: '经核实，收费符合规定，已向信访人说明' });
  return id;
}

describe('a petition taken in by an agent', () => {
  it('is registered under 委托 with its 委托代办书, the petitioner protected', async () => {
    const created = await register({ mode: 'entrusted', matter: GAS_FEE, petitioners: [ELDER] });
    expect(created.statusCode, created.body).toBe(201);
    const petition = created.json();
    expect(petition).toMatchObject({
      state: 'registered',
      mode: 'entrusted',
      source: 'agent',
      agentName: '高志勇（公安信访代办员）',
      orgName: '乌海市公安局',
      acceptDeadline: '2026-03-16T15:59:59.999Z',
      answerDeadline: null,
      runningLimit: 'accept',
      light: 'green',
      actions: ['accept', 'refuse', 'contact', 'flag_risk', 'attach_signed_entrustment'],
    });
    expect(petition.petitioners[0]).toMatchObject({ name: '韩德胜', idNumber: '150302********0019' });
    expect(petition.petitioners[0].phone).not.toContain('12345');
    expect(petition.entrustment).toMatchObject({ agentName: '高志勇（公安信访代办员）', scope: GAS_FEE });
    const docx = await api.get(petition.entrustment.documentUrl, 'petition');
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // the leader reads it, but not the petitioner's name in full
    const seen = (await api.get(`/api/v1/petitions/${petition.id}`, 'leader')).json();
    expect(seen.petitioners[0].name).not.toBe('韩德胜');
    expect(seen.actions).toEqual([]);
  });

  it('refuses an entrustment document of a petition not entrusted, bad input, and other roles', async () => {
    const proactive = (
      await register({ mode: 'proactive', matter: '路口红绿灯时间过短', petitioners: [NEIGHBOUR] })
    ).json();
    expectError(
      await api.get(`/api/v1/petitions/${proactive.id}/entrustment.docx`, 'petition'),
      404,
      'PETITION_NOT_ENTRUSTED',
    );
    expectError(
      await register({
        mode: 'entrusted',
        matter: GAS_FEE,
        petitioners: [{ ...ELDER, idNumber: '150302194805120017' }],
      }),
      400,
      'VALIDATION_FAILED',
      'petitioners.0.idNumber',
    );
    expectError(
      await register({ mode: 'walk_in', matter: GAS_FEE, petitioners: [ELDER] }),
      400,
      'VALIDATION_FAILED',
      'mode',
    );
    expectError(
      await register({ mode: 'proactive', matter: GAS_FEE, petitioners: [] }),
      400,
      'VALIDATION_FAILED',
      'petitioners',
    );
    expectError(
      await register({ mode: 'proactive', matter: GAS_FEE, petitioners: [ELDER] }, 'handler'),
      403,
      'FORBIDDEN',
    );
    expectError(await api.get('/api/v1/petitions/999999', 'petition'), 404, 'PETITION_NOT_FOUND');
    expectError(await act(proactive.id, 'answer', { answer: '未受理即答复' }), 409, 'TRANSITION_NOT_ALLOWED');
  });

  it('is accepted with its answer deadline 60 days on, extended by 30 and not more', async () => {
    const id = (
      await register({ mode: 'designated', matter: '拆迁补偿款迟迟未发放', petitioners: [NEIGHBOUR] })
    ).json().id;
    const accepted = await step(id, 'accept', { note: '当场受理' });
    expect(accepted).toMatchObject({
      state: 'accepted',
      answerDeadline: '2026-04-30T15:59:59.999Z',
      runningLimit: 'answer',
    });
    const verified = await step(id, 'verify', {
      body: '海勃湾区住建局',
      findings: '补偿款已拨付至街道，尚未发放',
    });
    expect(verified.state).toBe('handling');
    const extended = await step(id, 'extend', { days: 20, reason: '需区政府协调资金', approvedBy: '李局长' });
    expect(extended).toMatchObject({ answerDeadline: '2026-05-20T15:59:59.999Z', extensionDays: 20 });
    expectError(
      await act(id, 'extend', { days: 11, reason: '仍需协调', approvedBy: '李局长' }),
      409,
      'PETITION_EXTENSION_EXCEEDED',
    );
    const full = await step(id, 'extend', { days: 10, reason: '仍需协调', approvedBy: '李局长' });
    expect(full).toMatchObject({ answerDeadline: '2026-05-30T15:59:59.999Z', extensionDays: 30 });
    expect(full.actions).not.toContain('extend');
    expectError(
      await act(id, 'extend', { days: 1, reason: '再延', approvedBy: '李局长' }),
      409,
      'PETITION_EXTENSION_EXCEEDED',
    );
  });

  it('refuses a review asked on the 31st day after the answer, naming the rule', async () => {
    const id = await answered('物业公司擅自提高停车费');
    later(31);
    const refused = await act(id, 'request_review', { reason: '对处理意见不服' });
    expectError(refused, 409, 'PETITION_REVIEW_WINDOW_CLOSED');
    const current = (await api.get(`/api/v1/petitions/${id}`, 'petition')).json();
    expect(current.actions).not.toContain('request_review');
  });

  it('takes a review and a re-review once each, then refuses a third request', async () => {
    const id = await answered('小区供暖温度长期不达标');
    later(30);
    const review = await step(id, 'request_review', { reason: '对处理意见不服' });
    expect(review).toMatchObject({ state: 'review_requested', runningLimit: 'review' });
    expectError(await act(id, 'request_review', { reason: '再次申请' }), 409, 'TRANSITION_NOT_ALLOWED');
    await step(id, 'review', { answer: '维持原处理意见' });
    expectError(
      await act(id, 'request_review', { reason: '再次申请复查' }),
      409,
      'PETITION_ALREADY_REVIEWED',
    );
    await step(id, 'request_re_review', { reason: '对复查意见不服' });
    const final = await step(id, 're_review', { answer: '维持复查意见' });
    expect(final.state).toBe('re_reviewed');
    expectError(await act(id, 'request_re_review', { reason: '第三次' }), 409, 'PETITION_REVIEWS_EXHAUSTED');
    expectError(await act(id, 'request_review', { reason: '第三次' }), 409, 'PETITION_REVIEWS_EXHAUSTED');
  });

  it('is fed back, closed and visited back, each by a named person on a verified timeline', async () => {
    const id = await answered('燃气公司入户安检收费问题');
    await step(id, 'feedback', { note: '已当面向信访人反馈处理意见' });
    await step(id, 'close', { resolved: true });
    const visited = await step(id, 'visit_back', { satisfaction: 'satisfied', note: '信访人表示满意' });
    expect(visited).toMatchObject({
      state: 'closed',
      resolved: true,
      satisfaction: 'satisfied',
      light: null,
    });
    expect(visited.timeline.map((e: { action: string }) => e.action)).toEqual([
      'register',
      'accept',
      'answer',
      'feedback',
      'close',
      'visit_back',
    ]);
    expect(new Set(visited.timeline.map((e: { actorName: string }) => e.actorName))).toEqual(
      new Set(['高志勇（公安信访代办员）']),
    );
    const [row, events] = await Promise.all([
      findPetition(api.ctx.db, id),
      findPetitionEvents(api.ctx.db, id),
    ]);
    expect(verifyChain(api.ctx.chainKey, row!, events as unknown as StoredEvent[])).toEqual({
      valid: true,
      events: 6,
    });
  });

  it('counts a second petition by the same person on the same matter as a repeat', async () => {
    const before = (await api.get('/api/v1/petitions/stats', 'leader')).json();
    const first = (
      await register({ mode: 'proactive', matter: '楼上住户噪音扰民，多次协调无果', petitioners: [ELDER] })
    ).json();
    expect(first).toMatchObject({ repeatOfId: null, repeatCount: 0 });
    const again = (
      await register({
        mode: 'proactive',
        matter: '楼上住户噪音扰民，多次协调无果！',
        petitioners: [ELDER, NEIGHBOUR],
      })
    ).json();
    expect(again).toMatchObject({ repeatOfId: first.id, repeatCount: 1 });
    const after = (await api.get('/api/v1/petitions/stats', 'leader')).json();
    expect(after.total).toBe(before.total + 2);
    expect(after.repeats).toBe(before.repeats + 1);
    expect(after.repeatRate).toBeCloseTo(after.repeats / after.total, 4);
  });

  it('lists petitions with their lights and finds the overdue ones', async () => {
    const id = (
      await register({ mode: 'proactive', matter: '农民工工资被拖欠三个月', petitioners: [NEIGHBOUR] })
    ).json().id;
    later(16);
    const overdue = (await api.get('/api/v1/petitions?overdue=true', 'petition')).json();
    expect(overdue.items.find((p: { id: number }) => p.id === id)).toMatchObject({
      light: 'red',
      runningLimit: 'accept',
    });
    const open = (await api.get('/api/v1/petitions?state=closed', 'petition')).json();
    expect(open.items.every((p: { state: string }) => p.state === 'closed')).toBe(true);
    expectError(await api.get('/api/v1/petitions', 'grid'), 403, 'FORBIDDEN');
  });

  it('follows the configured time limits for periods opened afterwards', async () => {
    const limits = (await api.get('/api/v1/petitions/settings', 'petition')).json();
    expect(limits).toMatchObject({ acceptDays: 15, answerDays: 60, maxExtensionDays: 30 });
    expectError(
      await api.send('PUT', '/api/v1/petitions/settings', { ...limits, answerDays: 30 }, 'petition'),
      403,
      'FORBIDDEN',
    );
    const changed = await api.send('PUT', '/api/v1/petitions/settings', { ...limits, answerDays: 30 });
    expect(changed.statusCode, changed.body).toBe(200);
    const id = (
      await register({ mode: 'proactive', matter: '道路施工噪音夜间扰民', petitioners: [NEIGHBOUR] })
    ).json().id;
    const accepted = await step(id, 'accept');
    const days = (Date.parse(accepted.answerDeadline) - clock.now().getTime()) / DAY;
    expect(Math.ceil(days)).toBe(31);
    await api.send('PUT', '/api/v1/petitions/settings', limits);
  });
});

describe('a petition at risk of escalation (风险预警)', () => {
  it('is flagged with its kind and reason on its chained timeline, listed for the leaders, and lifted once', async () => {
    const created = await register({
      mode: 'proactive',
      matter: '拆迁补偿长期未落实，信访人扬言要到区政府门前采取过激行为',
      petitioners: [NEIGHBOUR],
    });
    const id = created.json().id as number;
    expectError(
      await act(id, 'flag_risk', { kind: 'extreme_act', reason: '' }),
      400,
      'VALIDATION_FAILED',
      'reason',
    );
    expectError(
      await act(id, 'flag_risk', { kind: 'riot', reason: '扬言过激' }),
      400,
      'VALIDATION_FAILED',
      'kind',
    );
    expectError(await act(id, 'unflag_risk', { reason: '无风险' }), 409, 'PETITION_RISK_NOT_FLAGGED');
    expectError(
      await act(id, 'flag_risk', { kind: 'extreme_act', reason: '扬言过激' }, 'leader'),
      403,
      'FORBIDDEN',
    );

    const flagged = await step(id, 'flag_risk', {
      kind: 'extreme_act',
      reason: '信访人情绪激动，扬言采取过激行为',
    });
    expect(flagged).toMatchObject({
      riskKind: 'extreme_act',
      riskReason: '信访人情绪激动，扬言采取过激行为',
      riskFlaggedAt: clock.now().toISOString(),
      state: 'registered',
    });
    expect(flagged.actions).toContain('unflag_risk');
    expect(flagged.actions).not.toContain('flag_risk');
    expectError(
      await act(id, 'flag_risk', { kind: 'civil_to_criminal', reason: '再次标记' }),
      409,
      'PETITION_RISK_ALREADY_FLAGGED',
    );

    // the leaders find it among the flagged, and not among the others
    const risky = (await api.get('/api/v1/petitions?risk=true', 'leader')).json();
    expect(risky.items.map((p: { id: number }) => p.id)).toContain(id);
    expect(risky.items.every((p: { riskKind: string | null }) => p.riskKind !== null)).toBe(true);
    const calm = (await api.get('/api/v1/petitions?risk=false', 'leader')).json();
    expect(calm.items.map((p: { id: number }) => p.id)).not.toContain(id);
    expectError(
      await api.get('/api/v1/petitions?risk=maybe', 'leader'),
      400,
      'VALIDATION_FAILED',
      'query.risk',
    );

    const lifted = await step(id, 'unflag_risk', { reason: '经街道、派出所联合化解，情绪已平稳' });
    expect(lifted).toMatchObject({ riskKind: null, riskReason: null, riskFlaggedAt: null });
    expect(lifted.actions).toContain('flag_risk');
    expect(lifted.timeline.slice(-2)).toMatchObject([
      { action: 'flag_risk', note: '信访人情绪激动，扬言采取过激行为', changes: { riskKind: 'extreme_act' } },
      {
        action: 'unflag_risk',
        note: '经街道、派出所联合化解，情绪已平稳',
        changes: { riskKind: 'extreme_act' },
      },
    ]);
    const row = await findPetition(api.ctx.db, id);
    const events = await findPetitionEvents(api.ctx.db, id);
    expect(verifyChain(api.ctx.chainKey, row!, events as unknown as StoredEvent[]).valid).toBe(true);
    expect(
      (await api.get('/api/v1/petitions?risk=true', 'leader')).json().items.map((p: { id: number }) => p.id),
    ).not.toContain(id);
  });
});
