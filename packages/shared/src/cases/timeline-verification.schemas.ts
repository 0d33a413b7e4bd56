import { z } from 'zod';

/**
 * Why a case's timeline fails verification:
 * - `event_altered`   — an event's hash is not the keyed hash of its content and predecessor, or its numbering is off
 * - `legacy_unsealed` — the part hashed before the chain was keyed is not the one the server sealed
 * - `head_mismatch`   — the events end elsewhere than the head and count the case row carries (removed or added)
 */
export const TimelineBreak = z.enum(['event_altered', 'legacy_unsealed', 'head_mismatch']);
export type TimelineBreak = z.infer<typeof TimelineBreak>;

/** `GET /api/v1/cases/:id/timeline/verify`: the answer of recomputing a case's keyed hash chain. */
export const TimelineVerification = z
  .object({
    /** the chain holds: every event's hash matches, and it ends at the case row's head */
    valid: z.boolean(),
    /** how many events were checked */
    events: z.number().int(),
    /** seq of the first event that does not match (or that is missing), when the chain is broken */
    brokenAt: z.number().int().optional(),
    /** why the chain is broken */
    reason: TimelineBreak.optional(),
  })
  .meta({ id: 'TimelineVerification' });
export type TimelineVerification = z.infer<typeof TimelineVerification>;
