import { CASE_ACTION_EVENTS } from '@shanzhi/shared';
import type { OutboxSubscriber } from '../../platform/lifecycle/outbox-subscriber.js';
import { runTransition } from '../../platform/lifecycle/transition.js';
import type { OutboxCasePayload } from '../cases/case-outbox.js';
import { ALERT_DEFINITION } from './alert-lifecycle.js';
import { findAlertsOfCase } from './iot.repository.js';
import { IOT_SYSTEM_ACTOR } from './iot-actors.js';

/** The case events that end a case: the alert it was opened for is cleared with it. */
const CASE_ENDINGS = [
  CASE_ACTION_EVENTS.close,
  CASE_ACTION_EVENTS.resolve_on_call,
  CASE_ACTION_EVENTS.invalidate,
  CASE_ACTION_EVENTS.transfer_to_110,
  CASE_ACTION_EVENTS.merge,
] as const;

/**
 * 随工单解除: an alert that opened a case is cleared when the case ends — by the platform, through the alert's
 * own lifecycle, in the outbox consumer's transaction once the case's ending committed.
 */
export const iotAlertsFollowCases: OutboxSubscriber = {
  name: 'iot-alerts-follow-cases',
  topics: CASE_ENDINGS,
  async handle(tx, events, now, ctx) {
    for (const event of events) {
      const { caseId } = event.payload as OutboxCasePayload;
      for (const alert of await findAlertsOfCase(tx, caseId)) {
        const input = { version: alert.version, note: '工单已办结' };
        await runTransition(
          tx,
          ALERT_DEFINITION,
          IOT_SYSTEM_ACTOR,
          { id: alert.id, action: 'clear', input },
          { ctx, now, chainKey: ctx.chainKey, bySystem: true },
        );
      }
    }
  },
};
