import { buildWorkingCalendar } from '@shanzhi/shared';
import { describe, expect, it } from 'vitest';
import { CaseStory, type StoryActor } from './case-story.js';

const calendar = buildWorkingCalendar({ days: [] });
const actor: StoryActor = { actorUserId: null, actorName: '测试', actorOrgId: null };
const at = (hour: number) => new Date(Date.UTC(2026, 8, 1, hour));

function story() {
  return new CaseStory(calendar, new Date(Date.UTC(2026, 11, 31)));
}

describe('a demo case story', () => {
  it('replays steps the case lifecycle table allows, records ones included', () => {
    const s = story();
    expect(s.act({ at: at(1), action: 'register', actor, to: 'registered' })).toBe(true);
    expect(s.act({ at: at(2), action: 'dispatch', actor, to: 'dispatched' })).toBe(true);
    expect(s.act({ at: at(3), action: 'supervise', actor, to: 'dispatched' })).toBe(true);
    expect(s.act({ at: at(4), action: 'accept', actor, to: 'accepted' })).toBe(true);
    expect(s.events.map((e) => `${e.fromState}→${e.toState}`)).toEqual([
      'null→registered',
      'registered→dispatched',
      'dispatched→dispatched',
      'dispatched→accepted',
    ]);
  });

  it('refuses a step the table does not allow from the case’s state', () => {
    const s = story();
    s.act({ at: at(1), action: 'register', actor, to: 'registered' });
    expect(() => s.act({ at: at(2), action: 'accept', actor, to: 'accepted' })).toThrow(
      expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED' }),
    );
    expect(s.events).toHaveLength(1);
  });

  it('refuses a step that claims another state than the table leads to', () => {
    const s = story();
    s.act({ at: at(1), action: 'register', actor, to: 'registered' });
    expect(() => s.act({ at: at(2), action: 'dispatch', actor, to: 'accepted' })).toThrow(
      /leads to dispatched/,
    );
  });
});
