import type { RoomPass } from './api/portal-mediation.api.js';

const KEY = 'shanzhi.mediationRoomPass';

/** The party's pass kept in this tab (a reload keeps him in the room), or null once it has run out. */
export function storedRoomPass(now = Date.now()): RoomPass | null {
  try {
    const pass = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as RoomPass | null;
    return pass && Date.parse(pass.expiresAt) > now ? pass : null;
  } catch {
    return null;
  }
}

/** Keeps the party's pass in this tab, or forgets it (`null`). */
export function storeRoomPass(pass: RoomPass | null): void {
  try {
    if (pass) sessionStorage.setItem(KEY, JSON.stringify(pass));
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage refused (private mode …): the pass lives as long as the page
  }
}
