import type { outbox } from '../../platform/lifecycle/outbox.tables.js';
import type { CaseEventRow, CaseRow } from './cases.repository.js';

/**
 * The payload of a case event in the outbox: enough for a consumer to decide whom to tell and to link to
 * the case, without reading it back (it may read it back for more).
 */
export interface OutboxCasePayload {
  caseId: number;
  caseNumber: string;
  eventId: number;
  seq: number;
  /** `case.dispatched` … (also the row's topic) */
  event: string;
  /** the user who acted; null for the system (the SLA scan) */
  actorUserId: number | null;
  /** the state after the event */
  state: string;
  /** the running light after the event */
  light: string;
  /** orgs concerned: the owner (current centre), the lead unit, co-handlers, the first receiver */
  currentOrgId: number;
  leadUnitId: number | null;
  coHandlerIds: number[];
  firstReceiverOrgId: number | null;
  /** the master case a merged duplicate follows (its citizen is told of the master's progress) */
  masterCaseId: number | null;
  at: string;
}

/** What the outbox payload reads of a case: its state after the event. */
export type OutboxCaseFacts = Pick<
  CaseRow,
  'id' | 'number' | 'state' | 'light' | 'currentOrgId' | 'leadUnitId' | 'firstReceiverOrgId' | 'masterCaseId'
>;

/** The outbox row of a case event, written in the event's own statement. */
export function caseOutboxRow(
  row: OutboxCaseFacts,
  event: Pick<CaseEventRow, 'id' | 'seq' | 'event' | 'actorUserId' | 'at'>,
  coHandlerIds: readonly number[],
): typeof outbox.$inferInsert {
  const payload: OutboxCasePayload = {
    caseId: row.id,
    caseNumber: row.number,
    eventId: event.id,
    seq: event.seq,
    event: event.event,
    actorUserId: event.actorUserId,
    state: row.state,
    light: row.light,
    currentOrgId: row.currentOrgId,
    leadUnitId: row.leadUnitId,
    coHandlerIds: [...coHandlerIds],
    firstReceiverOrgId: row.firstReceiverOrgId,
    masterCaseId: row.masterCaseId,
    at: event.at.toISOString(),
  };
  return { topic: event.event, payload, createdAt: event.at };
}
