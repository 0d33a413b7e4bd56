import {
  CASE_TYPE_LABELS,
  type CaseState,
  type CaseType,
  maskAddress,
  maskPersonalDataInText,
  maskPersonName,
  maskPhone,
  PORTAL_STATUS_LABELS,
  PORTAL_STEP_LABELS,
  type PortalCaseView,
  type PortalStatus,
  type PortalStep,
  SATISFACTION_LABELS,
  type Satisfaction,
} from '@shanzhi/shared';
import type { CaseRow } from '../cases/cases.repository.js';
import type { findPublicEventRows } from './portal.repository.js';

type EventRow = Awaited<ReturnType<typeof findPublicEventRows>>[number];

/** The coarse status a citizen sees. */
export function portalStatusOf(state: CaseState): PortalStatus {
  switch (state) {
    case 'registered':
    case 'returned':
      return 'received';
    case 'dispatched':
    case 'accepted':
    case 'replied':
    case 'merged':
      return 'handling';
    case 'reviewed':
    case 'called_back':
      return 'replied';
    case 'closed':
    case 'resolved_on_call':
      return 'closed';
    case 'transferred_110':
      return 'transferred';
    case 'invalidated':
      return 'not_handled';
  }
}

/** States in which the answer has been approved and went out to the citizen. */
const ANSWERED: readonly CaseState[] = ['reviewed', 'called_back', 'closed', 'resolved_on_call'];

/**
 * The public timeline: registered, dispatched (to which unit), accepted, replied (when the reply was approved:
 * a reply sent back for rework never reached the citizen), closed, reopened, transferred to 110.
 */
export function publicTimeline(events: readonly EventRow[], orgNames: ReadonlyMap<number, string>) {
  const unit = (id: unknown) => (typeof id === 'number' ? (orgNames.get(id) ?? null) : null);
  const steps: { step: PortalStep; at: Date; unit: string | null }[] = [];
  let lastReplyOrg: number | null = null;
  for (const e of events) {
    const changes = (e.changes ?? {}) as Record<string, unknown>;
    switch (e.action) {
      case 'register':
        steps.push({ step: 'registered', at: e.at, unit: null });
        break;
      case 'dispatch':
        steps.push({ step: 'dispatched', at: e.at, unit: unit(changes.leadUnitId) });
        break;
      case 'accept':
        steps.push({ step: 'accepted', at: e.at, unit: unit(e.actorOrgId) });
        break;
      case 'reply':
        lastReplyOrg = e.actorOrgId;
        break;
      case 'review':
        steps.push({ step: 'replied', at: e.at, unit: unit(lastReplyOrg) });
        break;
      case 'close':
      case 'resolve_on_call':
        steps.push({ step: 'closed', at: e.at, unit: null });
        break;
      case 'reopen':
        steps.push({ step: 'reopened', at: e.at, unit: null });
        break;
      case 'transfer_to_110':
        steps.push({ step: 'transferred', at: e.at, unit: null });
        break;
    }
  }
  return steps.map((s) => ({ ...s, label: PORTAL_STEP_LABELS[s.step], at: s.at.toISOString() }));
}

/** The approved answer: the last reply's content once approved, or the answer given on the call. */
function answerOf(row: CaseRow, events: readonly EventRow[]): string | null {
  if (!ANSWERED.includes(row.state as CaseState)) return null;
  const action = row.state === 'resolved_on_call' ? 'resolve_on_call' : 'reply';
  const last = events.filter((e) => e.action === action).at(-1);
  return last?.note ?? null;
}

/** A case as the portal shows it to the citizen who proved it is theirs (number + phone). */
export function presentPortalCase(
  row: CaseRow,
  events: readonly EventRow[],
  names: { category: string | null; orgs: ReadonlyMap<number, string> },
  rating: { satisfaction: string; createdAt: Date } | undefined,
): PortalCaseView {
  const status = portalStatusOf(row.state as CaseState);
  return {
    number: row.number,
    type: row.type,
    typeLabel: CASE_TYPE_LABELS[row.type as CaseType] ?? row.type,
    category: names.category,
    title: maskPersonalDataInText(row.title),
    status,
    statusLabel: PORTAL_STATUS_LABELS[status],
    citizenName: maskPersonName(row.citizenName),
    phone: maskPhone(row.citizenPhone),
    address: maskAddress(row.address),
    submittedAt: row.createdAt.toISOString(),
    closedAt: row.closedAt ? row.closedAt.toISOString() : null,
    answer: maskPersonalDataInText(answerOf(row, events)),
    timeline: publicTimeline(events, names.orgs),
    canRate: status === 'closed' && !rating,
    rating: rating
      ? {
          satisfaction: rating.satisfaction,
          label: SATISFACTION_LABELS[rating.satisfaction as Satisfaction] ?? rating.satisfaction,
          at: rating.createdAt.toISOString(),
        }
      : null,
  };
}
