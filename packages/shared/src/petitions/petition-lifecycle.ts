import { z } from 'zod';
import { defineLifecycle, type Transition } from '../lifecycle/lifecycle-table.js';

/**
 * States of a petition (信访事项) under 信访工作条例 (2022):
 * - `registered`          — 已登记: taken in by an agent; whether it is accepted is decided within 15 days
 * - `accepted`            — 已受理: the 60-day answer limit runs from here
 * - `not_accepted`        — 不予受理: refused at intake, the petitioner told in writing why
 * - `handling`            — 办理中: the agent has verified it with the responsible body (核实) and handles it
 * - `answered`            — 已答复: the 处理意见 is given; a review (复查) may be asked within 30 days
 * - `review_requested`    — 复查中: the review is answered within 30 days
 * - `reviewed`            — 已复查: a re-review (复核) may be asked within 30 days
 * - `re_review_requested` — 复核中: the re-review is answered within 30 days
 * - `re_review_hearing`   — 听证中: the re-review holds a hearing (听证), whose time does not count (art. 36)
 * - `re_reviewed`         — 已复核: final; the same facts and reasons are not accepted again
 * - `closed`              — 已办结: the file is closed; the agent visits back (回访)
 */
export const PETITION_STATES = [
  'registered',
  'accepted',
  'not_accepted',
  'handling',
  'answered',
  'review_requested',
  'reviewed',
  're_review_requested',
  're_review_hearing',
  're_reviewed',
  'closed',
] as const;
export const PetitionState = z.enum(PETITION_STATES);
export type PetitionState = z.infer<typeof PetitionState>;

/** Chinese label of each state. */
export const PETITION_STATE_LABELS: Record<PetitionState, string> = {
  registered: '已登记',
  accepted: '已受理',
  not_accepted: '不予受理',
  handling: '办理中',
  answered: '已答复',
  review_requested: '复查中',
  reviewed: '已复查',
  re_review_requested: '复核中',
  re_review_hearing: '听证中',
  re_reviewed: '已复核',
  closed: '已办结',
};

/** Every action of a petition's lifecycle, in order (the order buttons appear in). */
export const PETITION_ACTIONS = [
  'register',
  'accept',
  'refuse',
  'verify',
  'contact',
  'extend',
  'answer',
  'feedback',
  'request_review',
  'review',
  'request_re_review',
  'start_hearing',
  'end_hearing',
  're_review',
  'close',
  'visit_back',
  'flag_risk',
  'unflag_risk',
  'take',
  'attach_signed_entrustment',
] as const;
export const PetitionAction = z.enum(PETITION_ACTIONS);
export type PetitionAction = z.infer<typeof PetitionAction>;

/** The actions taken on an existing petition (all but the creating one). */
export type PetitionActionOnPetition = Exclude<PetitionAction, 'register'>;

/** The states in which a petition is still being dealt with: the agent may record a contact. */
export const PETITION_OPEN_STATES = [
  'registered',
  'accepted',
  'handling',
  'answered',
  'review_requested',
  'reviewed',
  're_review_requested',
  're_review_hearing',
  're_reviewed',
] as const satisfies readonly PetitionState[];

/** The states after an answer (first, review or re-review) from which a further step may be asked. */
const ANSWERED_STATES = ['answered', 'reviewed', 're_reviewed'] as const;

/** 信访代办员 (a police officer at an agency point, or other staff given the role) and an administrator. */
const AGENTS = ['petition_agent', 'admin'] as const;

/**
 * The petition lifecycle as data. `verify`, `contact`, `feedback` and `visit_back` are the agent's recording
 * actions: "谁帮办、谁代办、谁反馈、谁回访" each names one person on the timeline. A review asked after an earlier
 * review or re-review is allowed by the table so that its guard can refuse it with the rule it breaks (the law
 * closes it), rather than a bare "not allowed". `flag_risk` and `unflag_risk` mark a risk of escalation to an
 * extreme act (风险预警) and lift it, each with its reason on the timeline. A citizen registers his own on the
 * portal, at an agency point without an agent: `take` (认领) makes an agent of the point its agent. The signed
 * 委托代办书 of an entrusted one is uploaded as a scan (`attach_signed_entrustment`), again if need be.
 */
export const PETITION_TRANSITIONS = {
  // the hotline's agents and dispatchers register one converted from a 12345 case (转信访代办), a citizen his own
  register: {
    from: [null],
    to: 'registered',
    roles: [...AGENTS, 'agent', 'dispatcher', 'citizen'],
    label: '登记',
  },
  accept: { from: ['registered'], to: 'accepted', roles: AGENTS, label: '受理' },
  refuse: { from: ['registered'], to: 'not_accepted', roles: AGENTS, label: '不予受理' },
  verify: { from: ['accepted', 'handling'], to: 'handling', roles: AGENTS, label: '核实' },
  contact: { from: PETITION_OPEN_STATES, to: 'same', roles: AGENTS, label: '记录联系' },
  extend: { from: ['accepted', 'handling'], to: 'same', roles: AGENTS, label: '延期' },
  answer: { from: ['accepted', 'handling'], to: 'answered', roles: AGENTS, label: '答复' },
  feedback: { from: [...ANSWERED_STATES, 'not_accepted'], to: 'same', roles: AGENTS, label: '反馈' },
  request_review: { from: ANSWERED_STATES, to: 'review_requested', roles: AGENTS, label: '申请复查' },
  review: { from: ['review_requested'], to: 'reviewed', roles: AGENTS, label: '复查答复' },
  request_re_review: {
    from: ['reviewed', 're_reviewed'],
    to: 're_review_requested',
    roles: AGENTS,
    label: '申请复核',
  },
  // 听证: the re-review's clock stops while a hearing is held and resumes, moved by its days, when it ends
  start_hearing: { from: ['re_review_requested'], to: 're_review_hearing', roles: AGENTS, label: '举行听证' },
  end_hearing: { from: ['re_review_hearing'], to: 're_review_requested', roles: AGENTS, label: '听证结束' },
  re_review: { from: ['re_review_requested'], to: 're_reviewed', roles: AGENTS, label: '复核答复' },
  close: { from: [...ANSWERED_STATES, 'not_accepted'], to: 'closed', roles: AGENTS, label: '办结' },
  visit_back: { from: ['closed'], to: 'same', roles: AGENTS, label: '回访' },
  // 风险预警: a risk of escalation (民转刑、极端事件苗头) may show at any time, also after closing
  flag_risk: { from: PETITION_STATES, to: 'same', roles: AGENTS, label: '标记风险' },
  unflag_risk: { from: PETITION_STATES, to: 'same', roles: AGENTS, label: '解除风险' },
  // 待认领: a portal petition waits at its agency point until an agent takes it, before it is accepted or not
  take: { from: ['registered'], to: 'same', roles: AGENTS, label: '认领' },
  attach_signed_entrustment: { from: PETITION_STATES, to: 'same', roles: AGENTS, label: '上传签署委托书' },
} as const satisfies Record<PetitionAction, Transition<PetitionState>>;

/** The petition lifecycle for the shared mechanism. */
export const PETITION_LIFECYCLE = defineLifecycle<PetitionState, PetitionAction>({
  noun: '信访事项',
  stateLabels: PETITION_STATE_LABELS,
  actions: PETITION_ACTIONS,
  transitions: PETITION_TRANSITIONS,
  events: {
    register: 'petition.registered',
    accept: 'petition.accepted',
    refuse: 'petition.refused',
    verify: 'petition.verified',
    contact: 'petition.contacted',
    extend: 'petition.extended',
    answer: 'petition.answered',
    feedback: 'petition.fed_back',
    request_review: 'petition.review_requested',
    review: 'petition.reviewed',
    request_re_review: 'petition.re_review_requested',
    start_hearing: 'petition.hearing_started',
    end_hearing: 'petition.hearing_ended',
    re_review: 'petition.re_reviewed',
    close: 'petition.closed',
    visit_back: 'petition.visited_back',
    flag_risk: 'petition.risk_flagged',
    unflag_risk: 'petition.risk_unflagged',
    take: 'petition.taken',
    attach_signed_entrustment: 'petition.signed_entrustment_attached',
  },
});

/**
 * The events the clock raises on a petition rather than a person (not actions): its running legal limit turned
 * yellow (80 % used) or red (past the deadline), as `DISPUTE_DEADLINE_EVENTS` for disputes.
 */
export const PETITION_DEADLINE_EVENTS = {
  yellow: 'petition.deadline_warned',
  red: 'petition.deadline_breached',
} as const;
