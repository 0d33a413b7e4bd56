import type { TimelineVerification } from '@shanzhi/shared';
import type { Db } from '../../platform/db/database.js';
import { type StoredEvent, verifyChain } from '../../platform/lifecycle/chain-verification.js';
import { type CaseEventRow, type CaseRow, findCasesByIds, findEventsOfCases } from './cases.repository.js';

/** A case's row (its chain head) with its timeline, read together. */
export interface CaseTimeline {
  row: CaseRow;
  events: CaseEventRow[];
}

/** Verifies a case's timeline under `key` (the shared mechanism's `verifyChain`, with the case's legacy seal). */
export function verifyTimeline(
  key: Buffer,
  row: CaseRow,
  events: readonly CaseEventRow[],
): TimelineVerification {
  return verifyChain(key, row, events as unknown as StoredEvent[]);
}

/**
 * The rows and timelines of cases, read in one snapshot (a repeatable-read transaction), so that an event
 * committed between the two reads cannot look like a break. Cases that do not exist are left out.
 */
export async function loadCaseTimelines(db: Db, caseIds: readonly number[]): Promise<CaseTimeline[]> {
  const { rows, events } = await db.transaction(
    async (tx) => ({
      rows: await findCasesByIds(tx, caseIds),
      events: await findEventsOfCases(tx, caseIds),
    }),
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const byCase = new Map<number, CaseEventRow[]>();
  for (const e of events) {
    const timeline = byCase.get(e.caseId);
    if (timeline) timeline.push(e);
    else byCase.set(e.caseId, [e]);
  }
  return rows.map((row) => ({ row, events: byCase.get(row.id) ?? [] }));
}
