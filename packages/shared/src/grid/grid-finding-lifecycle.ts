import { z } from 'zod';
import { defineLifecycle, type Transition } from '../lifecycle/lifecycle-table.js';

/**
 * States of a grid finding (巡查发现 / 网格事件):
 * - `open`      — 待处置: reported from the phone, not yet dealt with
 * - `solved`    — 就地解决: the grid worker solved it on the spot (before/after photos, a note) — found and closed
 * - `escalated` — 已上报: reported up as a case on the spine; it follows that case
 * - `referred`  — 已转隐患: referred as a safety-production hazard of an enterprise; it follows that hazard
 * - `closed`    — 已办结: its case came to an end, or its hazard was closed (销号)
 * - `dismissed` — 已撤销: a mistaken report, withdrawn with a reason
 */
export const GRID_FINDING_STATES = [
  'open',
  'solved',
  'escalated',
  'referred',
  'closed',
  'dismissed',
] as const;
export const GridFindingState = z.enum(GRID_FINDING_STATES);
export type GridFindingState = z.infer<typeof GridFindingState>;

/** Chinese label of each state. */
export const GRID_FINDING_STATE_LABELS: Record<GridFindingState, string> = {
  open: '待处置',
  solved: '就地解决',
  escalated: '已上报',
  referred: '已转隐患',
  closed: '已办结',
  dismissed: '已撤销',
};

/** Every action of a finding's lifecycle, in order. */
export const GRID_FINDING_ACTIONS = [
  'record',
  'solve_on_spot',
  'report_up',
  'refer_hazard',
  'conclude',
  'dismiss',
] as const;
export const GridFindingAction = z.enum(GRID_FINDING_ACTIONS);
export type GridFindingAction = z.infer<typeof GridFindingAction>;

/**
 * The finding lifecycle as data. `conclude` is the platform's own step when the case a finding was reported
 * up as comes to an end, or the hazard it was referred as is closed (an administrator may take it too);
 * `record` creates the finding.
 */
export const GRID_FINDING_TRANSITIONS = {
  record: { from: [null], to: 'open', roles: ['grid_worker'], label: '登记发现' },
  solve_on_spot: { from: ['open'], to: 'solved', roles: ['grid_worker'], label: '就地解决' },
  report_up: { from: ['open'], to: 'escalated', roles: ['grid_worker'], label: '上报' },
  refer_hazard: { from: ['open'], to: 'referred', roles: ['grid_worker'], label: '转安全隐患' },
  conclude: { from: ['escalated', 'referred'], to: 'closed', roles: ['admin'], label: '随工单或隐患办结' },
  dismiss: { from: ['open'], to: 'dismissed', roles: ['grid_worker'], label: '撤销' },
} as const satisfies Record<GridFindingAction, Transition<GridFindingState>>;

/** The finding lifecycle for the shared mechanism. */
export const GRID_FINDING_LIFECYCLE = defineLifecycle<GridFindingState, GridFindingAction>({
  noun: '网格事件',
  stateLabels: GRID_FINDING_STATE_LABELS,
  actions: GRID_FINDING_ACTIONS,
  transitions: GRID_FINDING_TRANSITIONS,
  events: {
    record: 'grid_finding.recorded',
    solve_on_spot: 'grid_finding.solved_on_spot',
    report_up: 'grid_finding.reported_up',
    refer_hazard: 'grid_finding.referred_as_hazard',
    conclude: 'grid_finding.concluded',
    dismiss: 'grid_finding.dismissed',
  },
});

/**
 * The states a finding ends in: counted as closed in the grid's closing rate, except a withdrawn one. A finding
 * reported up or referred as a hazard is still open until its case ends or its hazard is closed.
 */
export const GRID_FINDING_CLOSED_STATES: readonly GridFindingState[] = ['solved', 'closed'];
