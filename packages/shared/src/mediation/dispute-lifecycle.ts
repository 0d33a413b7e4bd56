import { z } from 'zod';
import { defineLifecycle, type Transition } from '../lifecycle/lifecycle-table.js';

/**
 * States of a dispute (矛盾纠纷), 人民调解法 arts. 17–33:
 * - `registered`       — 已登记: intake recorded (walk-in, phone, portal, grid finding, 12345 case, court referral)
 * - `accepted`         — 已受理: a committee took it; the 30-day mediation limit runs from here
 * - `awaiting_consent` — 待对方同意: committee and mediator assigned, the respondent not yet agreed to mediation
 * - `mediating`        — 调解中: both sides agreed; sessions are held
 * - `agreed`           — 已达成协议: an agreement (oral or written); the 30-day confirmation window runs
 * - `performed`        — 已履行: the follow-up visit (回访) found the agreement performed
 * - `failed`           — 调解不成: no agreement; it may still go up a level or to litigation/arbitration
 * - `escalated`        — 已上移: handed one level up the tree (village → town → district); a new committee assigns it
 * - `referred`         — 已引导诉讼/仲裁: the parties were told of litigation or arbitration
 * - `closed`           — 已结案: archived (归档), or ended by the respondent's refusal
 */
export const DISPUTE_STATES = [
  'registered',
  'accepted',
  'awaiting_consent',
  'mediating',
  'agreed',
  'performed',
  'failed',
  'escalated',
  'referred',
  'closed',
] as const;
export const DisputeState = z.enum(DISPUTE_STATES);
export type DisputeState = z.infer<typeof DisputeState>;

/** Chinese label of each state. */
export const DISPUTE_STATE_LABELS: Record<DisputeState, string> = {
  registered: '已登记',
  accepted: '已受理',
  awaiting_consent: '待对方同意',
  mediating: '调解中',
  agreed: '已达成协议',
  performed: '已履行',
  failed: '调解不成',
  escalated: '已上移',
  referred: '已引导诉讼/仲裁',
  closed: '已结案',
};

/** Every action of a dispute's lifecycle, in order (the order buttons appear in). */
export const DISPUTE_ACTIONS = [
  'register',
  'accept',
  'assign',
  'consent',
  'refuse',
  'extend',
  'record_session',
  'agree',
  'confirm_agreement',
  'fail',
  'escalate',
  'refer',
  'refer_to_hotline',
  'transfer_to_case',
  'record_performance',
  'apply_confirmation',
  'record_confirmation_ruling',
  'close',
] as const;
export const DisputeAction = z.enum(DISPUTE_ACTIONS);
export type DisputeAction = z.infer<typeof DisputeAction>;

/** The states in which mediation is still going on (a crisis may be handed to the hotline, the limit runs). */
export const DISPUTE_OPEN_STATES = ['registered', 'accepted', 'awaiting_consent', 'mediating'] as const;

/** Staff who take disputes in at a committee or at the centre (登记、受理、指派). */
const INTAKE = ['mediator', 'dispatcher', 'agent', 'admin'] as const;
/** Staff who run a committee's work: accept, assign, record consent. */
const COMMITTEE = ['mediator', 'dispatcher', 'admin'] as const;
/** The mediator himself (and an administrator). */
const MEDIATOR = ['mediator', 'admin'] as const;

/**
 * The dispute lifecycle as data. Roles say who may take an action at all; the server adds the data scope
 * (the dispute's committee and the org tree above it) and each action's conditions on data (the 30-day
 * confirmation window, the excluded matters, a party's contact …).
 */
export const DISPUTE_TRANSITIONS = {
  // a citizen registers his own application on the portal (网上申请), as he registers a 12345 request
  register: { from: [null], to: 'registered', roles: [...INTAKE, 'grid_worker', 'citizen'], label: '登记' },
  accept: { from: ['registered'], to: 'accepted', roles: COMMITTEE, label: '受理' },
  assign: { from: ['accepted', 'escalated'], to: 'awaiting_consent', roles: COMMITTEE, label: '指派' },
  consent: { from: ['awaiting_consent'], to: 'mediating', roles: COMMITTEE, label: '同意调解' },
  refuse: { from: ['awaiting_consent'], to: 'closed', roles: COMMITTEE, label: '拒绝调解' },
  extend: {
    from: ['accepted', 'awaiting_consent', 'mediating'],
    to: 'same',
    roles: MEDIATOR,
    label: '延长期限',
  },
  record_session: { from: ['mediating'], to: 'same', roles: MEDIATOR, label: '记录调解' },
  agree: { from: ['mediating'], to: 'agreed', roles: MEDIATOR, label: '达成协议' },
  // a mediator records a paper confirmation; a party (a citizen, by his room code) confirms online himself
  confirm_agreement: { from: ['agreed'], to: 'same', roles: [...MEDIATOR, 'citizen'], label: '当事人确认' },
  fail: { from: ['mediating'], to: 'failed', roles: MEDIATOR, label: '调解不成' },
  escalate: { from: ['mediating', 'failed'], to: 'escalated', roles: MEDIATOR, label: '上移' },
  refer: { from: ['mediating', 'failed'], to: 'referred', roles: MEDIATOR, label: '引导诉讼/仲裁' },
  refer_to_hotline: {
    from: DISPUTE_OPEN_STATES,
    to: 'same',
    roles: [...MEDIATOR, 'dispatcher'],
    label: '转心理援助热线',
  },
  transfer_to_case: { from: ['failed'], to: 'same', roles: MEDIATOR, label: '转部门办理' },
  record_performance: { from: ['agreed'], to: 'performed', roles: MEDIATOR, label: '记录履行（回访）' },
  apply_confirmation: { from: ['agreed', 'performed'], to: 'same', roles: MEDIATOR, label: '申请司法确认' },
  record_confirmation_ruling: {
    from: ['agreed', 'performed'],
    to: 'same',
    roles: MEDIATOR,
    label: '记录法院裁定',
  },
  close: {
    from: ['agreed', 'performed', 'failed', 'referred'],
    to: 'closed',
    roles: MEDIATOR,
    label: '结案归档',
  },
} as const satisfies Record<DisputeAction, Transition<DisputeState>>;

/** The dispute lifecycle for the shared mechanism. */
export const DISPUTE_LIFECYCLE = defineLifecycle<DisputeState, DisputeAction>({
  noun: '纠纷',
  stateLabels: DISPUTE_STATE_LABELS,
  actions: DISPUTE_ACTIONS,
  transitions: DISPUTE_TRANSITIONS,
  events: {
    register: 'dispute.registered',
    accept: 'dispute.accepted',
    assign: 'dispute.assigned',
    consent: 'dispute.consented',
    refuse: 'dispute.refused',
    extend: 'dispute.extended',
    record_session: 'dispute.session_recorded',
    agree: 'dispute.agreed',
    confirm_agreement: 'dispute.agreement_confirmed',
    fail: 'dispute.failed',
    escalate: 'dispute.escalated',
    refer: 'dispute.referred',
    refer_to_hotline: 'dispute.referred_to_hotline',
    transfer_to_case: 'dispute.transferred_to_case',
    record_performance: 'dispute.performance_recorded',
    apply_confirmation: 'dispute.confirmation_applied',
    record_confirmation_ruling: 'dispute.confirmation_ruled',
    close: 'dispute.closed',
  },
});

/**
 * How a dispute ended, as the numbers count it and as a converted 12345 case is concluded: 调解成功 (agreed),
 * 调解不成 (failed), 引导诉讼/仲裁 (referred), 对方拒绝调解 (refused).
 */
export const DISPUTE_OUTCOMES = ['agreed', 'failed', 'referred', 'refused'] as const;
export const DisputeOutcome = z.enum(DISPUTE_OUTCOMES);
export type DisputeOutcome = z.infer<typeof DisputeOutcome>;

/** Chinese label of each outcome. */
export const DISPUTE_OUTCOME_LABELS: Record<DisputeOutcome, string> = {
  agreed: '调解成功',
  failed: '调解不成',
  referred: '引导诉讼/仲裁',
  refused: '对方拒绝调解',
};

/** The outcome an action settles, if it settles one. */
export const DISPUTE_OUTCOME_OF_ACTION: Partial<Record<DisputeAction, DisputeOutcome>> = {
  agree: 'agreed',
  fail: 'failed',
  refer: 'referred',
  refuse: 'refused',
};

/**
 * The events the clock raises on a dispute rather than a person (not actions): its mediation limit turned
 * yellow (80 % used) or red (past the deadline), as `CASE_SLA_EVENTS` for cases.
 */
export const DISPUTE_DEADLINE_EVENTS = {
  yellow: 'dispute.deadline_warned',
  red: 'dispute.deadline_breached',
} as const;
