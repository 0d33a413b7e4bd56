import { PETITION_LIFECYCLE } from '@shanzhi/shared';
import { platformActor } from '../../platform/auth/platform-actor.js';
import type { OutboxSubscriber } from '../../platform/lifecycle/outbox-subscriber.js';
import { runTransition } from '../../platform/lifecycle/transition.js';
import { findCase } from '../cases/cases.repository.js';
import { CASE_PETITION_DEFINITION, casePetitionEnvironment } from './case-petition.js';
import type { PetitionOutboxPayload } from './petition-lifecycle.js';

const SYSTEM_ACTOR = platformActor('case.conclude_by_petition');

/**
 * A 12345 case converted to a petition follows it: when the petition is closed (办结), the case is concluded
 * with its outcome through the case's own lifecycle (随信访办结), in the outbox consumer's transaction — so
 * petition agency never writes the case row. A case already ended is left as it is.
 */
export const casesFollowPetitions: OutboxSubscriber = {
  name: 'cases-follow-petitions',
  topics: [PETITION_LIFECYCLE.events.close],
  async handle(tx, events, now, ctx) {
    for (const event of events) {
      const payload = event.payload as PetitionOutboxPayload;
      if (payload.caseId === null) continue;
      const row = await findCase(tx, payload.caseId);
      const { from } = CASE_PETITION_DEFINITION.lifecycle.transitions.conclude_by_petition;
      if (!row || !(from as readonly string[]).includes(row.state)) continue;
      // read through the consumer's transaction: on PGlite a query beside it would wait for it
      const env = await casePetitionEnvironment({ ...ctx, db: tx } as typeof ctx, now);
      await runTransition(
        tx,
        CASE_PETITION_DEFINITION,
        SYSTEM_ACTOR,
        { id: row.id, action: 'conclude_by_petition', input: { version: row.version } },
        {
          ...env,
          outcome: { petitionId: payload.petitionId, resolved: payload.resolved ?? null },
          bySystem: true,
        },
      );
    }
  },
};
