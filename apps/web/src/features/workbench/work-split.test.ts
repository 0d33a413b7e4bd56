import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../cases/api/cases.api.js';
import { splitWork } from './work-split.js';

const card = (id: number, light: string, actions: string[]) =>
  ({ id, light, actions, idleReason: actions.length ? null : 'with_other_unit' }) as unknown as CaseSummary;

const PAGE = [
  card(1, 'green', ['progress']),
  card(2, 'red', ['accept', 'return']),
  card(3, 'red', []),
  card(4, 'yellow', []),
];

describe('the workbench’s cards', () => {
  it('shows what the user can act on by light, red first, and sets aside what he only reads', () => {
    const split = splitWork(PAGE, false);
    expect(split.groups.map((g) => [g.light, g.items.map((c) => c.id)])).toEqual([
      ['red', [2]],
      ['green', [1]],
    ]);
    expect(split.readOnly.map((c) => c.id)).toEqual([3, 4]);
  });

  it('puts the read-only cases back when asked', () => {
    const split = splitWork(PAGE, true);
    expect(split.groups.map((g) => [g.light, g.items.map((c) => c.id)])).toEqual([
      ['red', [2, 3]],
      ['yellow', [4]],
      ['green', [1]],
    ]);
  });
});
