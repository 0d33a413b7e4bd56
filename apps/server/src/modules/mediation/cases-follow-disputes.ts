import { DISPUTE_LIFECYCLE } from '@shanzhi/shared';
import { platformActor } from '../../platform/auth/platform-actor.js';
import type { OutboxSubscriber } from '../../platform/lifecycle/outbox-subscriber.js';
import { runTransition } from '../../platform/lifecycle/transition.js';
import { findCase } from '../cases/cases.repository.js';
import { CASE_MEDIATION_DEFINITION, caseMediationEnvironment } from './case-mediation.js';
import type { DisputeOutboxPayload } from './dispute-lifecycle.js';

/** The platform concluding a converted case (随调解结案): an administrator's right, recorded as 系统. */
const SYSTEM_ACTOR = platformActor('case.conclude_by_mediation');

/** The dispute events that end mediation, and so the case a dispute came from. */
const DISPUTE_ENDINGS = [
  DISPUTE_LIFECYCLE.events.agree,
  DISPUTE_LIFECYCLE.events.fail,
  DISPUTE_LIFECYCLE.events.refer,
  DISPUTE_LIFECYCLE.events.refuse,
] as const;

/**
 * A 12345 case converted to a dispute follows it: when mediation ends (agreed, failed, referred, refused),
 * the case is concluded with the outcome through its own lifecycle, in the outbox consumer's transaction —
 * so mediation never reaches into the spine's handlers. A case already ended is left as it is.
 */
export const casesFollowDisputes: OutboxSubscriber = {
  name: 'cases-follow-disputes',
  topics: DISPUTE_ENDINGS,
  async handle(tx, events, now, ctx) {
    for (const event of events) {
      const payload = event.payload as DisputeOutboxPayload;
      if (payload.caseId === null || payload.outcome === null) continue;
      const row = await findCase(tx, payload.caseId);
      if (
        !row ||
        !CASE_MEDIATION_DEFINITION.lifecycle.transitions.conclude_by_mediation.from.includes(
          row.state as never,
        )
      )
        continue;
      const outcome = {
        disputeId: payload.disputeId,
        disputeNumber: payload.disputeNumber,
        outcome: payload.outcome,
      };
      // read through the consumer's transaction: on PGlite a query beside it would wait for it
      const env = await caseMediationEnvironment({ ...ctx, db: tx } as typeof ctx, { outcome }, now);
      await runTransition(
        tx,
        CASE_MEDIATION_DEFINITION,
        SYSTEM_ACTOR,
        { id: row.id, action: 'conclude_by_mediation', input: { version: row.version } },
        { ...env, bySystem: true },
      );
    }
  },
};
