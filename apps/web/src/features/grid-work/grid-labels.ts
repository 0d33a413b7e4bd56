import {
  GRID_FINDING_STATE_LABELS,
  GRID_FINDING_TRANSITIONS,
  GRID_MEASURE_DEFINITIONS,
  GRID_TASK_STATE_LABELS,
  type GridFindingAction,
  type GridFindingState,
  type GridMeasureKey,
  type GridMeasureUnit,
  type GridTaskState,
} from '@shanzhi/shared';
import type { Locale } from '../../i18n/locale.js';

// Chinese labels come from the shared definitions (one source with the server); English ones live here.
const MEASURES_EN: Record<GridMeasureKey, string> = {
  patrolAttainmentRate: 'Patrol plan attainment',
  patrols: 'Patrols',
  patrolKm: 'Km patrolled',
  missedPatrolDays: 'Missed grid-days',
  findings: 'Findings',
  solvedOnSpot: 'Solved on the spot',
  reportedUp: 'Reported up',
  closedFindings: 'Closed',
  closingRate: 'Closing rate of findings',
  onSpotRate: 'On-the-spot rate',
  tasks: 'Tasks',
  tasksOverdue: 'Overdue tasks',
  taskOverdueRate: 'Task overdue rate',
};

const FINDING_STATES_EN: Record<GridFindingState, string> = {
  open: 'Open',
  solved: 'Solved on the spot',
  escalated: 'Reported up',
  referred: 'Referred as a hazard',
  closed: 'Closed with its case or hazard',
  dismissed: 'Withdrawn',
};

const TASK_STATES_EN: Record<GridTaskState, string> = {
  assigned: 'To do',
  done: 'Done',
  cancelled: 'Withdrawn',
};

const FINDING_ACTIONS_EN: Record<GridFindingAction, string> = {
  record: 'Recorded',
  solve_on_spot: 'Solved on the spot',
  report_up: 'Reported up',
  refer_hazard: 'Referred as a safety hazard',
  conclude: 'Closed with its case or hazard',
  dismiss: 'Withdrawn',
};

/** 登记发现 / 就地解决 / 上报 …: a finding's action on its timeline, in the given language. */
export function findingActionLabel(action: string, locale: Locale): string {
  if (!(action in GRID_FINDING_TRANSITIONS)) return action;
  const known = action as GridFindingAction;
  return locale === 'en' ? FINDING_ACTIONS_EN[known] : GRID_FINDING_TRANSITIONS[known].label;
}

/** 发现办结率 / 巡查里程 …: a grid measure's name in the given language. */
export function measureLabel(key: GridMeasureKey, locale: Locale): string {
  return locale === 'en' ? MEASURES_EN[key] : GRID_MEASURE_DEFINITIONS[key].label;
}

/** 待处置 / 就地解决 …: a finding's state in the given language. */
export function findingStateLabel(state: GridFindingState, locale: Locale): string {
  return locale === 'en' ? FINDING_STATES_EN[state] : GRID_FINDING_STATE_LABELS[state];
}

/** 待办理 / 已完成 / 已撤回: a task's state in the given language. */
export function taskStateLabel(state: GridTaskState, locale: Locale): string {
  return locale === 'en' ? TASK_STATES_EN[state] : GRID_TASK_STATE_LABELS[state];
}

/**
 * A measure's value as a report shows it: a rate as a percentage with two decimals (98.48%), kilometres
 * with one, a count as a whole number with separators; `—` when there is nothing to divide by.
 */
export function formatMeasure(value: number | null, unit: GridMeasureUnit): string {
  if (value === null) return '—';
  if (unit === 'rate') return `${(value * 100).toFixed(2)}%`;
  if (unit === 'km')
    return value.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return Math.round(value).toLocaleString('en-US');
}
