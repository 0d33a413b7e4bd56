import type { Role } from '../auth/roles.js';
import {
  assertLifecycleTransition,
  checkLifecycleTransition,
  defineLifecycle,
  type LifecycleTransitionResult,
  lifecycleActionsFrom,
  mayTakeLifecycleAction,
  type Transition,
} from '../lifecycle/lifecycle-table.js';
import { CASE_ACTION_EVENTS, CASE_ACTIONS, type CaseAction } from './case-actions.js';
import { CASE_STATE_LABELS, type CaseState } from './case-states.js';

/** One row of the case lifecycle table. */
export type CaseTransition = Transition<CaseState>;

/**
 * The case lifecycle (DOMAIN.md §3) as data: the only place that says which action is allowed from which
 * state and for whom. The server asserts it inside the transition's transaction; the web only reads it to
 * pick buttons. Conditions on data (the acceptance limit for `return`, a pending request for
 * `approve_extension`, "at most once" for `request_extension`, the master of a `merge`) are the service's.
 */
export const CASE_TRANSITIONS = {
  register: {
    from: [null],
    to: 'registered',
    roles: ['citizen', 'agent', 'dispatcher', 'grid_worker', 'mediator', 'supervisor', 'leader'],
    label: '登记',
  },
  // the 12345 agent's answer from the knowledge base (DOMAIN.md §1, §3): it ends a case with no unit, no
  // review and no callback, so no other role may take it — a grid worker's patrol report is dispatched
  resolve_on_call: { from: ['registered'], to: 'resolved_on_call', roles: ['agent'], label: '直接办结' },
  // dispatching a case still waiting for signature is a reassignment (改派), before any unit has it
  dispatch: {
    from: ['registered', 'returned', 'dispatched'],
    to: 'dispatched',
    roles: ['dispatcher'],
    label: '派单',
  },
  accept: { from: ['dispatched'], to: 'accepted', roles: ['handler', 'grid_worker'], label: '签收' },
  return: { from: ['dispatched'], to: 'returned', roles: ['handler', 'grid_worker'], label: '退单' },
  progress: { from: ['accepted'], to: 'same', roles: ['handler', 'grid_worker'], label: '过程记录' },
  request_extension: { from: ['accepted'], to: 'same', roles: ['handler'], label: '延期申请' },
  approve_extension: { from: ['accepted'], to: 'same', roles: ['dispatcher'], label: '同意延期' },
  refuse_extension: { from: ['accepted'], to: 'same', roles: ['dispatcher'], label: '不同意延期' },
  reply: { from: ['accepted'], to: 'replied', roles: ['handler', 'grid_worker'], label: '办结反馈' },
  review: { from: ['replied'], to: 'reviewed', roles: ['dispatcher'], label: '审核通过' },
  rework: { from: ['replied'], to: 'accepted', roles: ['dispatcher'], label: '返工' },
  // a second callback after an unanswered one is allowed, hence `called_back` among the sources
  callback: { from: ['reviewed', 'called_back'], to: 'called_back', roles: ['agent'], label: '回访' },
  close: { from: ['called_back'], to: 'closed', roles: ['agent', 'dispatcher'], label: '结案' },
  // back to the same lead unit (首接首办), which signs again under a fresh acceptance limit
  reopen: { from: ['called_back', 'closed'], to: 'dispatched', roles: ['dispatcher'], label: '重办' },
  supervise: { from: ['dispatched', 'accepted'], to: 'same', roles: ['supervisor', 'leader'], label: '督办' },
  merge: {
    from: ['registered', 'returned', 'dispatched'],
    to: 'merged',
    roles: ['dispatcher'],
    label: '合并',
  },
  unmerge: { from: ['merged'], to: 'registered', roles: ['dispatcher'], label: '取消合并' },
  transfer_to_110: {
    from: ['registered', 'returned'],
    to: 'transferred_110',
    roles: ['agent', 'dispatcher'],
    label: '转110',
  },
  transfer_from_110: {
    from: ['transferred_110'],
    to: 'registered',
    roles: ['agent', 'dispatcher'],
    label: '110转回',
  },
  // escalation changes which centre owns the case, not where it stands: the upper level dispatches it anew
  escalate: { from: ['registered', 'returned'], to: 'registered', roles: ['dispatcher'], label: '上报' },
  consult: {
    from: ['registered', 'returned', 'dispatched', 'accepted'],
    to: 'same',
    roles: ['dispatcher', 'leader'],
    label: '会商',
  },
  invalidate: { from: ['registered', 'returned'], to: 'invalidated', roles: ['dispatcher'], label: '作废' },
} as const satisfies Record<CaseAction, CaseTransition>;

/** Chinese label of each action, taken from the table. */
export const CASE_ACTION_LABELS: Record<CaseAction, string> = Object.fromEntries(
  CASE_ACTIONS.map((action) => [action, CASE_TRANSITIONS[action].label]),
) as Record<CaseAction, string>;

/** The case lifecycle for the shared mechanism (`lifecycle-table.ts`): the table, the labels, the events. */
export const CASE_LIFECYCLE = defineLifecycle<CaseState, CaseAction>({
  noun: '工单',
  stateLabels: CASE_STATE_LABELS,
  actions: CASE_ACTIONS,
  transitions: CASE_TRANSITIONS,
  events: CASE_ACTION_EVENTS,
});

/** The answer of `checkTransition`: the next state, or why not. */
export type TransitionResult = LifecycleTransitionResult<CaseState, CaseAction>;

/**
 * The state a case moves to when `action` is taken from `state` (`null`: no case yet), or a refusal.
 * Roles are not looked at here: see `mayTakeAction`.
 */
export function checkTransition(state: CaseState | null, action: CaseAction): TransitionResult {
  return checkLifecycleTransition(CASE_LIFECYCLE, state, action);
}

/** The state after `action`, or throws `CaseTransitionError` (TRANSITION_NOT_ALLOWED, HTTP 409). */
export function assertTransition(state: CaseState | null, action: CaseAction): CaseState {
  return assertLifecycleTransition(CASE_LIFECYCLE, state, action);
}

/** Whether any of `roles` may take `action` at all (state and data scope aside). */
export function mayTakeAction(action: CaseAction, roles: readonly Role[]): boolean {
  return mayTakeLifecycleAction(CASE_LIFECYCLE, action, roles);
}

/**
 * The actions a user with `roles` may take on a case in `state` (`null`: the actions that create a case),
 * in lifecycle order. The server narrows it further by data scope and by the service's data conditions.
 */
export function availableActions(state: CaseState | null, roles: readonly Role[]): CaseAction[] {
  return lifecycleActionsFrom(CASE_LIFECYCLE, state, roles);
}
