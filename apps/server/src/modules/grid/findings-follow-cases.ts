import { CASE_ACTION_EVENTS } from '@shanzhi/shared';
import { platformActor } from '../../platform/auth/platform-actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import type { OutboxSubscriber } from '../../platform/lifecycle/outbox-subscriber.js';
import { runTransition } from '../../platform/lifecycle/transition.js';
import type { OutboxCasePayload } from '../cases/case-outbox.js';
import { FINDING_DEFINITION } from './finding-lifecycle.js';
import { findFindingsFollowing } from './findings.repository.js';

/** The platform acting on findings (随工单或隐患办结): an administrator's right to conclude, recorded as 系统. */
const SYSTEM_ACTOR = platformActor('grid_finding.conclude');

/** The case events that end a case: the finding it came from ends with it. */
const CASE_ENDINGS = [
  CASE_ACTION_EVENTS.close,
  CASE_ACTION_EVENTS.resolve_on_call,
  CASE_ACTION_EVENTS.invalidate,
  CASE_ACTION_EVENTS.transfer_to_110,
  CASE_ACTION_EVENTS.merge,
] as const;

/**
 * 随工单办结: a finding reported up follows its case to the end. When a case ends, the findings it came from are
 * concluded by the platform through their own lifecycle — in the outbox consumer's transaction, once the case's
 * ending committed — so the spine never reaches into the grid.
 */
export const gridFindingsFollowCases: OutboxSubscriber = {
  name: 'grid-findings-follow-cases',
  topics: CASE_ENDINGS,
  async handle(tx, events, now, ctx) {
    const caseIds = events.map((e) => (e.payload as OutboxCasePayload).caseId);
    await concludeFindings(tx, await findFindingsFollowing(tx, caseIds), now, ctx);
  },
};

/** 随工单或隐患办结: the platform concludes findings through their own lifecycle, recorded as 系统. */
export async function concludeFindings(
  tx: Tx,
  findings: readonly { id: number; version: number }[],
  now: Date,
  ctx: AppContext,
): Promise<void> {
  for (const finding of findings) {
    await runTransition(
      tx,
      FINDING_DEFINITION,
      SYSTEM_ACTOR,
      { id: finding.id, action: 'conclude', input: { version: finding.version } },
      { ctx, now, chainKey: ctx.chainKey, bySystem: true },
    );
  }
}
