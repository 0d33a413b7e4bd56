import type { MeResponse } from '@shanzhi/shared';

/**
 * Roles served by pages of their own rather than the staff console: citizens by the portal, merchants by
 * the merchants' workbench.
 */
const OUTSIDE_ROLES: readonly string[] = ['citizen', 'merchant'];

/** Whether the user works in the staff console: he holds at least one staff role. */
export function isConsoleUser(me: Pick<MeResponse, 'roles'>): boolean {
  return me.roles.some((role) => !OUTSIDE_ROLES.includes(role));
}
