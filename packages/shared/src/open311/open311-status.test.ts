import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS } from '../cases/case-actions.js';
import { CASE_STATES, type CaseState } from '../cases/case-states.js';
import {
  isOpen311PublicAction,
  OPEN311_EXTENDED_STATUSES,
  OPEN311_PUBLIC_UPDATES,
  open311StatusOf,
  open311UpdateOf,
} from './open311-status.js';

describe('the Open311 status of a case', () => {
  const expected: Record<CaseState, 'open' | 'closed'> = {
    registered: 'open',
    dispatched: 'open',
    returned: 'open',
    accepted: 'open',
    replied: 'open',
    reviewed: 'open',
    called_back: 'open',
    closed: 'closed',
    resolved_on_call: 'closed',
    transferred_110: 'closed',
    merged: 'closed',
    invalidated: 'closed',
  };
  it.each(CASE_STATES)('reads %s as the table says', (state) => {
    expect(open311StatusOf(state)).toBe(expected[state]);
  });
});

describe('the public updates of a timeline', () => {
  const PUBLIC: Record<string, string> = {
    register: 'OPEN',
    dispatch: 'INVESTIGATING',
    accept: 'IN_PROGRESS',
    approve_extension: 'ACTION_SCHEDULED',
    review: 'FIXED',
    resolve_on_call: 'CLOSED',
    close: 'CLOSED',
    reopen: 'OPEN',
    escalate: 'INTERNAL_REFERRAL',
    transfer_to_110: 'NOT_COUNCILS_RESPONSIBILITY',
    transfer_from_110: 'OPEN',
    merge: 'DUPLICATE',
    unmerge: 'OPEN',
    invalidate: 'NO_FURTHER_ACTION',
  };

  it.each(CASE_ACTIONS)('publishes %s only if the table says so, with its extended status', (action) => {
    expect(isOpen311PublicAction(action)).toBe(action in PUBLIC);
    if (isOpen311PublicAction(action)) expect(OPEN311_PUBLIC_UPDATES[action].status).toBe(PUBLIC[action]);
  });

  it('keeps the staff’s own steps, the clock and a citizen’s words out', () => {
    for (const action of [
      'return',
      'rework',
      'progress',
      'reply',
      'callback',
      'supervise',
      'consult',
      'sla',
      'citizen_update',
    ]) {
      expect(isOpen311PublicAction(action), action).toBe(false);
    }
    expect(isOpen311PublicAction('toString')).toBe(false);
  });

  it('reports only statuses of mySociety’s extended set', () => {
    for (const rule of Object.values(OPEN311_PUBLIC_UPDATES)) {
      expect(OPEN311_EXTENDED_STATUSES).toContain(rule.status);
    }
  });

  it('fills the blanks of an update, and says something sensible when a fact is missing', () => {
    expect(open311UpdateOf('dispatch', { unit: '市城市管理综合执法局' })).toEqual({
      status: 'INVESTIGATING',
      description: '已转交市城市管理综合执法局办理',
    });
    expect(open311UpdateOf('merge', { master: 'WH20260930000001' }).description).toBe(
      '与工单 WH20260930000001 为同一诉求，已合并办理',
    );
    expect(open311UpdateOf('review', { answer: '路灯已修复。' })).toEqual({
      status: 'FIXED',
      description: '路灯已修复。',
    });
    expect(open311UpdateOf('accept', { unit: null }).description).toBe('承办单位已签收，正在办理');
    expect(open311UpdateOf('review', { answer: '  ' }).description).toBe('已办理完毕');
  });
});
