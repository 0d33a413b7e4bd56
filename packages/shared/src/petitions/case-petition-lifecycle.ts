import { z } from 'zod';
import { CASE_STATE_LABELS, type CaseState } from '../cases/case-states.js';
import { actionBody, id } from '../lifecycle/action-body.js';
import { defineLifecycle, type Transition } from '../lifecycle/lifecycle-table.js';
import { PetitionMode } from './petition-enums.js';
import { PetitionerInput } from './petition-inputs.schemas.js';

/**
 * What petition agency does to a 12345 case: a case that is a petition is converted (转信访代办) at an agency
 * point, and the petition keeps the case's id. A lifecycle of its own over the case's states, so the spine's
 * table stays as it is while the step goes through the same mechanism.
 */
export const CASE_PETITION_ACTIONS = ['convert_to_petition'] as const;
export const CasePetitionAction = z.enum(CASE_PETITION_ACTIONS);
export type CasePetitionAction = z.infer<typeof CasePetitionAction>;

/** The table: the hotline's agents and dispatchers convert an open case. */
export const CASE_PETITION_TRANSITIONS = {
  convert_to_petition: {
    from: ['registered', 'returned', 'dispatched', 'accepted'],
    to: 'same',
    roles: ['agent', 'dispatcher', 'admin'],
    label: '转信访代办',
  },
} as const satisfies Record<CasePetitionAction, Transition<CaseState>>;

/** The case's petition step for the shared mechanism. */
export const CASE_PETITION_LIFECYCLE = defineLifecycle<CaseState, CasePetitionAction>({
  noun: '工单',
  stateLabels: CASE_STATE_LABELS,
  actions: CASE_PETITION_ACTIONS,
  transitions: CASE_PETITION_TRANSITIONS,
  events: { convert_to_petition: 'case.converted_to_petition' },
});

/** `POST /api/v1/cases/:id/actions/convert_to_petition` 转信访代办. */
export const ConvertToPetitionInput = actionBody({
  /** 代办点: the agency point (an org in the caller's scope) whose agents take it */
  orgId: id('代办点'),
  /** 代办方式; 指定代办 when absent (the centre designates the agency point) */
  mode: PetitionMode.optional(),
  /** 信访人 with their ID numbers (the case's caller, identified) */
  petitioners: z.array(PetitionerInput).min(1, '至少填写一名信访人').max(10, '信访人最多 10 名'),
});
export type ConvertToPetitionInput = z.infer<typeof ConvertToPetitionInput>;

/** The answer of `convert_to_petition`. */
export const ConvertToPetitionResult = z.object({ petitionId: z.number().int(), caseId: z.number().int() });
export type ConvertToPetitionResult = z.infer<typeof ConvertToPetitionResult>;
