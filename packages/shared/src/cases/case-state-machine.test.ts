import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../auth/roles.js';
import { CASE_ACTION_EVENTS, CASE_ACTIONS, type CaseAction } from './case-actions.js';
import { CaseTransitionError } from './case-errors.js';
import {
  assertTransition,
  availableActions,
  CASE_ACTION_LABELS,
  CASE_TRANSITIONS,
  checkTransition,
  mayTakeAction,
} from './case-state-machine.js';
import { CASE_STATE_LABELS, CASE_STATES, type CaseState, isCaseOpen } from './case-states.js';

/** Columns of the state matrix; `null` is "no case yet". */
const STATE_COLUMNS: readonly (CaseState | null)[] = [null, ...CASE_STATES];

// biome-ignore format: the matrix is read in columns
const EXPECTED_FROM: Record<CaseAction, string> = {
  //                 new reg dis ret acc rep rev cb  clo roc 110 mrg inv
  register:          'X   .   .   .   .   .   .   .   .   .   .   .   .',
  resolve_on_call:   '.   X   .   .   .   .   .   .   .   .   .   .   .',
  dispatch:          '.   X   X   X   .   .   .   .   .   .   .   .   .',
  accept:            '.   .   X   .   .   .   .   .   .   .   .   .   .',
  return:            '.   .   X   .   .   .   .   .   .   .   .   .   .',
  progress:          '.   .   .   .   X   .   .   .   .   .   .   .   .',
  request_extension: '.   .   .   .   X   .   .   .   .   .   .   .   .',
  approve_extension: '.   .   .   .   X   .   .   .   .   .   .   .   .',
  refuse_extension:  '.   .   .   .   X   .   .   .   .   .   .   .   .',
  reply:             '.   .   .   .   X   .   .   .   .   .   .   .   .',
  review:            '.   .   .   .   .   X   .   .   .   .   .   .   .',
  rework:            '.   .   .   .   .   X   .   .   .   .   .   .   .',
  callback:          '.   .   .   .   .   .   X   X   .   .   .   .   .',
  close:             '.   .   .   .   .   .   .   X   .   .   .   .   .',
  reopen:            '.   .   .   .   .   .   .   X   X   .   .   .   .',
  supervise:         '.   .   X   .   X   .   .   .   .   .   .   .   .',
  merge:             '.   X   X   X   .   .   .   .   .   .   .   .   .',
  unmerge:           '.   .   .   .   .   .   .   .   .   .   .   X   .',
  transfer_to_110:   '.   X   .   X   .   .   .   .   .   .   .   .   .',
  transfer_from_110: '.   .   .   .   .   .   .   .   .   .   X   .   .',
  escalate:          '.   X   .   X   .   .   .   .   .   .   .   .   .',
  consult:           '.   X   X   X   X   .   .   .   .   .   .   .   .',
  invalidate:        '.   X   .   X   .   .   .   .   .   .   .   .   .',
};

/** Where each action leads; `same` stays put. */
const EXPECTED_TO: Record<CaseAction, CaseState | 'same'> = {
  register: 'registered',
  resolve_on_call: 'resolved_on_call',
  dispatch: 'dispatched',
  accept: 'accepted',
  return: 'returned',
  progress: 'same',
  request_extension: 'same',
  approve_extension: 'same',
  refuse_extension: 'same',
  reply: 'replied',
  review: 'reviewed',
  rework: 'accepted',
  callback: 'called_back',
  close: 'closed',
  reopen: 'dispatched',
  supervise: 'same',
  merge: 'merged',
  unmerge: 'registered',
  transfer_to_110: 'transferred_110',
  transfer_from_110: 'registered',
  escalate: 'registered',
  consult: 'same',
  invalidate: 'invalidated',
};

// biome-ignore format: the matrix is read in columns
const EXPECTED_ROLES: Record<CaseAction, string> = {
  //                 cit age dis han grd med sup lea mer adm pet ent
  register:          'X   X   X   .   X   X   X   X   .   .   .   .',
  resolve_on_call:   '.   X   .   .   .   .   .   .   .   .   .   .',
  dispatch:          '.   .   X   .   .   .   .   .   .   .   .   .',
  accept:            '.   .   .   X   X   .   .   .   .   .   .   .',
  return:            '.   .   .   X   X   .   .   .   .   .   .   .',
  progress:          '.   .   .   X   X   .   .   .   .   .   .   .',
  request_extension: '.   .   .   X   .   .   .   .   .   .   .   .',
  approve_extension: '.   .   X   .   .   .   .   .   .   .   .   .',
  refuse_extension:  '.   .   X   .   .   .   .   .   .   .   .   .',
  reply:             '.   .   .   X   X   .   .   .   .   .   .   .',
  review:            '.   .   X   .   .   .   .   .   .   .   .   .',
  rework:            '.   .   X   .   .   .   .   .   .   .   .   .',
  callback:          '.   X   .   .   .   .   .   .   .   .   .   .',
  close:             '.   X   X   .   .   .   .   .   .   .   .   .',
  reopen:            '.   .   X   .   .   .   .   .   .   .   .   .',
  supervise:         '.   .   .   .   .   .   X   X   .   .   .   .',
  merge:             '.   .   X   .   .   .   .   .   .   .   .   .',
  unmerge:           '.   .   X   .   .   .   .   .   .   .   .   .',
  transfer_to_110:   '.   X   X   .   .   .   .   .   .   .   .   .',
  transfer_from_110: '.   X   X   .   .   .   .   .   .   .   .   .',
  escalate:          '.   .   X   .   .   .   .   .   .   .   .   .',
  consult:           '.   .   X   .   .   .   .   X   .   .   .   .',
  invalidate:        '.   .   X   .   .   .   .   .   .   .   .   .',
};

const ROLE_COLUMNS: readonly Role[] = [
  'citizen',
  'agent',
  'dispatcher',
  'handler',
  'grid_worker',
  'mediator',
  'supervisor',
  'leader',
  'merchant',
  'admin',
  'petition_agent',
  'enterprise',
];

function cells(row: string): boolean[] {
  return row.split(/\s+/).map((cell) => cell === 'X');
}

/** Takes the actions in turn from `start`, returning every state passed through. */
function walk(start: CaseState | null, ...actions: CaseAction[]): CaseState[] {
  const states: CaseState[] = [];
  let state = start;
  for (const action of actions) {
    state = assertTransition(state, action);
    states.push(state);
  }
  return states;
}

describe('the lifecycle table', () => {
  it('has a row in each matrix for every action, and a column for every state and role', () => {
    expect(Object.keys(EXPECTED_FROM).sort()).toEqual([...CASE_ACTIONS].sort());
    expect(Object.keys(EXPECTED_ROLES).sort()).toEqual([...CASE_ACTIONS].sort());
    expect([...ROLE_COLUMNS].sort()).toEqual([...ROLES].sort());
    for (const action of CASE_ACTIONS) {
      expect(cells(EXPECTED_FROM[action])).toHaveLength(STATE_COLUMNS.length);
      expect(cells(EXPECTED_ROLES[action])).toHaveLength(ROLE_COLUMNS.length);
    }
  });

  describe.each(CASE_ACTIONS)('%s', (action) => {
    const allowedFrom = cells(EXPECTED_FROM[action]);
    const allowedFor = cells(EXPECTED_ROLES[action]);

    it.each(STATE_COLUMNS.map((state, i) => [state, allowedFrom[i]] as const))(
      'from %s: allowed = %s',
      (state, allowed) => {
        const result = checkTransition(state, action);
        expect(result.ok).toBe(allowed);
        if (result.ok) {
          const expected = EXPECTED_TO[action];
          expect(result.to).toBe(expected === 'same' ? state : expected);
        } else {
          expect(() => assertTransition(state, action)).toThrow(CaseTransitionError);
        }
      },
    );

    it.each(ROLE_COLUMNS.map((role, i) => [role, allowedFor[i]] as const))(
      'for %s: allowed = %s',
      (role, allowed) => {
        expect(mayTakeAction(action, [role])).toBe(allowed);
      },
    );

    it('is named and announces a past-tense event', () => {
      expect(CASE_ACTION_LABELS[action]).toMatch(/\p{Script=Han}/u);
      expect(CASE_ACTION_EVENTS[action]).toMatch(/^case\.[a-z_0-9]+$/);
    });
  });

  it('gives each action its own event', () => {
    expect(new Set(Object.values(CASE_ACTION_EVENTS)).size).toBe(CASE_ACTIONS.length);
  });

  it('reaches every state from "no case yet"', () => {
    const reached = new Set<CaseState | null>([null]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const state of [...reached]) {
        for (const action of CASE_ACTIONS) {
          const result = checkTransition(state, action);
          if (result.ok && !reached.has(result.to)) {
            reached.add(result.to);
            grew = true;
          }
        }
      }
    }
    expect(reached.size).toBe(STATE_COLUMNS.length);
  });

  it('labels every state in Chinese', () => {
    for (const state of CASE_STATES) expect(CASE_STATE_LABELS[state]).toMatch(/\p{Script=Han}|110/u);
  });

  it('keeps roles outside the spine (admin, merchant, enterprise) away from every action', () => {
    for (const action of CASE_ACTIONS) {
      expect(CASE_TRANSITIONS[action].roles).not.toContain('admin');
      expect(CASE_TRANSITIONS[action].roles).not.toContain('merchant');
      expect(CASE_TRANSITIONS[action].roles).not.toContain('enterprise');
    }
  });
});

describe('assertTransition', () => {
  it('refuses with TRANSITION_NOT_ALLOWED, the state, the action and a Chinese message', () => {
    try {
      assertTransition('dispatched', 'close');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CaseTransitionError);
      const refusal = error as CaseTransitionError;
      expect(refusal.code).toBe('TRANSITION_NOT_ALLOWED');
      expect(refusal.from).toBe('dispatched');
      expect(refusal.action).toBe('close');
      expect(refusal.message).toBe('工单当前为「待签收」，不能结案');
    }
  });

  it('refuses any action but register on a case that does not exist', () => {
    expect(checkTransition(null, 'dispatch')).toMatchObject({ ok: false, message: '工单尚未登记，不能派单' });
  });
});

describe('a case through its life', () => {
  it('runs the happy path register → dispatch → accept → reply → review → callback → close', () => {
    expect(walk(null, 'register', 'dispatch', 'accept', 'reply', 'review', 'callback', 'close')).toEqual([
      'registered',
      'dispatched',
      'accepted',
      'replied',
      'reviewed',
      'called_back',
      'closed',
    ]);
  });

  it('records progress, supervision and consultation while accepted without moving', () => {
    expect(walk('accepted', 'progress', 'supervise', 'consult', 'progress')).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'accepted',
    ]);
  });

  it('is answered at once and then allows nothing', () => {
    expect(walk(null, 'register', 'resolve_on_call')).toEqual(['registered', 'resolved_on_call']);
    expect(availableActions('resolved_on_call', [...ROLES])).toEqual([]);
  });

  it('is returned as mis-routed, then re-dispatched and accepted', () => {
    expect(walk('dispatched', 'return', 'dispatch', 'accept')).toEqual([
      'returned',
      'dispatched',
      'accepted',
    ]);
  });

  it('cannot be returned once accepted', () => {
    expect(checkTransition('accepted', 'return').ok).toBe(false);
  });

  it('is reassigned before anyone signs for it', () => {
    expect(walk('dispatched', 'dispatch')).toEqual(['dispatched']);
  });

  it('goes back to the handler on rework and is replied again', () => {
    expect(walk('replied', 'rework', 'progress', 'reply', 'review')).toEqual([
      'accepted',
      'accepted',
      'replied',
      'reviewed',
    ]);
  });

  it('is reopened after an unsatisfied callback and runs the loop again', () => {
    expect(walk('reviewed', 'callback', 'reopen', 'accept', 'reply', 'review', 'callback', 'close')).toEqual([
      'called_back',
      'dispatched',
      'accepted',
      'replied',
      'reviewed',
      'called_back',
      'closed',
    ]);
  });

  it('is called back a second time after an unanswered callback', () => {
    expect(walk('reviewed', 'callback', 'callback', 'close')).toEqual([
      'called_back',
      'called_back',
      'closed',
    ]);
  });

  it('cannot be closed before its callback', () => {
    expect(checkTransition('reviewed', 'close').ok).toBe(false);
    expect(checkTransition('replied', 'close').ok).toBe(false);
  });

  it('asks for an extension while accepted, which the dispatcher approves or refuses', () => {
    expect(walk('accepted', 'request_extension', 'approve_extension')).toEqual(['accepted', 'accepted']);
    expect(walk('accepted', 'request_extension', 'refuse_extension')).toEqual(['accepted', 'accepted']);
    expect(checkTransition('dispatched', 'request_extension').ok).toBe(false);
  });

  it('is merged into a master case and unmerged back to dispatch', () => {
    expect(walk('registered', 'merge', 'unmerge', 'dispatch')).toEqual([
      'merged',
      'registered',
      'dispatched',
    ]);
    expect(availableActions('merged', [...ROLES])).toEqual(['unmerge']);
  });

  it('goes to 110 and comes back', () => {
    expect(walk('registered', 'transfer_to_110', 'transfer_from_110', 'dispatch')).toEqual([
      'transferred_110',
      'registered',
      'dispatched',
    ]);
  });

  it('is escalated to the next level, which dispatches it', () => {
    expect(walk('returned', 'escalate', 'dispatch')).toEqual(['registered', 'dispatched']);
  });

  it('allows nothing once invalidated, and only reopen once closed', () => {
    expect(availableActions('invalidated', [...ROLES])).toEqual([]);
    expect(availableActions('closed', [...ROLES])).toEqual(['reopen']);
  });
});

describe('availableActions', () => {
  it('gives the handler of an accepted case progress, extension and reply', () => {
    expect(availableActions('accepted', ['handler'])).toEqual(['progress', 'request_extension', 'reply']);
  });

  it('gives the dispatcher of an accepted case the extension decision and consultation', () => {
    expect(availableActions('accepted', ['dispatcher'])).toEqual([
      'approve_extension',
      'refuse_extension',
      'consult',
    ]);
  });

  it('gives a grid worker a case dispatched to his grid to accept or return', () => {
    expect(availableActions('dispatched', ['grid_worker'])).toEqual(['accept', 'return']);
  });

  it('unites the actions of several roles, in lifecycle order', () => {
    expect(availableActions('dispatched', ['supervisor', 'handler'])).toEqual([
      'accept',
      'return',
      'supervise',
    ]);
  });

  it('offers register to anyone who may report, before a case exists', () => {
    expect(availableActions(null, ['citizen'])).toEqual(['register']);
    expect(availableActions(null, ['merchant'])).toEqual([]);
  });

  it('gives an admin nothing to do in any state', () => {
    for (const state of STATE_COLUMNS) expect(availableActions(state, ['admin'])).toEqual([]);
  });

  it('gives no role nothing', () => {
    expect(availableActions('registered', [])).toEqual([]);
  });

  it('agrees with checkTransition and mayTakeAction on every pair', () => {
    for (const state of STATE_COLUMNS) {
      for (const role of ROLES) {
        const expected = CASE_ACTIONS.filter((a) => checkTransition(state, a).ok && mayTakeAction(a, [role]));
        expect(availableActions(state, [role])).toEqual(expected);
      }
    }
  });
});

describe('isCaseOpen', () => {
  it('is open while someone owes it work', () => {
    const open = CASE_STATES.filter(isCaseOpen);
    expect(open).toEqual([
      'registered',
      'dispatched',
      'returned',
      'accepted',
      'replied',
      'reviewed',
      'called_back',
    ]);
  });
});
