import type { AppContext } from '../../../platform/context.js';
import type { DbOrTx } from '../../../platform/db/database.js';
import { chainTimeline, eventRows, headOf, insertAll } from '../../demo/grid-history/grid-history-writer.js';
import { disputeEvents, disputeParties, disputeSessions, disputes } from '../mediation.tables.js';
import { partyValues } from '../party-contacts.js';
import type { PlannedDispute } from './dispute-plans.js';
import type { DisputeIds, DisputeStory } from './dispute-stories.js';

/** What a dispute's rows need: its id, its plan, the ids its story names, and the story. */
export interface DisputeWrite {
  id: number;
  plan: PlannedDispute;
  ids: DisputeIds;
  told: DisputeStory;
}

/** A sealed value as the bulk insert's JSON carries a `bytea`: PostgreSQL's hex text. */
export const byteaText = (sealed: Buffer | null | undefined) =>
  sealed ? `\\x${sealed.toString('hex')}` : null;

/**
 * The light a historic dispute's limit showed when mediation ended (red past its deadline), as the lights' scan
 * would have left it; the scan never looks at it again, for no limit runs after the end. The bulk insert names
 * every column, so the table's default does not apply.
 */
function lightAtEnd(row: DisputeStory['row']): 'green' | 'red' {
  return row.endedAt && row.deadline && row.endedAt > row.deadline ? 'red' : 'green';
}

/**
 * Writes disputes (with the ids given) with their keyed timelines and chain heads, their parties (phones
 * sealed as intake seals them, the agreement's confirmations) and their sessions: a few statements.
 */
export async function writeDisputes(
  tx: DbOrTx,
  ctx: Pick<AppContext, 'chainKey' | 'dataKey'>,
  writes: readonly DisputeWrite[],
): Promise<void> {
  const timelines = writes.map((w) => chainTimeline(ctx.chainKey, 'disputeId', w.id, w.told.story.events));
  const rows = writes.map((w, i) => ({
    id: w.id,
    light: lightAtEnd(w.told.row),
    ...w.told.row,
    version: w.told.story.version,
    ...headOf(timelines[i]!),
  }));
  await insertAll(tx, disputes, rows, true);
  const parties = writes.flatMap((w) =>
    w.plan.parties.map((party, k) => {
      const values = partyValues(ctx, w.id, party);
      const confirmedAt = w.told.confirmedAt[k] ?? null;
      return {
        ...values,
        id: w.ids.partyIds[k],
        phoneSealed: byteaText(values.phoneSealed),
        idNumberSealed: byteaText(values.idNumberSealed),
        confirmedAt,
        confirmationMethod: confirmedAt ? 'signed_scan' : null,
      };
    }),
  );
  await insertAll(tx, disputeParties, parties, true);
  const sessions = writes.flatMap((w) => w.told.sessions.map((s) => ({ ...s, disputeId: w.id })));
  await insertAll(tx, disputeSessions, sessions, true);
  await insertAll(tx, disputeEvents, eventRows(timelines.flat()));
}
