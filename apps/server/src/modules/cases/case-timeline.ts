import type { DbOrTx } from '../../platform/db/database.js';
import type { NewEvent } from '../../platform/lifecycle/event-chain.js';
import { appendLifecycleEvent } from '../../platform/lifecycle/transition.js';
import { CASE_DEFINITION, type CaseEventOwner } from './case-lifecycle.js';
import type { CaseEventRow } from './cases.repository.js';

/**
 * Appends an event that is not a user's action to a case's timeline (its registration, the SLA clock's
 * lights), through the shared mechanism: the event chained under `key` to the head the case row carries,
 * its outbox row, and the case's new chain head — for the single statement that makes the change. `after`
 * is the case as the change leaves it; `eventId` an id drawn beforehand (registration draws it with the
 * case's own).
 */
export async function recordCaseEvent(
  db: DbOrTx,
  key: Buffer,
  after: CaseEventOwner,
  event: NewEvent,
  coHandlerIds: readonly number[],
  eventId?: number,
) {
  const recorded = await appendLifecycleEvent(
    db,
    CASE_DEFINITION,
    key,
    after,
    event,
    [...coHandlerIds],
    eventId,
  );
  // the definition names the case under `caseId`: the event is a case event row
  return { ...recorded, event: recorded.event as unknown as CaseEventRow };
}
