import { z } from 'zod';
import { CASE_STATE_LABELS, type CaseState } from '../cases/case-states.js';
import { actionBody, id, optionalText } from '../lifecycle/action-body.js';
import { defineLifecycle, type Transition } from '../lifecycle/lifecycle-table.js';
import { PetitionMode } from './petition-enums.js';
import { PetitionerInput } from './petition-inputs.schemas.js';

/**
 * What petition agency does to a 12345 case: a case that is a petition is converted (转信访代办) at an agency
 * point, the petition keeps the case's id, and the case follows it: it is concluded when the petition is closed
 * (随信访办结). A lifecycle of its own over the case's states, so the spine's table stays as it is while these
 * steps go through the same mechanism.
 */
export const CASE_PETITION_ACTIONS = ['convert_to_petition', 'conclude_by_petition'] as const;
export const CasePetitionAction = z.enum(CASE_PETITION_ACTIONS);
export type CasePetitionAction = z.infer<typeof CasePetitionAction>;

/**
 * The petition step a person takes on a case, which the case's answer offers beside the spine's actions; the
 * other (随信访办结) is the platform's own, taken when the petition is closed.
 */
export const CASE_PETITION_OFFERS = ['convert_to_petition'] as const satisfies readonly CasePetitionAction[];

/** The case states from which a case may still become a petition, and in which it follows one. */
const OPEN_CASE_STATES = ['registered', 'returned', 'dispatched', 'accepted'] as const;

/** The table: the hotline's agents and dispatchers convert an open case; the platform concludes it. */
export const CASE_PETITION_TRANSITIONS = {
  convert_to_petition: {
    from: OPEN_CASE_STATES,
    to: 'same',
    roles: ['agent', 'dispatcher', 'admin'],
    label: '转信访代办',
  },
  conclude_by_petition: { from: OPEN_CASE_STATES, to: 'closed', roles: ['admin'], label: '随信访办结' },
} as const satisfies Record<CasePetitionAction, Transition<CaseState>>;

/** The case's petition step for the shared mechanism. */
export const CASE_PETITION_LIFECYCLE = defineLifecycle<CaseState, CasePetitionAction>({
  noun: '工单',
  stateLabels: CASE_STATE_LABELS,
  actions: CASE_PETITION_ACTIONS,
  transitions: CASE_PETITION_TRANSITIONS,
  events: {
    convert_to_petition: 'case.converted_to_petition',
    conclude_by_petition: 'case.concluded_by_petition',
  },
});

/** `POST /api/v1/cases/:id/actions/convert_to_petition` 转信访代办. */
export const ConvertToPetitionInput = actionBody({
  /** 代办点: the agency point (an org in the caller's scope) whose agents take it */
  orgId: id('代办点'),
  /** 代办方式; 指定代办 when absent (the centre designates the agency point) */
  mode: PetitionMode.optional(),
  /** 信访事项 as the agent put it; the case's title and content when left out */
  matter: optionalText('信访事项', 4000),
  /** 信访人 with their ID numbers (the case's caller, identified) */
  petitioners: z.array(PetitionerInput).min(1, '至少填写一名信访人').max(10, '信访人最多 10 名'),
});
export type ConvertToPetitionInput = z.infer<typeof ConvertToPetitionInput>;

/** The answer of `convert_to_petition`. */
export const ConvertToPetitionResult = z.object({ petitionId: z.number().int(), caseId: z.number().int() });
export type ConvertToPetitionResult = z.infer<typeof ConvertToPetitionResult>;
