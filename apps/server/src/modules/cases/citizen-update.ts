import type { Tx } from '../../platform/db/database.js';
import type { NewEvent } from '../../platform/lifecycle/event-chain.js';
import { caseNotFound } from './case-lifecycle.js';
import { recordCaseEvent } from './case-timeline.js';
import { type CaseEventRow, findHandlers, lockCase, updateCaseWith } from './cases.repository.js';

/** The timeline's name of a citizen's update: an event, not a lifecycle action. */
export const CITIZEN_UPDATE = { action: 'citizen_update', event: 'case.citizen_updated' } as const;

/** What a citizen adds to his request after it was registered. */
export interface CitizenUpdate {
  /** who sent it, as the timeline names him (the channel it came through) */
  actorName: string;
  /** the citizen's words */
  note: string;
  /** what came with them: the channel, the status the citizen reported, the client's own id … */
  changes: Record<string, unknown>;
  at: Date;
}

/**
 * 群众补充: appends what a citizen adds to his request (a correction, "still not fixed", a photo's address) to
 * its timeline, inside the caller's transaction: lock the case → the chained event and its outbox row,
 * written with the case's new chain head in one statement. It is no lifecycle action — the citizen takes no
 * step for anyone: the case keeps its state, and its version, so no staff member's open form goes stale.
 */
export async function recordCitizenUpdate(
  tx: Tx,
  chainKey: Buffer,
  caseId: number,
  update: CitizenUpdate,
): Promise<CaseEventRow> {
  const row = await lockCase(tx, caseId);
  if (!row) throw caseNotFound(caseId);
  const coHandlerIds = (await findHandlers(tx, [caseId])).filter((h) => h.role === 'co').map((h) => h.orgId);
  const event: NewEvent = {
    action: CITIZEN_UPDATE.action,
    event: CITIZEN_UPDATE.event,
    actorUserId: null,
    actorName: update.actorName,
    actorOrgId: null,
    at: update.at,
    fromState: row.state,
    toState: row.state,
    note: update.note,
    changes: update.changes,
    attachments: [],
  };
  const recorded = await recordCaseEvent(tx, chainKey, row, event, coHandlerIds);
  await updateCaseWith(
    tx,
    caseId,
    { patch: recorded.chain, now: update.at, bumpVersion: false },
    recorded.inserts,
  );
  return recorded.event;
}
