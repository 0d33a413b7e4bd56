import { z } from 'zod';

/**
 * Every action of the case lifecycle (DOMAIN.md §3), by its identifier. Who may take each, from which
 * state and to which, is the table in `case-state-machine.ts`.
 */
export const CASE_ACTIONS = [
  'register',
  'resolve_on_call',
  'dispatch',
  'accept',
  'return',
  'progress',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'reply',
  'review',
  'rework',
  'callback',
  'close',
  'reopen',
  'supervise',
  'merge',
  'unmerge',
  'transfer_to_110',
  'transfer_from_110',
  'escalate',
  'consult',
  'invalidate',
] as const;
export const CaseAction = z.enum(CASE_ACTIONS, { error: '未知的工单操作' });
export type CaseAction = z.infer<typeof CaseAction>;

/**
 * The timeline event each action appends (past tense, CONVENTIONS.md). Events the clock raises rather than
 * a person (`case.sla_warned`, `case.sla_breached`) are not actions and live with the SLA scan.
 */
export const CASE_ACTION_EVENTS = {
  register: 'case.registered',
  resolve_on_call: 'case.resolved_on_call',
  dispatch: 'case.dispatched',
  accept: 'case.accepted',
  return: 'case.returned',
  progress: 'case.progress_recorded',
  request_extension: 'case.extension_requested',
  approve_extension: 'case.extension_approved',
  refuse_extension: 'case.extension_refused',
  reply: 'case.replied',
  review: 'case.reviewed',
  rework: 'case.reworked',
  callback: 'case.called_back',
  close: 'case.closed',
  reopen: 'case.reopened',
  supervise: 'case.supervised',
  merge: 'case.merged',
  unmerge: 'case.unmerged',
  transfer_to_110: 'case.transferred_to_110',
  transfer_from_110: 'case.transferred_from_110',
  escalate: 'case.escalated',
  consult: 'case.consulted',
  invalidate: 'case.invalidated',
} as const satisfies Record<CaseAction, `case.${string}`>;

/** Name of a timeline event appended by an action, e.g. `case.dispatched`. */
export type CaseActionEvent = (typeof CASE_ACTION_EVENTS)[CaseAction];

/**
 * Events the clock raises on a running time limit (DOMAIN.md §4), appended by the SLA scan with the system
 * as actor: the light turned yellow (80 % of the limit used) or red (the deadline passed).
 */
export const CASE_SLA_EVENTS = {
  yellow: 'case.sla_warned',
  red: 'case.sla_breached',
} as const;
