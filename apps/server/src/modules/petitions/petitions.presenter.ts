import {
  computeLight,
  type PetitionAction,
  type PetitionDetail,
  type PetitionEntrustmentView,
  type PetitionMode,
  type PetitionRiskKind,
  type PetitionSource,
  type PetitionState,
  type PetitionView,
  petitionSlaClock,
  runningPetitionClock,
  type Satisfaction,
  type WorkingCalendar,
} from '@shanzhi/shared';
import type { FreeTextMasking } from '../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../platform/context.js';
import { presentPetitioner } from './petitioners.js';
import type {
  EntrustmentRow,
  PetitionEventRow,
  PetitionerRow,
  PetitionListRow,
} from './petitions.repository.js';

/** What a petition's view is made from besides its row. */
export interface PetitionExtras {
  petitioners: readonly PetitionerRow[];
  actions: PetitionAction[];
  /** with `personal_data.read`: names and addresses in full, free text unmasked */
  inFull: boolean;
  masking: FreeTextMasking;
  calendar: WorkingCalendar;
  now: Date;
}

const iso = (at: Date | null) => at?.toISOString() ?? null;

/** The running legal limit of a petition and its light at `now` (calendar days), as for cases. */
function clockOf(row: PetitionListRow, calendar: WorkingCalendar, now: Date) {
  const clock = runningPetitionClock(row);
  const sla = petitionSlaClock(row);
  if (!clock || !sla) return { runningLimit: null, light: null };
  return { runningLimit: clock.limit, light: computeLight(calendar, { ...sla, now }) };
}

/** A petition as the API shows it: petitioners masked as their caller may see them, deadlines and light. */
export function presentPetition(
  ctx: Pick<AppContext, 'dataKey'>,
  row: PetitionListRow,
  extras: PetitionExtras,
): PetitionView {
  return {
    id: row.id,
    version: row.version,
    state: row.state as PetitionState,
    mode: row.mode as PetitionMode,
    source: row.source as PetitionSource,
    matter: extras.masking.text(row.matter),
    responsibleBody: row.responsibleBody,
    orgId: row.orgId,
    orgName: row.orgName,
    agentName: row.agentName,
    caseId: row.caseId,
    petitioners: extras.petitioners.map((p) => presentPetitioner(ctx, p, extras.inFull)),
    acceptDeadline: row.acceptDeadline.toISOString(),
    answerDeadline: iso(row.answerDeadline),
    extensionDays: row.extensionDays,
    reviewRequestDeadline: iso(row.reviewRequestDeadline),
    reviewDeadline: iso(row.reviewDeadline),
    reReviewRequestDeadline: iso(row.reReviewRequestDeadline),
    reReviewDeadline: iso(row.reReviewDeadline),
    hearingDays: row.hearingDays,
    ...clockOf(row, extras.calendar, extras.now),
    repeatOfId: row.repeatOfId,
    repeatCount: row.repeatCount,
    resolved: row.resolved,
    satisfaction: row.satisfaction as Satisfaction | null,
    riskFlaggedAt: iso(row.riskFlaggedAt),
    riskKind: row.riskKind as PetitionRiskKind | null,
    riskReason: row.riskReason && extras.masking.text(row.riskReason),
    createdAt: row.createdAt.toISOString(),
    answeredAt: iso(row.answeredAt),
    closedAt: iso(row.closedAt),
    actions: extras.actions,
  };
}

/** The address of a petition's 委托代办书 (.docx). */
export function entrustmentDocumentUrl(petitionId: number): string {
  return `/api/v1/petitions/${petitionId}/entrustment.docx`;
}

/** The address of the scan of a petition's signed 委托代办书. */
export function signedEntrustmentUrl(petitionId: number): string {
  return `/api/v1/petitions/${petitionId}/entrustment/signed`;
}

/** A petition with its timeline and its 委托代办书. */
export function presentPetitionDetail(
  view: PetitionView,
  events: readonly PetitionEventRow[],
  entrustment: EntrustmentRow | undefined,
  masking: FreeTextMasking,
): PetitionDetail {
  const entrusted: PetitionEntrustmentView | null = entrustment
    ? {
        scope: masking.text(entrustment.scope),
        agentName: entrustment.agentName,
        createdAt: entrustment.createdAt.toISOString(),
        documentUrl: entrustmentDocumentUrl(view.id),
        signedAt: iso(entrustment.signedAt),
        signedScanUrl: entrustment.signedSha256 ? signedEntrustmentUrl(view.id) : null,
      }
    : null;
  return {
    ...view,
    entrustment: entrusted,
    timeline: events.map((e) => ({
      seq: e.seq,
      action: e.action,
      event: e.event,
      actorName: e.actorName,
      at: e.at.toISOString(),
      fromState: e.fromState,
      toState: e.toState,
      note: e.note && masking.text(e.note),
      changes: masking.values(e.changes) as Record<string, unknown>,
    })),
  };
}
