import type { MeResponse } from '@shanzhi/shared';

/** The phone app's home: its scope, with the slash its service worker's scope ends with. */
export const PHONE_HOME = '/m/';

/** A screen this narrow (CSS pixels) is a phone's. */
export const PHONE_MAX_WIDTH = 767;

/**
 * Whether a path is in the phone app, which must be loaded as a page of its own (not reached by the router
 * from another page): only a document loaded inside `/m/` is served by the app's service worker offline.
 */
export function isPhoneAppPath(path: string): boolean {
  return path === '/m' || path.startsWith(PHONE_HOME);
}

/** Whether the user is a grid worker who patrols: the phone app is his working tool. */
export function worksOnThePhone(me: Pick<MeResponse, 'permissions'>): boolean {
  return me.permissions.includes('grid.patrol');
}

/**
 * Where a user lands after signing in: where he was going when there is such a place, else — for a grid
 * worker on a phone-sized screen — the phone app, else the console's home.
 */
export function landingPath(
  me: Pick<MeResponse, 'permissions'>,
  requested: string,
  screenWidth: number,
): string {
  if (requested !== '/') return requested;
  return worksOnThePhone(me) && screenWidth <= PHONE_MAX_WIDTH ? PHONE_HOME : requested;
}
