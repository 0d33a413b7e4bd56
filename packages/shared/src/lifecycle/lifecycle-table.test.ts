import { describe, expect, it } from 'vitest';
import {
  assertLifecycleTransition,
  checkLifecycleTransition,
  defineLifecycle,
  lifecycleActionsFrom,
  mayTakeLifecycleAction,
  TransitionError,
} from './lifecycle-table.js';

type S = 'open' | 'done';
type A = 'create' | 'note' | 'finish';

const DOOR = defineLifecycle<S, A>({
  noun: '事项',
  stateLabels: { open: '办理中', done: '已办结' },
  actions: ['create', 'note', 'finish'],
  transitions: {
    create: { from: [null], to: 'open', roles: ['grid_worker'], label: '登记' },
    note: { from: ['open'], to: 'same', roles: ['grid_worker', 'leader'], label: '备注' },
    finish: { from: ['open'], to: 'done', roles: ['grid_worker'], label: '办结' },
  },
  events: { create: 'x.created', note: 'x.noted', finish: 'x.finished' },
});

describe('a lifecycle table', () => {
  it.each([
    [null, 'create', 'open'],
    ['open', 'note', 'open'],
    ['open', 'finish', 'done'],
  ] as const)('leads from %s by %s to %s', (from, action, to) => {
    expect(checkLifecycleTransition(DOOR, from, action)).toEqual({ ok: true, to });
    expect(assertLifecycleTransition(DOOR, from, action)).toBe(to);
  });

  it.each([
    [null, 'note', '事项尚未登记，不能备注'],
    ['done', 'finish', '事项当前为「已办结」，不能办结'],
    ['open', 'create', '事项当前为「办理中」，不能登记'],
  ] as const)('refuses %s by %s, saying why', (from, action, message) => {
    expect(checkLifecycleTransition(DOOR, from, action)).toMatchObject({ ok: false, message });
    expect(() => assertLifecycleTransition(DOOR, from, action)).toThrow(TransitionError);
  });

  it('lets only the listed roles take an action, and lists what a role may do from a state in order', () => {
    expect(mayTakeLifecycleAction(DOOR, 'finish', ['leader'])).toBe(false);
    expect(mayTakeLifecycleAction(DOOR, 'finish', ['leader', 'grid_worker'])).toBe(true);
    expect(lifecycleActionsFrom(DOOR, 'open', ['grid_worker'])).toEqual(['note', 'finish']);
    expect(lifecycleActionsFrom(DOOR, 'open', ['leader'])).toEqual(['note']);
    expect(lifecycleActionsFrom(DOOR, 'done', ['grid_worker'])).toEqual([]);
  });
});
