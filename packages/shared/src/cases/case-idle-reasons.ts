import { z } from 'zod';

/**
 * Why a user has no action on a case he can read, as the server's rules decide it; the web labels it
 * beside a row without buttons (派单中心, 承办工作台, 督办 …) instead of guessing.
 * - `held_by_other_centre`: the case is owned by another centre (or level) — its dispatcher acts on it;
 * - `with_other_unit`: the case is in the hands of a unit (主办/协办) that is not the user's;
 * - `not_your_step`: at this stage the lifecycle gives the user's roles nothing to do (it waits for someone else).
 */
export const CASE_IDLE_REASONS = ['held_by_other_centre', 'with_other_unit', 'not_your_step'] as const;
export const CaseIdleReason = z.enum(CASE_IDLE_REASONS);
export type CaseIdleReason = z.infer<typeof CaseIdleReason>;
