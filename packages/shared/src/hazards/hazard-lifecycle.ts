import { z } from 'zod';
import { defineLifecycle, type Transition } from '../lifecycle/lifecycle-table.js';

/**
 * States of a safety-production hazard (安全生产事故隐患, 令第16号):
 * - `found`               — 已发现: recorded by an inspector, the enterprise or a grid worker
 * - `reported`            — 已上报: reported to the supervising body
 * - `assigned`            — 已交办: the responsible party and the deadline set by the supervising body
 * - `rectifying`          — 整改中: the responsible party is rectifying it
 * - `extension_requested` — 延期申请中: an extension asked before the deadline, awaiting the supervising body
 * - `rectified`           — 已整改: rectification reported done
 * - `accepted`            — 已验收: a major hazard's rectification accepted (验收) by the supervising body
 * - `closed`              — 已销号: closed (a general one on the spot or once rectified; a major one once accepted)
 */
export const HAZARD_STATES = [
  'found',
  'reported',
  'assigned',
  'rectifying',
  'extension_requested',
  'rectified',
  'accepted',
  'closed',
] as const;
export const HazardState = z.enum(HAZARD_STATES);
export type HazardState = z.infer<typeof HazardState>;

/** Chinese label of each state. */
export const HAZARD_STATE_LABELS: Record<HazardState, string> = {
  found: '已发现',
  reported: '已上报',
  assigned: '已交办',
  rectifying: '整改中',
  extension_requested: '延期申请中',
  rectified: '已整改',
  accepted: '已验收',
  closed: '已销号',
};

/** Every action of a hazard's lifecycle, in order (the order buttons appear in). */
export const HAZARD_ACTIONS = [
  'record',
  'close_on_spot',
  'report',
  'assign',
  'start_rectification',
  'submit_plan',
  'list_supervision',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'rectify',
  'accept_rectification',
  'reject_rectification',
  'close',
] as const;
export const HazardAction = z.enum(HAZARD_ACTIONS);
export type HazardAction = z.infer<typeof HazardAction>;

/** The states in which a hazard is open and its deadline (整改期限) runs. */
export const HAZARD_RUNNING_STATES: readonly HazardState[] = [
  'assigned',
  'rectifying',
  'extension_requested',
];

/** The states in which a hazard counts as rectified (整改完成, 验收, 销号): the rate's numerator. */
export const HAZARD_RECTIFIED_STATES: readonly HazardState[] = ['rectified', 'accepted', 'closed'];

/**
 * The hazard lifecycle as data. The server adds per-action guards on the row: `close_on_spot` and closing
 * from `rectified` only for general hazards; `accept_rectification`, `submit_plan` and `list_supervision` only
 * for major ones; the supervising body's steps only for staff whose scope holds the supervising org;
 * `request_extension` only before the deadline.
 */
export const HAZARD_TRANSITIONS = {
  record: {
    from: [null],
    to: 'found',
    roles: ['handler', 'dispatcher', 'grid_worker', 'enterprise'],
    label: '登记隐患',
  },
  close_on_spot: { from: ['found'], to: 'closed', roles: ['handler', 'grid_worker'], label: '当场整改销号' },
  report: { from: ['found'], to: 'reported', roles: ['handler', 'dispatcher', 'grid_worker'], label: '上报' },
  assign: { from: ['reported'], to: 'assigned', roles: ['handler', 'dispatcher'], label: '交办整改' },
  start_rectification: { from: ['assigned'], to: 'rectifying', roles: ['handler'], label: '开始整改' },
  submit_plan: {
    from: ['assigned', 'rectifying'],
    to: 'same',
    roles: ['handler'],
    label: '报送治理方案',
  },
  list_supervision: {
    from: ['reported', 'assigned', 'rectifying', 'extension_requested'],
    to: 'same',
    roles: ['dispatcher', 'supervisor', 'leader'],
    label: '挂牌督办',
  },
  request_extension: {
    from: ['rectifying'],
    to: 'extension_requested',
    roles: ['handler'],
    label: '申请延期',
  },
  approve_extension: {
    from: ['extension_requested'],
    to: 'rectifying',
    roles: ['handler', 'dispatcher'],
    label: '同意延期',
  },
  refuse_extension: {
    from: ['extension_requested'],
    to: 'rectifying',
    roles: ['handler', 'dispatcher'],
    label: '不同意延期',
  },
  rectify: { from: ['rectifying'], to: 'rectified', roles: ['handler'], label: '整改完成' },
  accept_rectification: {
    from: ['rectified'],
    to: 'accepted',
    roles: ['handler', 'dispatcher'],
    label: '验收通过',
  },
  reject_rectification: {
    from: ['rectified'],
    to: 'rectifying',
    roles: ['handler', 'dispatcher'],
    label: '验收不通过',
  },
  close: { from: ['rectified', 'accepted'], to: 'closed', roles: ['handler', 'dispatcher'], label: '销号' },
} as const satisfies Record<HazardAction, Transition<HazardState>>;

/** The hazard lifecycle for the shared mechanism. */
export const HAZARD_LIFECYCLE = defineLifecycle<HazardState, HazardAction>({
  noun: '隐患',
  stateLabels: HAZARD_STATE_LABELS,
  actions: HAZARD_ACTIONS,
  transitions: HAZARD_TRANSITIONS,
  events: {
    record: 'hazard.recorded',
    close_on_spot: 'hazard.closed_on_spot',
    report: 'hazard.reported',
    assign: 'hazard.assigned',
    start_rectification: 'hazard.rectification_started',
    submit_plan: 'hazard.plan_submitted',
    list_supervision: 'hazard.listed_for_supervision',
    request_extension: 'hazard.extension_requested',
    approve_extension: 'hazard.extension_approved',
    refuse_extension: 'hazard.extension_refused',
    rectify: 'hazard.rectified',
    accept_rectification: 'hazard.rectification_accepted',
    reject_rectification: 'hazard.rectification_rejected',
    close: 'hazard.closed',
  },
});

/**
 * The events the clock raises on a hazard rather than a person (not actions): its rectification deadline turned
 * yellow (80 % used) or red (past), as `DISPUTE_DEADLINE_EVENTS` for disputes.
 */
export const HAZARD_DEADLINE_EVENTS = {
  yellow: 'hazard.deadline_warned',
  red: 'hazard.deadline_breached',
} as const;
