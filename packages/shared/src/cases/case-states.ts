import { z } from 'zod';

/**
 * The states of a case (工单状态), DOMAIN.md §3. The minimum set in which every lifecycle action means
 * something: each state answers "whose move is it now?".
 *
 * - `registered`   — 已登记: at a social-governance centre, waiting to be dispatched (also after escalate,
 *                    unmerge, transfer back from 110)
 * - `dispatched`   — 待签收: sent to a lead unit, waiting for it to sign (also after reopen)
 * - `returned`     — 已退单: the unit sent it back as mis-routed; the dispatcher re-dispatches
 * - `accepted`     — 办理中: the lead unit signed for it and is handling it (also after rework)
 * - `replied`      — 待审核: the unit replied; the dispatcher reviews the reply
 * - `reviewed`     — 待回访: the reply was approved; waiting for the callback to the citizen
 * - `called_back`  — 已回访: the callback is recorded; the centre closes or reopens
 * - `closed`       — 已结案
 * - `resolved_on_call` — 直接办结: answered at intake by the agent, from the knowledge base
 * - `transferred_110`  — 已转110: handed to the police line
 * - `merged`       — 已合并: a duplicate that follows its master case
 * - `invalidated`  — 已作废: spam, test call
 */
export const CASE_STATES = [
  'registered',
  'dispatched',
  'returned',
  'accepted',
  'replied',
  'reviewed',
  'called_back',
  'closed',
  'resolved_on_call',
  'transferred_110',
  'merged',
  'invalidated',
] as const;
export const CaseState = z.enum(CASE_STATES);
export type CaseState = z.infer<typeof CaseState>;

/** Chinese label of each state, as the UI shows it. */
export const CASE_STATE_LABELS: Record<CaseState, string> = {
  registered: '待派单',
  dispatched: '待签收',
  returned: '已退单',
  accepted: '办理中',
  replied: '待审核',
  reviewed: '待回访',
  called_back: '已回访',
  closed: '已结案',
  resolved_on_call: '直接办结',
  transferred_110: '已转110',
  merged: '已合并',
  invalidated: '已作废',
};

/**
 * States in which nobody owes the case any more work. A final state is not a dead end: `closed` may be
 * reopened, `merged` unmerged, `transferred_110` passed back (see the transition table).
 */
export const FINAL_CASE_STATES: readonly CaseState[] = [
  'closed',
  'resolved_on_call',
  'transferred_110',
  'merged',
  'invalidated',
];

/** Whether someone still owes the case work (it shows in work queues). */
export function isCaseOpen(state: CaseState): boolean {
  return !FINAL_CASE_STATES.includes(state);
}
