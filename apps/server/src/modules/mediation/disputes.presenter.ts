import type {
  AgreementForm,
  ConfirmationStage,
  ConfirmationWindowView,
  Difficulty,
  DisputeAction,
  DisputeDetail,
  DisputeField,
  DisputeListItem,
  DisputeOutcome,
  DisputeSource,
  DisputeState,
  PartyView,
  ReferralTarget,
  SessionMode,
  SlaLight,
} from '@shanzhi/shared';
import type { FreeTextMasking } from '../../platform/auth/free-text-masking.js';
import { confirmationWindow } from './dispute-clock.js';
import { presentEvidence } from './dispute-evidence.js';
import type { EvidenceRow } from './dispute-evidence.repository.js';
import type { DisputeEventRow, DisputeListRow, SessionRow } from './disputes.repository.js';

/** What a dispute's view is made from besides its row. */
export interface DisputeExtras {
  parties: readonly PartyView[];
  actions: DisputeAction[];
  light: SlaLight | null;
  masking: FreeTextMasking;
}

const iso = (at: Date | null) => at?.toISOString() ?? null;
/** Where a dispute's 调解协议书 is downloaded, without its extension (`.docx`, `.pdf`). */
const agreementPath = (id: number) => `/api/v1/mediation/disputes/${id}/agreement`;

/** A dispute in lists: names of the parties as the caller may read them, free text masked. */
export function presentDispute(row: DisputeListRow, extras: DisputeExtras): DisputeListItem {
  const namesOf = (role: string) => extras.parties.filter((p) => p.role === role).map((p) => p.name);
  return {
    id: row.id,
    number: row.number,
    version: row.version,
    title: extras.masking.text(row.title),
    source: row.source as DisputeSource,
    field: row.field as DisputeField,
    state: row.state as DisputeState,
    difficulty: row.difficulty as Difficulty,
    outcome: row.outcome as DisputeOutcome | null,
    org: { id: row.orgId, name: row.orgName },
    committee: row.committeeId === null ? null : { id: row.committeeId, name: row.committeeName! },
    mediator: row.mediatorId === null ? null : { id: row.mediatorId, name: row.mediatorName! },
    applicantNames: namesOf('applicant'),
    respondentNames: namesOf('respondent'),
    deadline: iso(row.deadline),
    light: extras.light,
    createdAt: row.createdAt.toISOString(),
    acceptedAt: iso(row.acceptedAt),
    endedAt: iso(row.endedAt),
    actions: extras.actions,
  };
}

/** The confirmation window of an agreed dispute, and where its application stands. */
function presentConfirmation(row: DisputeListRow, now: Date): ConfirmationWindowView | null {
  if (!row.agreedAt) return null;
  const window = confirmationWindow(row.agreedAt, row.field as DisputeField, now);
  return {
    opensAt: window.opensAt.toISOString(),
    closesAt: window.closesAt.toISOString(),
    open: window.open && row.confirmationStage === null,
    daysLeft: window.daysLeft,
    available: window.available,
    stage: row.confirmationStage as ConfirmationStage | null,
    court: row.confirmationCourt,
    appliedAt: iso(row.confirmationAppliedAt),
    acceptedAt: iso(row.confirmationAcceptedAt),
    ruledAt: iso(row.confirmationRuledAt),
  };
}

/** A dispute in full: parties, sessions with their minutes, the agreement, the window, the timeline, the evidence. */
export function presentDisputeDetail(
  row: DisputeListRow,
  extras: DisputeExtras,
  more: {
    sessions: readonly SessionRow[];
    events: readonly DisputeEventRow[];
    evidence: readonly EvidenceRow[];
    now: Date;
  },
): DisputeDetail {
  const { masking } = extras;
  return {
    ...presentDispute(row, extras),
    facts: masking.text(row.facts),
    claims: masking.text(row.claims),
    occurredAt: iso(row.occurredAt),
    courtReference: row.courtReference,
    caseId: row.caseId,
    hotlineCaseId: row.hotlineCaseId,
    transferCaseId: row.transferCaseId,
    referralTarget: row.referralTarget as ReferralTarget | null,
    extendedDays: row.extendedDays,
    parties: [...extras.parties],
    sessions: more.sessions.map((s) => ({
      id: s.id,
      mode: s.mode as SessionMode,
      heldAt: s.heldAt.toISOString(),
      place: s.place,
      videoLink: s.videoLink,
      attendees: s.attendees && masking.text(s.attendees),
      minutes: masking.text(s.minutes),
      mediatorName: s.mediatorName,
      recordedAt: s.recordedAt.toISOString(),
    })),
    agreement:
      row.agreedAt && row.agreementForm
        ? {
            form: row.agreementForm as AgreementForm,
            facts: masking.text(row.agreementFacts ?? row.facts),
            issues: row.agreementIssues && masking.text(row.agreementIssues),
            terms: (row.agreementTerms ?? []).map((t, i) => ({ seq: i + 1, ...masking.values(t) })),
            effectiveAt: row.agreedAt.toISOString(),
            docxUrl: row.agreementForm === 'written' ? `${agreementPath(row.id)}.docx` : null,
            pdfUrl: row.agreementForm === 'written' ? `${agreementPath(row.id)}.pdf` : null,
          }
        : null,
    confirmation: presentConfirmation(row, more.now),
    timeline: more.events.map((e) => ({
      seq: e.seq,
      action: e.action,
      event: e.event,
      actorName: e.actorName,
      at: e.at.toISOString(),
      fromState: e.fromState,
      toState: e.toState,
      note: e.note && masking.text(e.note),
      changes: masking.values(e.changes) as Record<string, unknown>,
      attachments: e.attachments as number[],
    })),
    evidence: more.evidence.map((row) => presentEvidence(row, masking)),
  };
}
