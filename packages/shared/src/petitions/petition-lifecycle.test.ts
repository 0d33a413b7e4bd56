import { describe, expect, it } from 'vitest';
import { checkLifecycleTransition, lifecycleActionsFrom } from '../lifecycle/lifecycle-table.js';
import { PETITION_LIFECYCLE, type PetitionAction, type PetitionState } from './petition-lifecycle.js';

describe('the petition lifecycle', () => {
  it.each([
    [null, 'register', 'registered'],
    ['registered', 'accept', 'accepted'],
    ['registered', 'refuse', 'not_accepted'],
    ['accepted', 'verify', 'handling'],
    ['handling', 'verify', 'handling'],
    ['handling', 'extend', 'handling'],
    ['handling', 'answer', 'answered'],
    ['answered', 'feedback', 'answered'],
    ['answered', 'request_review', 'review_requested'],
    ['review_requested', 'review', 'reviewed'],
    ['reviewed', 'request_re_review', 're_review_requested'],
    ['re_review_requested', 're_review', 're_reviewed'],
    ['re_reviewed', 'close', 'closed'],
    ['not_accepted', 'close', 'closed'],
    ['closed', 'visit_back', 'closed'],
    ['registered', 'take', 'registered'],
    ['closed', 'attach_signed_entrustment', 'closed'],
  ] as const)('leads from %s by %s to %s', (from, action, to) => {
    expect(checkLifecycleTransition(PETITION_LIFECYCLE, from, action)).toEqual({ ok: true, to });
  });

  it.each([
    ['registered', 'answer'],
    ['answered', 'extend'],
    ['review_requested', 'request_review'],
    ['closed', 'answer'],
    ['answered', 'visit_back'],
    ['registered', 'close'],
    ['accepted', 'take'],
  ] as const)('refuses from %s the action %s', (from, action) => {
    expect(
      checkLifecycleTransition(PETITION_LIFECYCLE, from as PetitionState, action as PetitionAction).ok,
    ).toBe(false);
  });

  it('is the petition agents’ alone; leaders and supervisors read it', () => {
    // the table offers both risk steps at any time; the guard keeps the one that fits the flag
    expect(lifecycleActionsFrom(PETITION_LIFECYCLE, 'registered', ['petition_agent'])).toEqual([
      'accept',
      'refuse',
      'contact',
      'flag_risk',
      'unflag_risk',
      'take',
      'attach_signed_entrustment',
    ]);
    expect(lifecycleActionsFrom(PETITION_LIFECYCLE, 'registered', ['leader', 'supervisor', 'agent'])).toEqual(
      [],
    );
  });

  it('lets a citizen register his own on the portal, and nothing else', () => {
    expect(lifecycleActionsFrom(PETITION_LIFECYCLE, null, ['citizen'])).toEqual(['register']);
    expect(lifecycleActionsFrom(PETITION_LIFECYCLE, 'registered', ['citizen'])).toEqual([]);
  });
});
