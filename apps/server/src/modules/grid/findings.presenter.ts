import type {
  CaseState,
  GridFindingAction,
  GridFindingDetail,
  GridFindingState,
  GridFindingView,
  GridPhotoRole,
  HazardState,
} from '@shanzhi/shared';
import type { FreeTextMasking } from '../../platform/auth/free-text-masking.js';
import type { FindingEventRow, FindingListRow, PhotoRow } from './findings.repository.js';
import { gridPhotoUrl } from './grid-photos.js';

/** What a finding's view is made from besides its row. */
export interface FindingExtras {
  photos: readonly PhotoRow[];
  admissionItemName: string | null;
  actions: GridFindingAction[];
  masking: FreeTextMasking;
}

/** A finding as the API shows it: free text masked for callers without `personal_data.read`. */
export function presentFinding(row: FindingListRow, extras: FindingExtras): GridFindingView {
  const { masking } = extras;
  return {
    id: row.id,
    version: row.version,
    gridId: row.gridId,
    gridName: row.gridName,
    reporterUserId: row.reporterUserId,
    reporterName: row.reporterName,
    description: masking.text(row.description),
    location: { longitude: row.lng, latitude: row.lat },
    address: row.address && masking.text(row.address),
    occurredAt: row.occurredAt.toISOString(),
    categoryId: row.categoryId,
    categoryName: row.categoryName,
    admissionItemCode: row.admissionItemCode,
    admissionItemName: extras.admissionItemName,
    patrolId: row.patrolId,
    taskId: row.taskId,
    state: row.state as GridFindingState,
    resolutionNote: row.resolutionNote && masking.text(row.resolutionNote),
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    caseState: row.caseState as CaseState | null,
    hazardId: row.hazardId,
    hazardState: row.hazardState as HazardState | null,
    photos: extras.photos.map((p) => ({ id: p.id, role: p.role as GridPhotoRole, url: gridPhotoUrl(p.id) })),
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    actions: extras.actions,
  };
}

/** A finding with its timeline. */
export function presentFindingDetail(
  row: FindingListRow,
  extras: FindingExtras,
  events: readonly FindingEventRow[],
): GridFindingDetail {
  const { masking } = extras;
  return {
    ...presentFinding(row, extras),
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
