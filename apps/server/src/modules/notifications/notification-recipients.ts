import type { OutboxCasePayload } from '../cases/case-outbox.js';
import type { CaseNotificationKind } from './notification-kinds.js';
import type { StaffDirectory } from './staff-directory.js';

/** What the consumer knows of a case's orgs when it decides whom to tell (as of the event). */
export interface CaseAudience {
  /** path of the owning centre (or territorial level) */
  ownerPath: string | undefined;
  /** every org path the case concerns: area, owner, lead unit, co-handlers, first receiver */
  paths: string[];
}

/** One kind of notification and the users who get it. */
export interface PlannedNotification {
  kind: CaseNotificationKind;
  userIds: number[];
}

/**
 * Whom a case event concerns (issue 3 item 7): a dispatch → the lead unit's handlers (主办) and the
 * co-handlers' (协办); a return, an extension request and a reply awaiting review → the owning centre's
 * dispatchers; an urge → the lead unit's handlers; a deadline warning or breach → the lead unit's handlers
 * and the supervisors whose scope holds the case. Never the actor himself. Other events tell no one.
 */
export async function planNotifications(
  topic: string,
  payload: OutboxCasePayload,
  audience: CaseAudience,
  staff: StaffDirectory,
): Promise<PlannedNotification[]> {
  const lead = () => staff.handlersOf(payload.leadUnitId === null ? [] : [payload.leadUnitId]);
  const dispatchers = () =>
    audience.ownerPath === undefined ? Promise.resolve([]) : staff.dispatchersFor(audience.ownerPath);
  let plan: PlannedNotification[];
  switch (topic) {
    case 'case.dispatched':
      plan = [
        { kind: 'dispatched', userIds: await lead() },
        { kind: 'co_dispatched', userIds: await staff.handlersOf(payload.coHandlerIds) },
      ];
      break;
    case 'case.returned':
      plan = [{ kind: 'returned', userIds: await dispatchers() }];
      break;
    case 'case.extension_requested':
      plan = [{ kind: 'extension_requested', userIds: await dispatchers() }];
      break;
    case 'case.replied':
      plan = [{ kind: 'reply_submitted', userIds: await dispatchers() }];
      break;
    case 'case.supervised':
      plan = [{ kind: 'supervised', userIds: await lead() }];
      break;
    case 'case.sla_warned':
    case 'case.sla_breached': {
      const kind = topic === 'case.sla_warned' ? 'sla_warned' : 'sla_breached';
      const userIds = [...(await lead()), ...(await staff.supervisorsFor(audience.paths))];
      plan = [{ kind, userIds }];
      break;
    }
    default:
      plan = [];
  }
  return plan
    .map((p) => ({
      kind: p.kind,
      userIds: [...new Set(p.userIds)].filter((id) => id !== payload.actorUserId),
    }))
    .filter((p) => p.userIds.length > 0);
}
