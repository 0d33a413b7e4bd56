import {
  CONFIRMATION_STAGE_LABELS,
  type ConfirmationWindowView,
  DISPUTE_ACTION_INPUTS,
  DISPUTE_STATE_LABELS,
  DISPUTE_TRANSITIONS,
  type DisputeAction,
  type DisputeActionOnDispute,
  type DisputeState,
  type RoomMessageView,
} from '@shanzhi/shared';

/** The button label of a dispute action, from the shared table (one source with the server). */
export function disputeActionLabel(action: string): string {
  return action in DISPUTE_TRANSITIONS ? DISPUTE_TRANSITIONS[action as DisputeAction].label : action;
}

/** The Chinese name of a dispute state (`—` for a value the table does not know). */
export function disputeStateLabel(state: string | null): string {
  return state && state in DISPUTE_STATE_LABELS ? DISPUTE_STATE_LABELS[state as DisputeState] : '—';
}

/** The actions of the server's `actions` that are taken on an existing dispute, in the server's order. */
export function actionsOnDispute(actions: readonly DisputeAction[]): DisputeActionOnDispute[] {
  return actions.filter((a): a is DisputeActionOnDispute => a in DISPUTE_ACTION_INPUTS);
}

/** Tag colour of each state: open work blue, waiting gold, a good end green, a bad end red, archived grey. */
export const DISPUTE_STATE_COLORS: Record<DisputeState, string> = {
  registered: 'default',
  accepted: 'processing',
  awaiting_consent: 'gold',
  mediating: 'processing',
  agreed: 'success',
  performed: 'success',
  failed: 'error',
  escalated: 'warning',
  referred: 'purple',
  closed: 'default',
};

/** How the 30-day judicial-confirmation window stands, in a mediator's words, with the tag colour. */
export function confirmationWindowSummary(w: ConfirmationWindowView): { text: string; color: string } {
  if (!w.available) return { text: '该类纠纷（身份、收养、婚姻关系）不适用司法确认', color: 'default' };
  if (w.stage) return { text: `司法确认${CONFIRMATION_STAGE_LABELS[w.stage]}`, color: 'processing' };
  if (!w.open) return { text: '司法确认申请期限已届满', color: 'error' };
  if (w.daysLeft === 0) return { text: '今日为申请司法确认的最后一天', color: 'error' };
  return { text: `可申请司法确认，剩余 ${w.daysLeft} 天`, color: w.daysLeft <= 5 ? 'warning' : 'success' };
}

/** Room messages merged with newly arrived ones: each message once, oldest first. */
export function mergeRoomMessages(
  current: readonly RoomMessageView[],
  arrived: readonly RoomMessageView[],
): RoomMessageView[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of arrived) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/** A form's values without the fields left empty (undefined, null, blank text), as the API wants them. */
export function compactObject<T extends object>(values: T): T {
  return Object.fromEntries(
    Object.entries(values).filter(
      ([, v]) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === ''),
    ),
  ) as T;
}

/**
 * The states in which a dispute's online room is open: from the assignment until the agreement's follow-up.
 * Only whether to show the writing box; the server refuses a message outside them.
 */
export const ROOM_OPEN_STATES: readonly DisputeState[] = ['awaiting_consent', 'mediating', 'agreed'];
