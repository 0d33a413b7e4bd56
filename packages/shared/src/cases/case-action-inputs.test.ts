import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ACTION_INPUT_SCHEMAS,
  CallbackInput,
  ConsultInput,
  DispatchInput,
  RegisterInput,
  RequestExtensionInput,
  ReturnInput,
  ReviewInput,
} from './case-action-inputs.js';
import { CASE_ACTIONS } from './case-actions.js';

/** The failing fields of a parse, as `path → message`, or `null` if it passed. */
function failures(schema: z.ZodType, input: unknown): Record<string, string> | null {
  const result = schema.safeParse(input);
  if (result.success) return null;
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('action inputs', () => {
  it('has a schema for every action', () => {
    expect(Object.keys(ACTION_INPUT_SCHEMAS).sort()).toEqual([...CASE_ACTIONS].sort());
  });

  it.each(CASE_ACTIONS.filter((a) => a !== 'register'))(
    '%s requires the version the client saw',
    (action) => {
      expect(failures(ACTION_INPUT_SCHEMAS[action], {})).toMatchObject({ version: '缺少版本号' });
      expect(failures(ACTION_INPUT_SCHEMAS[action], { version: -1 })).toMatchObject({
        version: '版本号不能为负数',
      });
      expect(failures(ACTION_INPUT_SCHEMAS[action], { version: 1.5 })).toMatchObject({
        version: '版本号必须是整数',
      });
    },
  );

  it('refuses fields it does not know, naming them', () => {
    expect(failures(ReturnInput, { version: 0, reason: '不属于本单位职责', status: 'closed' })).toEqual({
      '': '不允许的字段：status',
    });
  });

  it('refuses a return without a reason, on the field', () => {
    expect(failures(ReturnInput, { version: 3 })).toEqual({ reason: '请填写退单理由' });
  });

  it('refuses a return reason shorter than 5 characters, after trimming', () => {
    expect(failures(ReturnInput, { version: 3, reason: '  不归我  ' })).toEqual({
      reason: '退单理由至少 5 个字',
    });
    expect(ReturnInput.parse({ version: 3, reason: ' 应由供热公司办理 ' }).reason).toBe('应由供热公司办理');
  });

  it('refuses a dispatch whose co-handlers include the lead unit or repeat', () => {
    expect(failures(DispatchInput, { version: 0, leadUnitId: 7, coHandlerIds: [8, 7] })).toEqual({
      coHandlerIds: '协办单位不能包含主办单位',
    });
    expect(failures(DispatchInput, { version: 0, leadUnitId: 7, coHandlerIds: [8, 8] })).toEqual({
      coHandlerIds: '协办单位不能重复',
    });
    expect(failures(DispatchInput, { version: 0 })).toEqual({ leadUnitId: '请选择主办单位' });
    expect(DispatchInput.parse({ version: 0, leadUnitId: 7, coHandlerIds: [8, 9] })).toEqual({
      version: 0,
      leadUnitId: 7,
      coHandlerIds: [8, 9],
    });
  });

  it('takes a review that approves, and sends refusals to rework', () => {
    expect(ReviewInput.parse({ version: 4, outcome: 'approve' }).outcome).toBe('approve');
    expect(failures(ReviewInput, { version: 4, outcome: 'reject' })).toEqual({
      outcome: '审核结论只能是通过；不通过请用返工',
    });
  });

  it('wants an ISO date-time with offset for an extension', () => {
    const reason = '需协调多个部门现场勘查';
    expect(
      RequestExtensionInput.safeParse({ version: 2, newDeadline: '2026-03-13T18:00:00+08:00', reason })
        .success,
    ).toBe(true);
    expect(failures(RequestExtensionInput, { version: 2, newDeadline: '下周五', reason })).toEqual({
      newDeadline: '延期时间格式不正确',
    });
  });

  it('wants at least two distinct units for a consultation', () => {
    expect(failures(ConsultInput, { version: 1, unitIds: [3], note: '会商' })).toEqual({
      unitIds: '会商单位至少 2 个',
    });
    expect(ConsultInput.safeParse({ version: 1, unitIds: [3, 4], note: '明确由住建局牵头' }).success).toBe(
      true,
    );
  });
});

describe('callback input', () => {
  const answered = { version: 5, reached: true, contacted: true, solved: true, satisfaction: 'satisfied' };

  it('takes a full answer', () => {
    expect(CallbackInput.parse(answered)).toEqual(answered);
  });

  it('takes an unanswered callback with no answers, which is an invalid callback', () => {
    expect(CallbackInput.parse({ version: 5, reached: false })).toEqual({
      version: 5,
      reached: false,
      contacted: null,
      solved: null,
      satisfaction: null,
    });
  });

  it('refuses a satisfaction when the citizen was not reached', () => {
    expect(failures(CallbackInput, { version: 5, reached: false, satisfaction: 'satisfied' })).toEqual({
      satisfaction: '回访未接通，不能填写满意度',
    });
  });

  it('refuses a reached callback with a question unanswered', () => {
    expect(failures(CallbackInput, { ...answered, solved: null })).toEqual({
      solved: '回访已接通，请填写是否解决',
    });
  });

  it('takes a citizen the unit never contacted but who still rates the result', () => {
    const result = CallbackInput.parse({
      ...answered,
      contacted: false,
      solved: false,
      satisfaction: 'unsatisfied',
    });
    expect(result.contacted).toBe(false);
  });

  it('refuses an unknown satisfaction', () => {
    expect(failures(CallbackInput, { ...answered, satisfaction: 'happy' })).toEqual({
      satisfaction: '满意度无效',
    });
  });
});

describe('register input', () => {
  const call = {
    source: 'hotline_12345',
    type: 'complaint',
    content: '小区供暖温度不达标',
    citizenPhone: '13800000000',
  };

  it('takes a hotline call and fills the defaults', () => {
    expect(RegisterInput.parse(call)).toMatchObject({
      priority: 'normal',
      anonymous: false,
      keepPrivate: false,
    });
  });

  it('takes an ID number of 18 characters ending in a digit or X, and refuses others', () => {
    expect(RegisterInput.safeParse({ ...call, citizenIdNumber: '15030219800101123X' }).success).toBe(true);
    expect(failures(RegisterInput, { ...call, citizenIdNumber: '1503021980' })).toEqual({
      citizenIdNumber: '身份证号格式不正确',
    });
  });

  it('carries no version, because it creates the case', () => {
    expect(failures(RegisterInput, { ...call, version: 0 })).toEqual({ '': '不允许的字段：version' });
  });

  it('wants the channel of an online request', () => {
    expect(failures(RegisterInput, { ...call, source: 'online' })).toEqual({
      channelCode: '网络渠道来件须注明渠道',
    });
    expect(RegisterInput.safeParse({ ...call, source: 'online', channelCode: 'wechat_mini' }).success).toBe(
      true,
    );
  });

  it('wants the 110 incident number of a case transferred from 110', () => {
    expect(failures(RegisterInput, { ...call, source: 'transfer_110' })).toEqual({
      externalRef: '110转入须填写110警情编号',
    });
  });

  it('refuses an empty content and an unknown type', () => {
    expect(failures(RegisterInput, { ...call, content: '   ', type: 'gossip' })).toEqual({
      content: '请填写诉求内容',
      type: '诉求类型无效',
    });
  });
});
