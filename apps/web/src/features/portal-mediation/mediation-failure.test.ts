import type { RoomMessageView } from '@shanzhi/shared';
import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../i18n/messages.zh-CN.js';
import { zhCN } from '../../i18n/messages.zh-CN.js';
import { ApiError } from '../../platform/api/index.js';
import type { RoomPass } from './api/portal-mediation.api.js';
import { isOwnMessage } from './components/RoomMessages.js';
import { mediationFailureText, roomSessionLost } from './mediation-failure.js';

const t = (key: MessageKey) => zhCN[key];

describe('what a party is told of a failed call', () => {
  it('says in Chinese: a wrong or expired code, a locked number, a run-out session, a non-party; else the server’s sentence', () => {
    expect(mediationFailureText(new ApiError(401, 'ROOM_CODE_INVALID', 'x'), t)).toMatch(
      /访问码不正确.*已过期/,
    );
    expect(mediationFailureText(new ApiError(429, 'ROOM_CODE_LOCKED', 'x'), t)).toMatch(/暂时锁定.*30 分钟/);
    expect(mediationFailureText(new ApiError(401, 'SESSION_EXPIRED', 'x'), t)).toMatch(/重新输入访问码/);
    expect(mediationFailureText(new ApiError(403, 'NOT_A_PARTY', 'x'), t)).toMatch(/不是本纠纷的当事人/);
    const closed = new ApiError(409, 'TRANSITION_NOT_ALLOWED', '调解室未开放：纠纷尚未进入调解或已结束');
    expect(mediationFailureText(closed, t)).toBe('调解室未开放：纠纷尚未进入调解或已结束');
  });

  it('sends the party back to the door only when his pass ran out', () => {
    expect(roomSessionLost(new ApiError(401, 'ROOM_CODE_INVALID', 'x'))).toBe(true);
    expect(roomSessionLost(new ApiError(401, 'UNAUTHENTICATED', 'x'))).toBe(false);
    expect(roomSessionLost(new Error('offline'))).toBe(false);
  });
});

describe('a message of one’s own', () => {
  const pass = { partyRole: 'applicant', partyName: '王秀英' } as RoomPass;
  const message = (over: Partial<RoomMessageView>): RoomMessageView => ({
    id: 1,
    disputeId: 7,
    authorKind: 'party',
    partyRole: 'applicant',
    authorName: '王秀英',
    body: '你好',
    at: '2026-12-07T00:00:00.000Z',
    ...over,
  });

  it('is the party of the pass writing, not the other side nor the mediator', () => {
    expect(isOwnMessage(message({}), pass)).toBe(true);
    expect(isOwnMessage(message({ partyRole: 'respondent', authorName: '李建国' }), pass)).toBe(false);
    expect(
      isOwnMessage(message({ authorKind: 'mediator', partyRole: null, authorName: '周文华' }), pass),
    ).toBe(false);
  });
});
