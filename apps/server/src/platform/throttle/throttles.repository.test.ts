import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/setup.js';
import {
  purgeEndedThrottles,
  releaseThrottleAttempt,
  reserveThrottleAttempt,
  type ThrottleAnswer,
  type ThrottleRule,
} from './throttles.repository.js';
import { throttles } from './throttles.tables.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.dispose());

const MINUTE = 60_000;
const T0 = new Date('2026-10-01T02:00:00.000Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
let ruleCounter = 0;
/** A rule of its own scope per test, so that no test sees another's rows. */
const ruleOf = (rule: Omit<ThrottleRule, 'scope'>): ThrottleRule => ({
  scope: `test.${ruleCounter++}`,
  ...rule,
});
const kinds = (answers: ThrottleAnswer[]) => answers.map((a) => a.kind);

async function attempts(rule: ThrottleRule, count: number, now: Date, limit?: number) {
  const answers: ThrottleAnswer[] = [];
  for (let i = 0; i < count; i++) answers.push(await reserveThrottleAttempt(ctx.db, rule, 'k', now, limit));
  return answers;
}

describe('the throttle shared by every server process', () => {
  it('admits max attempts per window, refuses the rest until the window ends, then starts afresh', async () => {
    const rule = ruleOf({ max: 3, windowMs: 10 * MINUTE });
    expect(kinds(await attempts(rule, 5, T0))).toEqual([
      'admitted',
      'admitted',
      'admitted',
      'locked',
      'locked',
    ]);
    const refused = await reserveThrottleAttempt(ctx.db, rule, 'k', later(9));
    expect(refused).toEqual({ kind: 'locked', until: later(10) });
    expect(await reserveThrottleAttempt(ctx.db, rule, 'other', later(9))).toMatchObject({ kind: 'admitted' });
    const fresh = await reserveThrottleAttempt(ctx.db, rule, 'k', later(10));
    expect(fresh).toMatchObject({
      kind: 'admitted',
      reservation: { attempts: 1, windowStartedAt: later(10) },
    });
  });

  it('locks a key for lockMs from the attempt past max, then counts from one', async () => {
    const rule = ruleOf({ max: 2, windowMs: 10 * MINUTE, lockMs: 30 * MINUTE });
    await attempts(rule, 2, T0);
    expect(await reserveThrottleAttempt(ctx.db, rule, 'k', later(5))).toEqual({
      kind: 'locked',
      until: later(35),
    });
    // the lock outlasts the window and does not grow with refused attempts
    expect(await reserveThrottleAttempt(ctx.db, rule, 'k', later(20))).toEqual({
      kind: 'locked',
      until: later(35),
    });
    expect(await reserveThrottleAttempt(ctx.db, rule, 'k', later(35))).toMatchObject({
      kind: 'admitted',
      reservation: { attempts: 1 },
    });
  });

  it('holds a key at a lower limit without counting, and admits up to max when the limit is lifted', async () => {
    const rule = ruleOf({ max: 4, windowMs: 10 * MINUTE });
    expect(kinds(await attempts(rule, 4, T0, 2))).toEqual(['admitted', 'admitted', 'held', 'held']);
    expect(kinds(await attempts(rule, 3, T0))).toEqual(['admitted', 'admitted', 'locked']);
  });

  it('gives back a released attempt of the current window only', async () => {
    const rule = ruleOf({ max: 2, windowMs: 10 * MINUTE });
    const [first] = await attempts(rule, 2, T0);
    if (first?.kind !== 'admitted') throw new Error('expected an admitted attempt');
    await releaseThrottleAttempt(ctx.db, first.reservation);
    expect(kinds(await attempts(rule, 2, later(1)))).toEqual(['admitted', 'locked']);
  });

  it('admits no more than max of many attempts at once', async () => {
    const rule = ruleOf({ max: 5, windowMs: 10 * MINUTE });
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => reserveThrottleAttempt(ctx.db, rule, 'k', T0)),
    );
    expect(answers.filter((a) => a.kind === 'admitted')).toHaveLength(5);
  });

  it('purges the rows whose window and lock have both ended', async () => {
    const open = ruleOf({ max: 1, windowMs: 10 * MINUTE });
    const locked = ruleOf({ max: 1, windowMs: 10 * MINUTE, lockMs: 60 * MINUTE });
    await attempts(open, 1, T0);
    await attempts(locked, 2, T0);
    expect(await purgeEndedThrottles(ctx.db, [open, locked], later(11))).toBe(1);
    expect(await purgeEndedThrottles(ctx.db, [open, locked], later(61))).toBe(1);
    const left = await ctx.db.select().from(throttles);
    expect(left.filter((r) => r.scope === open.scope || r.scope === locked.scope)).toEqual([]);
  });
});
