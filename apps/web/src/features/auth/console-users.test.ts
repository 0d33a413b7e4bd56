import { describe, expect, it } from 'vitest';
import { isConsoleUser } from './console-users.js';

describe('who works in the staff console', () => {
  it.each([
    [['admin'], true],
    [['dispatcher'], true],
    [['grid_worker', 'mediator'], true],
    [['citizen'], false],
    [['merchant'], false],
    // a merchant who is also a grid worker keeps his desk
    [['merchant', 'grid_worker'], true],
    [[], false],
  ])('says %j → %s', (roles, expected) => {
    expect(isConsoleUser({ roles })).toBe(expected);
  });
});
