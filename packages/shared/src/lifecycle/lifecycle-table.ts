import type { Role } from '../auth/roles.js';
import type { ErrorCode } from '../errors/error-codes.js';

/** One row of a lifecycle table: where an action may be taken, where it leads, who may take it. */
export interface Transition<S extends string> {
  /** states the action is allowed from; `null` stands for "not created yet" (only the creating actions) */
  readonly from: readonly (S | null)[];
  /** the state after the action; `same` for actions that only record (progress, supervise …) */
  readonly to: S | 'same';
  /** roles that may take the action; the server adds the data-scope check on top */
  readonly roles: readonly Role[];
  /** Chinese name of the action, as on the button */
  readonly label: string;
}

/**
 * A lifecycle as data (cases, grid findings, disputes, orders, alerts, petitions, hazards all have one): the
 * only place that says which action is allowed from which state and for whom. The server asserts it inside
 * each transition's transaction; the web only reads it to decide which buttons to show.
 */
export interface Lifecycle<S extends string, A extends string> {
  /** what the lifecycle is of, in refusals: 工单, 网格事件 … */
  readonly noun: string;
  /** Chinese names of the states */
  readonly stateLabels: Readonly<Record<S, string>>;
  /** every action, in lifecycle order (the order buttons appear in) */
  readonly actions: readonly A[];
  /** the table: one row per action */
  readonly transitions: Readonly<Record<A, Transition<S>>>;
  /** the past-tense event each action writes on the timeline (`case.dispatched`) */
  readonly events: Readonly<Record<A, string>>;
}

/** Declares a lifecycle (type-checked: every action has a row and an event). */
export function defineLifecycle<S extends string, A extends string>(
  lifecycle: Lifecycle<S, A>,
): Lifecycle<S, A> {
  return lifecycle;
}

/** An action the lifecycle table does not allow from the current state (HTTP 409 on the server). */
export class TransitionError extends Error {
  /** stable error code, see `ERROR_CODES` */
  readonly code = 'TRANSITION_NOT_ALLOWED' satisfies ErrorCode;
  /** the state it was in; `null` when it does not exist yet */
  readonly from: string | null;
  /** the refused action */
  readonly action: string;

  constructor(from: string | null, action: string, message: string) {
    super(message);
    this.name = 'TransitionError';
    this.from = from;
    this.action = action;
  }
}

/** The answer of `checkLifecycleTransition`: the next state, or why not. */
export type LifecycleTransitionResult<S extends string, A extends string> =
  | { ok: true; to: S }
  | { ok: false; code: 'TRANSITION_NOT_ALLOWED'; from: S | null; action: A; message: string };

/** The refusal's wording: 「工单当前为「已派单」，不能结案」. */
function refusalMessage<S extends string, A extends string>(lc: Lifecycle<S, A>, state: S | null, action: A) {
  const label = lc.transitions[action].label;
  return state === null
    ? `${lc.noun}尚未登记，不能${label}`
    : `${lc.noun}当前为「${lc.stateLabels[state]}」，不能${label}`;
}

/**
 * The state `action` leads to from `state` (`null`: not created yet), or a refusal. Roles are not looked at
 * here: see `mayTakeLifecycleAction`.
 */
export function checkLifecycleTransition<S extends string, A extends string>(
  lc: Lifecycle<S, A>,
  state: S | null,
  action: A,
): LifecycleTransitionResult<S, A> {
  const transition = lc.transitions[action];
  if (transition.from.includes(state)) {
    if (transition.to !== 'same') return { ok: true, to: transition.to };
    if (state !== null) return { ok: true, to: state };
  }
  return {
    ok: false,
    code: 'TRANSITION_NOT_ALLOWED',
    from: state,
    action,
    message: refusalMessage(lc, state, action),
  };
}

/** The state after `action`, or throws `TransitionError` (TRANSITION_NOT_ALLOWED). */
export function assertLifecycleTransition<S extends string, A extends string>(
  lc: Lifecycle<S, A>,
  state: S | null,
  action: A,
): S {
  const result = checkLifecycleTransition(lc, state, action);
  if (!result.ok) throw new TransitionError(state, action, result.message);
  return result.to;
}

/** Whether any of `roles` may take `action` at all (state and data scope aside). */
export function mayTakeLifecycleAction<S extends string, A extends string>(
  lc: Lifecycle<S, A>,
  action: A,
  roles: readonly Role[],
): boolean {
  const allowed = lc.transitions[action].roles;
  return roles.some((role) => allowed.includes(role));
}

/**
 * The actions `roles` may take in `state` (`null`: the creating actions), in lifecycle order. The server
 * narrows it further by data scope and by each action's conditions on data.
 */
export function lifecycleActionsFrom<S extends string, A extends string>(
  lc: Lifecycle<S, A>,
  state: S | null,
  roles: readonly Role[],
): A[] {
  return lc.actions.filter(
    (action) => lc.transitions[action].from.includes(state) && mayTakeLifecycleAction(lc, action, roles),
  );
}
