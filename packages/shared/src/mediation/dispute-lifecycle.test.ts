import { describe, expect, it } from 'vitest';
import { checkLifecycleTransition, lifecycleActionsFrom } from '../lifecycle/lifecycle-table.js';
import { AgreeDisputeInput, CreateDisputeInput } from './dispute-inputs.schemas.js';
import { DISPUTE_LIFECYCLE, type DisputeAction, type DisputeState } from './dispute-lifecycle.js';

describe('the dispute lifecycle', () => {
  it.each([
    [null, 'register', 'registered'],
    ['registered', 'accept', 'accepted'],
    ['accepted', 'assign', 'awaiting_consent'],
    ['escalated', 'assign', 'awaiting_consent'],
    ['awaiting_consent', 'consent', 'mediating'],
    ['awaiting_consent', 'refuse', 'closed'],
    ['mediating', 'record_session', 'mediating'],
    ['mediating', 'agree', 'agreed'],
    ['mediating', 'fail', 'failed'],
    ['failed', 'escalate', 'escalated'],
    ['failed', 'refer', 'referred'],
    ['agreed', 'record_performance', 'performed'],
    ['agreed', 'apply_confirmation', 'agreed'],
    ['performed', 'record_confirmation_ruling', 'performed'],
    ['performed', 'close', 'closed'],
  ] as [DisputeState | null, DisputeAction, DisputeState][])(
    'leads from %s by %s to %s',
    (from, action, to) => {
      expect(checkLifecycleTransition(DISPUTE_LIFECYCLE, from, action)).toEqual({ ok: true, to });
    },
  );

  it.each([
    ['closed', 'record_session', '纠纷当前为「已结案」，不能记录调解'],
    ['registered', 'agree', '纠纷当前为「已登记」，不能达成协议'],
    ['closed', 'escalate', '纠纷当前为「已结案」，不能上移'],
  ] as [DisputeState, DisputeAction, string][])('refuses %s by %s, saying why', (from, action, message) => {
    expect(checkLifecycleTransition(DISPUTE_LIFECYCLE, from, action)).toMatchObject({ ok: false, message });
  });

  it('offers a mediator the mediation steps and a dispatcher only the committee steps', () => {
    expect(lifecycleActionsFrom(DISPUTE_LIFECYCLE, 'mediating', ['mediator'])).toEqual([
      'extend',
      'record_session',
      'agree',
      'fail',
      'escalate',
      'refer',
      'refer_to_hotline',
    ]);
    expect(lifecycleActionsFrom(DISPUTE_LIFECYCLE, 'registered', ['dispatcher'])).toEqual([
      'accept',
      'refer_to_hotline',
    ]);
  });
});

describe('the dispute inputs', () => {
  const party = { role: 'applicant', kind: 'person', name: '张三', phone: '13912345678' };
  const dispute = {
    source: 'walk_in',
    field: 'neighbour',
    title: '邻里漏水纠纷',
    facts: '楼上卫生间漏水至楼下',
    claims: '维修并赔偿',
    orgId: 7,
    parties: [party, { ...party, role: 'respondent', name: '李四' }],
  };

  it('refuses a party without any contact, naming the field', () => {
    const result = CreateDisputeInput.safeParse({
      ...dispute,
      parties: [party, { role: 'respondent', kind: 'person', name: '李四' }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['parties', 1, 'phone']);
  });

  it('refuses a dispute without a respondent', () => {
    const result = CreateDisputeInput.safeParse({ ...dispute, parties: [party, party] });
    expect(result.error?.issues[0]?.path).toEqual(['parties']);
  });

  it('refuses an agreement without terms', () => {
    const result = AgreeDisputeInput.safeParse({ version: 3, form: 'written', terms: [] });
    expect(result.error?.issues[0]?.path).toEqual(['terms']);
  });
});
