/** A unit remembered as recently dispatched to. */
export interface RecentUnit {
  id: number;
  name: string;
  kind: string;
}

const KEY = 'shanzhi.recentUnits';
const MAX = 8;

/** The units this browser dispatched to most recently, newest first (localStorage; empty when unavailable). */
export function readRecentUnits(): RecentUnit[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (u): u is RecentUnit =>
        typeof u === 'object' && u !== null && typeof u.id === 'number' && typeof u.name === 'string',
    );
  } catch {
    return [];
  }
}

/** Puts units at the front of the recent list (after a successful dispatch). */
export function rememberUnits(units: readonly RecentUnit[]): void {
  const ids = new Set(units.map((u) => u.id));
  const next = [...units, ...readRecentUnits().filter((u) => !ids.has(u.id))].slice(0, MAX);
  try {
    window.localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // private mode or a full storage: the list is a convenience
  }
}
