import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/api.js';
import { createMediationWorld, type MediationWorld, waterDispute } from './mediation.test-support.js';

let w: MediationWorld;
beforeAll(async () => {
  w = await createMediationWorld();
});
afterAll(() => w.api.close());

async function register(extra: Record<string, unknown> = {}, user = 'mediator') {
  const created = await w.send(user, '/api/v1/mediation/disputes', waterDispute(w.yuhong.orgId, extra));
  expect(created.statusCode, created.body).toBe(201);
  return created.json();
}

async function mediating(user = 'mediator') {
  const dispute = await register();
  const mediatorId = await w.mediatorOf(w.yuhong.committeeId);
  for (const [action, body] of [
    ['accept', {}],
    ['assign', { committeeId: w.yuhong.committeeId, mediatorId }],
    ['consent', { note: '被申请人李建国电话表示同意调解' }],
  ] as const) {
    const done = await w.act(user, dispute.id, action, body);
    expect(done.statusCode, done.body).toBe(200);
  }
  return dispute.id as number;
}

const TERMS = [
  { content: '李建国修复卫生间防水', how: '请有资质的维修人员施工', dueDate: '2026-10-25' },
  { content: '李建国赔偿王秀英粉刷费 800 元', how: '微信转账', dueDate: '2026-10-20' },
];

describe('a dispute (矛盾纠纷)', () => {
  it('is registered at the committee of its territory, with contacts masked and the committee’s actions', async () => {
    const dispute = await register();
    expect(dispute).toMatchObject({
      state: 'registered',
      source: 'walk_in',
      field: 'neighbour',
      committee: { id: w.yuhong.committeeId, name: '育红社区人民调解委员会' },
      applicantNames: ['王秀英'],
      respondentNames: ['李建国'],
      actions: ['accept', 'refer_to_hotline'],
    });
    expect(dispute.number).toMatch(/^TJ20261013\d{5}$/);
    expect(dispute.parties[0]).toMatchObject({ role: 'applicant', phone: '139****2345' });
    expect(dispute.timeline.map((e: { event: string }) => e.event)).toEqual(['dispute.registered']);
    const listed = await w.get(
      'mediator',
      `/api/v1/mediation/disputes?q=${encodeURIComponent(dispute.number)}`,
    );
    expect(listed.json().items.map((d: { id: number }) => d.id)).toEqual([dispute.id]);
  });

  it('suggests its committee by territory and field, and the expert 金牌调解员 first', async () => {
    const dispute = await register();
    const suggestion = (
      await w.get('mediator', `/api/v1/mediation/disputes/${dispute.id}/assignment`)
    ).json();
    expect(suggestion.committee).toMatchObject({
      id: w.yuhong.committeeId,
      level: 'community',
      parentCommitteeId: w.town.committeeId,
      studios: [{ name: '董大姐平安工作室', leaderName: '董桂兰' }],
    });
    expect(suggestion.mediators[0]).toMatchObject({ name: '董桂兰', gold: true });
    expect(suggestion.mediatorId).toBe(suggestion.mediators[0].id);
    const traffic = await register({ field: 'traffic', title: '小区内剐蹭纠纷' });
    expect(traffic.committee.name).toBe('乌海市道路交通事故纠纷人民调解委员会');
  });

  it('refuses a party without any contact, naming the field, and records nothing', async () => {
    const before = (await w.get('mediator', '/api/v1/mediation/disputes?limit=200')).json().items.length;
    const refused = await w.send(
      'mediator',
      '/api/v1/mediation/disputes',
      waterDispute(w.yuhong.orgId, {
        parties: [
          { role: 'applicant', kind: 'person', name: '王秀英', phone: '13947312345' },
          { role: 'respondent', kind: 'person', name: '李建国' },
        ],
      }),
    );
    expectError(refused, 400, 'VALIDATION_FAILED', 'parties.1.phone');
    expect((await w.get('mediator', '/api/v1/mediation/disputes?limit=200')).json().items.length).toBe(
      before,
    );
  });

  it('goes from acceptance to an agreement, its confirmation and its performance, and ends closed', async () => {
    const id = await mediating();
    const accepted = (await w.get('mediator', `/api/v1/mediation/disputes/${id}`)).json();
    expect(accepted).toMatchObject({ state: 'mediating', light: 'green' });
    expect(accepted.deadline).not.toBeNull();
    const noLink = await w.act('mediator', id, 'record_session', {
      mode: 'video',
      heldAt: '2026-10-13T02:00:00.000Z',
      minutes: '双方陈述了漏水经过',
    });
    expectError(noLink, 400, 'VALIDATION_FAILED', 'videoLink');
    const session = await w.act('mediator', id, 'record_session', {
      mode: 'online',
      heldAt: '2026-10-13T02:00:00.000Z',
      minutes: '双方在在线调解室陈述了漏水经过，同意先修复后赔偿。',
    });
    expect(session.statusCode, session.body).toBe(200);
    expect(session.json().sessions).toHaveLength(1);
    const noTerms = await w.act('mediator', id, 'agree', { form: 'written', terms: [] });
    expectError(noTerms, 400, 'VALIDATION_FAILED', 'terms');
    expect((await w.get('mediator', `/api/v1/mediation/disputes/${id}`)).json().state).toBe('mediating');
    const agreed = await w.act('mediator', id, 'agree', { form: 'written', terms: TERMS });
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json()).toMatchObject({
      state: 'agreed',
      outcome: 'agreed',
      agreement: { form: 'written', terms: [{ seq: 1, content: TERMS[0]!.content }, { seq: 2 }] },
      confirmation: { open: true, available: true, daysLeft: 30, stage: null },
    });
    const applied = await w.act('mediator', id, 'apply_confirmation', { court: '乌海市海勃湾区人民法院' });
    expect(applied.json().confirmation).toMatchObject({ stage: 'applied', open: false });
    const early = await w.act('mediator', id, 'record_confirmation_ruling', { ruling: 'confirmed' });
    expectError(early, 409, 'CONFIRMATION_STAGE_INVALID', 'ruling');
    for (const ruling of ['accepted', 'confirmed']) {
      const ruled = await w.act('mediator', id, 'record_confirmation_ruling', { ruling });
      expect(ruled.statusCode, ruled.body).toBe(200);
    }
    const performed = await w.act('mediator', id, 'record_performance', {
      note: '回访：防水已修复，800 元已付',
    });
    expect(performed.json().state).toBe('performed');
    const closed = await w.act('mediator', id, 'close', {});
    expect(closed.json().state).toBe('closed');
    const late = await w.act('mediator', id, 'record_session', {
      mode: 'in_person',
      heldAt: '2026-10-14T02:00:00.000Z',
      minutes: '双方再次到场调解，未达成新的意见',
    });
    expectError(late, 409, 'TRANSITION_NOT_ALLOWED');
    expect((await w.get('mediator', `/api/v1/mediation/disputes/${id}`)).json().sessions).toHaveLength(1);
  });

  it('refuses a judicial confirmation after 30 days, and for a marriage matter', async () => {
    const id = await mediating();
    // an oral agreement recorded late: it took effect 31 days ago
    const effectiveAt = new Date(w.clock.now().getTime() - 31 * 86_400_000).toISOString();
    await w.act('mediator', id, 'agree', { form: 'oral', terms: TERMS, effectiveAt });
    const late = await w.act('mediator', id, 'apply_confirmation', { court: '乌海市海勃湾区人民法院' });
    expectError(late, 409, 'CONFIRMATION_WINDOW_CLOSED', 'appliedAt');
    expect((await w.get('mediator', `/api/v1/mediation/disputes/${id}`)).json().confirmation).toMatchObject({
      open: false,
      stage: null,
    });
    const marriage = await register({ field: 'marriage', title: '离婚后财产分割纠纷' }, 'admin');
    const mediatorId = await w.mediatorOf(marriage.committee.id);
    for (const [action, body] of [
      ['accept', {}],
      ['assign', { committeeId: marriage.committee.id, mediatorId }],
      ['consent', {}],
      ['agree', { form: 'written', terms: TERMS }],
    ] as const) {
      expect((await w.act('admin', marriage.id, action, body)).statusCode).toBe(200);
    }
    const refused = await w.act('admin', marriage.id, 'apply_confirmation', {
      court: '乌海市海勃湾区人民法院',
    });
    expectError(refused, 409, 'CONFIRMATION_NOT_AVAILABLE', 'field');
    expect(
      (await w.get('admin', `/api/v1/mediation/disputes/${marriage.id}`)).json().confirmation.stage,
    ).toBeNull();
  });

  it('fails at the village and goes up to the town’s committee, which assigns it anew', async () => {
    const id = await mediating();
    const failed = await w.act('mediator', id, 'fail', { reason: '双方对赔偿金额分歧较大' });
    expect(failed.json()).toMatchObject({ state: 'failed', outcome: 'failed' });
    const escalated = await w.act('mediator', id, 'escalate', { reason: '提请街道调委会调解' });
    expect(escalated.statusCode, escalated.body).toBe(200);
    expect(escalated.json()).toMatchObject({
      state: 'escalated',
      outcome: null,
      committee: { id: w.town.committeeId, name: '凤凰岭街道人民调解委员会' },
      mediator: null,
    });
    // the village mediator no longer serves on its committee
    expect(escalated.json().actions).toEqual([]);
    const townMediator = await w.mediatorOf(w.town.committeeId);
    const assigned = await w.act('dispatcher', id, 'assign', {
      committeeId: w.town.committeeId,
      mediatorId: townMediator,
    });
    expect(assigned.json()).toMatchObject({ state: 'awaiting_consent', mediator: { id: townMediator } });
  });

  it('ends when the respondent refuses, and refers a failed one to litigation', async () => {
    const dispute = await register();
    await w.act('mediator', dispute.id, 'accept', {});
    await w.act('mediator', dispute.id, 'assign', {
      committeeId: w.yuhong.committeeId,
      mediatorId: await w.mediatorOf(w.yuhong.committeeId),
    });
    const refused = await w.act('mediator', dispute.id, 'refuse', { reason: '被申请人明确拒绝调解' });
    expect(refused.json()).toMatchObject({ state: 'closed', outcome: 'refused' });
    const id = await mediating();
    const referred = await w.act('mediator', id, 'refer', {
      to: 'litigation',
      note: '已告知当事人可向法院起诉',
    });
    expect(referred.json()).toMatchObject({
      state: 'referred',
      outcome: 'referred',
      referralTarget: 'litigation',
    });
  });

  it('hands a party in crisis to the 24-hour psychological hotline as a case', async () => {
    const id = await mediating();
    const handed = await w.act('mediator', id, 'refer_to_hotline', { note: '申请人情绪激动，有轻生念头' });
    expect(handed.statusCode, handed.body).toBe(200);
    const { hotlineCaseId, state } = handed.json();
    expect(state).toBe('mediating');
    const hotline = await w.get('admin', `/api/v1/cases/${hotlineCaseId}`);
    expect(hotline.json()).toMatchObject({
      source: 'mediation_escalation',
      type: 'help',
      priority: 'urgent',
    });
    expect(handed.json().actions).not.toContain('refer_to_hotline');
  });

  it('transfers a failed dispute to the department it belongs to as a case of the spine, once', async () => {
    const id = await mediating();
    expect(
      (await w.act('mediator', id, 'transfer_to_case', { note: '物业维修责任' })).statusCode,
      'not before mediation has failed',
    ).toBe(409);
    const failed = await w.act('mediator', id, 'fail', { reason: '双方对维修责任分歧较大' });
    expect(failed.json().actions).toContain('transfer_to_case');
    expectError(
      await w.act('mediator', id, 'transfer_to_case', { note: '' }),
      400,
      'VALIDATION_FAILED',
      'note',
    );
    const transferred = await w.act('mediator', id, 'transfer_to_case', {
      note: '涉及房屋漏水维修责任，请住建部门依职责处理',
    });
    expect(transferred.statusCode, transferred.body).toBe(200);
    const { transferCaseId, number, state, timeline, actions } = transferred.json();
    expect(state).toBe('failed');
    expect(actions).not.toContain('transfer_to_case');
    expect(timeline.at(-1)).toMatchObject({
      action: 'transfer_to_case',
      changes: { caseId: transferCaseId },
    });
    const kase = (await w.get('admin', `/api/v1/cases/${transferCaseId}`)).json();
    expect(kase).toMatchObject({ source: 'mediation_escalation', type: 'complaint', state: 'registered' });
    expect(kase.description).toContain(number);
    expect(kase.description).toContain('请住建部门依职责处理');
    expectError(
      await w.act('mediator', id, 'transfer_to_case', { note: '再次转办' }),
      409,
      'TRANSITION_NOT_ALLOWED',
    );
  });
});

describe('the mediation limit (调解期限)', () => {
  it('runs 30 working days from acceptance by default and follows the limit the city sets', async () => {
    expect((await w.get('mediator', '/api/v1/mediation/settings')).json()).toEqual({
      limit: { value: 30, unit: 'working_days' },
    });
    const put = (limit: object) =>
      w.api.app.inject({ method: 'PUT', url: '/api/v1/mediation/settings', payload: { limit } });
    const set = await w.api.app.inject({
      method: 'PUT',
      url: '/api/v1/mediation/settings',
      headers: await w.api.as('admin'),
      payload: { limit: { value: 10, unit: 'calendar_days' } },
    });
    expect(set.statusCode, set.body).toBe(200);
    expectError(await put({ value: 10, unit: 'calendar_days' }), 401, 'UNAUTHENTICATED');
    const dispute = await register();
    const accepted = (await w.act('mediator', dispute.id, 'accept', {})).json();
    expect(new Date(accepted.deadline).getTime() - new Date(accepted.acceptedAt).getTime()).toBe(
      10 * 86_400_000,
    );
  });
});
