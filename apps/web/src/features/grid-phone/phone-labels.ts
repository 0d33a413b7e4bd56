import {
  GRID_FINDING_STATE_LABELS,
  GRID_FINDING_TRANSITIONS,
  GRID_TASK_STATE_LABELS,
  type GridFindingAction,
  type GridFindingState,
  type GridPhotoRole,
  type GridTaskState,
} from '@shanzhi/shared';
import type { Locale } from '../../i18n/locale.js';

// Chinese labels come from the shared lifecycle tables (one source with the server); English ones live here.
const FINDING_STATE_EN: Record<GridFindingState, string> = {
  open: 'Open',
  solved: 'Solved on the spot',
  escalated: 'Reported up',
  referred: 'Referred as a hazard',
  closed: 'Closed with its case or hazard',
  dismissed: 'Withdrawn',
};
const FINDING_ACTION_EN: Record<GridFindingAction, string> = {
  record: 'Recorded',
  solve_on_spot: 'Solve on the spot',
  report_up: 'Report up',
  refer_hazard: 'Refer as a safety hazard',
  conclude: 'Closed with its case or hazard',
  dismiss: 'Withdraw',
};
const TASK_STATE_EN: Record<GridTaskState, string> = {
  assigned: 'To do',
  done: 'Done',
  cancelled: 'Withdrawn',
};
const PHOTO_ROLE: Record<GridPhotoRole, { zh: string; en: string }> = {
  report: { zh: '现场照片', en: 'On the spot' },
  before: { zh: '处置前', en: 'Before' },
  after: { zh: '处置后', en: 'After' },
  visit: { zh: '走访照片', en: 'Visit' },
};

/** 待处置 / 就地解决 / 已上报 …: a finding's state for people. */
export function findingStateLabel(state: GridFindingState, locale: Locale): string {
  return locale === 'en' ? FINDING_STATE_EN[state] : GRID_FINDING_STATE_LABELS[state];
}

/** 就地解决 / 上报 / 撤销 …: a finding's action for people. */
export function findingActionLabel(action: GridFindingAction, locale: Locale): string {
  return locale === 'en' ? FINDING_ACTION_EN[action] : GRID_FINDING_TRANSITIONS[action].label;
}

/** 待办理 / 已完成 / 已撤回: a task's state for people. */
export function taskStateLabel(state: GridTaskState, locale: Locale): string {
  return locale === 'en' ? TASK_STATE_EN[state] : GRID_TASK_STATE_LABELS[state];
}

/** What a photo of a finding shows: 现场照片, 处置前, 处置后 …. */
export function photoRoleLabel(role: GridPhotoRole, locale: Locale): string {
  return PHOTO_ROLE[role][locale === 'en' ? 'en' : 'zh'];
}

/** The colour of a finding's state tag: open is work to do, solved and closed are done. */
export const FINDING_STATE_COLORS: Record<GridFindingState, string> = {
  open: 'orange',
  solved: 'green',
  escalated: 'blue',
  referred: 'purple',
  closed: 'green',
  dismissed: 'default',
};

/** A length for people: metres under a kilometre, else kilometres to two places. */
export function formatDistance(meters: number, locale: Locale): string {
  if (meters < 1000) return locale === 'en' ? `${Math.round(meters)} m` : `${Math.round(meters)} 米`;
  const km = (meters / 1000).toFixed(2);
  return locale === 'en' ? `${km} km` : `${km} 公里`;
}

/** A duration as a clock shows it: `1:05:09`, or `05:09` under an hour. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(s / 3600);
  const rest = `${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
  return hours > 0 ? `${hours}:${rest}` : rest;
}

const DAY_MS = 86_400_000;

/**
 * 从未走访 / 今天走访 / 3 天前走访: how long since a household was last visited, in calendar days of the phone's
 * clock (a visit late yesterday is 昨天, not 今天).
 */
export function lastVisitLabel(lastVisitedAt: string | null, now: Date, locale: Locale): string {
  const en = locale === 'en';
  if (!lastVisitedAt) return en ? 'Never visited' : '从未走访';
  const dayOf = (at: Date) => Date.UTC(at.getFullYear(), at.getMonth(), at.getDate());
  const days = Math.max(0, Math.round((dayOf(now) - dayOf(new Date(lastVisitedAt))) / DAY_MS));
  if (days === 0) return en ? 'Visited today' : '今天走访';
  if (days === 1) return en ? 'Visited yesterday' : '昨天走访';
  return en ? `Visited ${days} days ago` : `${days} 天前走访`;
}
