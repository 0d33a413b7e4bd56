import { DISPUTE_ACTION_INPUTS } from '@shanzhi/shared';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  DISPUTE_ACTION_FIELDS,
  disputeActionBodyOf,
  validateDisputeActionBody,
} from './dispute-action-fields.js';

describe('the dispute action dialogs', () => {
  it('has a dialog for every action taken on a dispute', () => {
    expect(Object.keys(DISPUTE_ACTION_FIELDS).sort()).toEqual(Object.keys(DISPUTE_ACTION_INPUTS).sort());
  });

  it('names only fields the action’s shared schema knows', () => {
    for (const [action, fields] of Object.entries(DISPUTE_ACTION_FIELDS)) {
      const keys = Object.keys(DISPUTE_ACTION_INPUTS[action as keyof typeof DISPUTE_ACTION_INPUTS].shape);
      expect(keys).toContain('version');
      for (const field of fields) expect(keys, `${action}.${field.name}`).toContain(field.name);
    }
  });

  it('sends an agreement’s terms with their due days, and the version seen', () => {
    const body = disputeActionBodyOf(
      'agree',
      {
        form: 'written',
        issues: '  ',
        terms: [{ content: '李某修复漏水管道', how: '自行维修', dueDate: dayjs('2026-12-20') }],
      },
      4,
    );
    expect(body).toEqual({
      version: 4,
      form: 'written',
      terms: [{ content: '李某修复漏水管道', how: '自行维修', dueDate: '2026-12-20' }],
    });
    expect(validateDisputeActionBody('agree', body).ok).toBe(true);
  });

  it('puts an agreement without terms on the terms field, in the schema’s words', () => {
    const check = validateDisputeActionBody(
      'agree',
      disputeActionBodyOf('agree', { form: 'oral', terms: [] }, 1),
    );
    expect(check.ok).toBe(false);
    expect(check.fields).toEqual([{ name: ['terms'], message: '协议至少有一项条款' }]);
  });

  it('sends a session’s time with its offset and asks a video session for its link', () => {
    const body = disputeActionBodyOf(
      'record_session',
      { mode: 'video', heldAt: dayjs('2026-12-06T10:00:00+08:00'), minutes: '双方陈述意见，达成初步共识' },
      2,
    );
    expect(body.heldAt).toMatch(/^2026-12-06T\d{2}:00:00[+-]\d{2}:\d{2}$/);
    const check = validateDisputeActionBody('record_session', body);
    expect(check.fields.map((f) => f.name)).toEqual([['videoLink']]);
  });
});
