import { describe, expect, it } from 'vitest';
import { userOptionOf, userOptionsOf } from './user-options.js';

const wang = userOptionOf({ id: 1, displayName: '王强', username: 'wangq', orgName: '住建局' });
const li = userOptionOf({ id: 2, displayName: '李娜', username: 'lina', orgName: '应急管理局' });
const zhao = userOptionOf({ id: 3, displayName: '赵敏', username: 'zhaom', orgName: '住建局' });
const known = new Map([wang, li, zhao].map((o) => [o.value, o]));

describe('userOptionsOf', () => {
  it('shows a user by name, username and org', () => {
    expect(wang).toEqual({ value: 1, label: '王强（wangq · 住建局）' });
  });

  it('keeps the chosen users the new search no longer finds, after those it found, each once', () => {
    expect(userOptionsOf([li], [1, 2], known)).toEqual([li, wang]);
    expect(userOptionsOf([wang, li], [1], known)).toEqual([wang, li]);
  });

  it('leaves out a chosen id it never saw', () => {
    expect(userOptionsOf([zhao], [9], known)).toEqual([zhao]);
  });
});
