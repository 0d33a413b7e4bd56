import { z } from 'zod';
import { CASE_STATE_LABELS, type CaseState } from '../cases/case-states.js';
import { defineLifecycle, type Transition } from '../lifecycle/lifecycle-table.js';

/**
 * What mediation does to a 12345 case: a case that is a dispute is converted (转人民调解) and follows the dispute,
 * then is concluded with its outcome when the dispute ends (随调解结案). A lifecycle of its own over the case's
 * states, so the spine's table stays as it is while these two steps go through the same mechanism.
 */
export const CASE_MEDIATION_ACTIONS = ['convert_to_dispute', 'conclude_by_mediation'] as const;
export const CaseMediationAction = z.enum(CASE_MEDIATION_ACTIONS);
export type CaseMediationAction = z.infer<typeof CaseMediationAction>;

/**
 * The mediation steps a person takes on a case, which the case's answer offers beside the spine's actions;
 * the other (随调解结案) is the platform's own, taken when the dispute ends.
 */
export const CASE_MEDIATION_OFFERS = ['convert_to_dispute'] as const satisfies readonly CaseMediationAction[];

/** The case states from which a case may still become a dispute, and in which it follows one. */
const OPEN_CASE_STATES = ['registered', 'returned', 'dispatched', 'accepted'] as const;

/** The table: agents and dispatchers convert; the platform (an administrator's right) concludes. */
export const CASE_MEDIATION_TRANSITIONS = {
  convert_to_dispute: {
    from: OPEN_CASE_STATES,
    to: 'same',
    roles: ['agent', 'dispatcher', 'admin'],
    label: '转人民调解',
  },
  conclude_by_mediation: { from: OPEN_CASE_STATES, to: 'closed', roles: ['admin'], label: '随调解结案' },
} as const satisfies Record<CaseMediationAction, Transition<CaseState>>;

/** The two mediation steps of a case for the shared mechanism. */
export const CASE_MEDIATION_LIFECYCLE = defineLifecycle<CaseState, CaseMediationAction>({
  noun: '工单',
  stateLabels: CASE_STATE_LABELS,
  actions: CASE_MEDIATION_ACTIONS,
  transitions: CASE_MEDIATION_TRANSITIONS,
  events: {
    convert_to_dispute: 'case.converted_to_dispute',
    conclude_by_mediation: 'case.concluded_by_mediation',
  },
});
