import type { ConfirmationWindowView, RoomMessageView } from '@shanzhi/shared';
import { describe, expect, it } from 'vitest';
import {
  actionsOnDispute,
  compactObject,
  confirmationWindowSummary,
  disputeActionLabel,
  disputeStateLabel,
  mergeRoomMessages,
} from './dispute-view-logic.js';

const window = (patch: Partial<ConfirmationWindowView>): ConfirmationWindowView => ({
  opensAt: '2026-12-01T00:00:00Z',
  closesAt: '2026-12-31T00:00:00Z',
  open: true,
  daysLeft: 20,
  available: true,
  stage: null,
  court: null,
  appliedAt: null,
  acceptedAt: null,
  ruledAt: null,
  ...patch,
});

const message = (id: number): RoomMessageView => ({
  id,
  disputeId: 1,
  authorKind: 'party',
  partyRole: 'applicant',
  authorName: '张**',
  body: `第 ${id} 条`,
  at: '2026-12-06T10:00:00Z',
});

describe('the dispute page’s pure logic', () => {
  it('labels actions and states from the shared table', () => {
    expect(disputeActionLabel('agree')).toBe('达成协议');
    expect(disputeActionLabel('unknown')).toBe('unknown');
    expect(disputeStateLabel('awaiting_consent')).toBe('待对方同意');
    expect(disputeStateLabel(null)).toBe('—');
  });

  it('keeps only the actions taken on an existing dispute, in the server’s order', () => {
    expect(actionsOnDispute(['register', 'fail', 'agree', 'record_session'])).toEqual([
      'fail',
      'agree',
      'record_session',
    ]);
  });

  it.each([
    [{}, '可申请司法确认，剩余 20 天', 'success'],
    [{ daysLeft: 3 }, '可申请司法确认，剩余 3 天', 'warning'],
    [{ daysLeft: 0 }, '今日为申请司法确认的最后一天', 'error'],
    [{ open: false, daysLeft: -2 }, '司法确认申请期限已届满', 'error'],
    [{ stage: 'accepted' as const }, '司法确认法院已受理', 'processing'],
    [{ available: false }, '该类纠纷（身份、收养、婚姻关系）不适用司法确认', 'default'],
  ])('sums up the confirmation window %j', (patch, text, color) => {
    expect(confirmationWindowSummary(window(patch))).toEqual({ text, color });
  });

  it('merges room messages once each, oldest first', () => {
    const merged = mergeRoomMessages([message(1), message(3)], [message(2), message(3)]);
    expect(merged.map((m) => m.id)).toEqual([1, 2, 3]);
  });

  it('leaves out the fields a form left empty', () => {
    expect(compactObject({ a: ' ', b: undefined, c: null, d: 'x', e: 0 })).toEqual({ d: 'x', e: 0 });
  });
});
