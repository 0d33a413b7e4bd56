import { describe, expect, it } from 'vitest';
import { checkLifecycleTransition, lifecycleActionsFrom } from '../lifecycle/lifecycle-table.js';
import { HAZARD_LIFECYCLE } from './hazard-lifecycle.js';
import { isHighRiskIndustry } from './safety-enums.js';

describe('the hazard lifecycle', () => {
  it.each([
    [null, 'record', 'found'],
    ['found', 'close_on_spot', 'closed'],
    ['found', 'report', 'reported'],
    ['reported', 'assign', 'assigned'],
    ['assigned', 'start_rectification', 'rectifying'],
    ['rectifying', 'submit_plan', 'rectifying'],
    ['rectifying', 'list_supervision', 'rectifying'],
    ['rectifying', 'request_extension', 'extension_requested'],
    ['extension_requested', 'approve_extension', 'rectifying'],
    ['extension_requested', 'refuse_extension', 'rectifying'],
    ['rectifying', 'rectify', 'rectified'],
    ['rectified', 'accept_rectification', 'accepted'],
    ['rectified', 'reject_rectification', 'rectifying'],
    ['rectified', 'close', 'closed'],
    ['accepted', 'close', 'closed'],
  ] as const)('leads from %s by %s to %s', (from, action, to) => {
    expect(checkLifecycleTransition(HAZARD_LIFECYCLE, from, action)).toEqual({ ok: true, to });
  });

  it.each([
    ['closed', 'close', '隐患当前为「已销号」，不能销号'],
    ['assigned', 'rectify', '隐患当前为「已交办」，不能整改完成'],
    ['extension_requested', 'request_extension', '隐患当前为「延期申请中」，不能申请延期'],
    ['found', 'accept_rectification', '隐患当前为「已发现」，不能验收通过'],
  ] as const)('refuses %s by %s, saying why', (from, action, message) => {
    expect(checkLifecycleTransition(HAZARD_LIFECYCLE, from, action)).toMatchObject({ ok: false, message });
  });

  it('leaves 挂牌督办 to the government and 验收 to the supervising staff, not to grid workers', () => {
    expect(lifecycleActionsFrom(HAZARD_LIFECYCLE, 'rectifying', ['supervisor'])).toEqual([
      'list_supervision',
    ]);
    expect(lifecycleActionsFrom(HAZARD_LIFECYCLE, 'rectified', ['grid_worker'])).toEqual([]);
    expect(lifecycleActionsFrom(HAZARD_LIFECYCLE, 'found', ['grid_worker'])).toEqual([
      'close_on_spot',
      'report',
    ]);
  });

  it('flags the high-risk industries only', () => {
    expect(isHighRiskIndustry('coking')).toBe(true);
    expect(isHighRiskIndustry('construction')).toBe(true);
    expect(isHighRiskIndustry('trade')).toBe(false);
  });
});
