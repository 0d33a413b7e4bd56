import type { CaseSummary } from '../cases/api/cases.api.js';

const LIGHT_ORDER = ['red', 'yellow', 'green'] as const;

/** The workbench's cards: what the user can act on, by light (red first), and how many he only reads. */
export interface WorkSplit {
  groups: { light: (typeof LIGHT_ORDER)[number]; items: CaseSummary[] }[];
  /** cases in his area that another unit handles or that wait on someone else (the server's idle reason) */
  readOnly: CaseSummary[];
}

/**
 * Splits a page of the workbench: the cases the server lists actions on go to the light groups, the others
 * aside — a street office or a grid sees the cases of its area that a bureau handles, which are not its
 * work. `withReadOnly` puts those back in the groups, for a user who wants to see them.
 */
export function splitWork(items: readonly CaseSummary[], withReadOnly: boolean): WorkSplit {
  const readOnly = items.filter((c) => c.actions.length === 0);
  const shown = withReadOnly ? items : items.filter((c) => c.actions.length > 0);
  return {
    groups: LIGHT_ORDER.map((light) => ({ light, items: shown.filter((c) => c.light === light) })).filter(
      (g) => g.items.length > 0,
    ),
    readOnly,
  };
}
