import {
  computeLight,
  HAZARD_RUNNING_STATES,
  type HazardAction,
  type HazardDetail,
  type HazardLevel,
  type HazardSource,
  type HazardState,
  type HazardView,
  type Industry,
  type RectificationPlan,
  type SlaClock,
  type SlaLight,
  type WorkingCalendar,
} from '@shanzhi/shared';
import type { FreeTextMasking } from '../../platform/auth/free-text-masking.js';
import type { HazardEventRow, HazardListRow, HazardPhotoRow } from './hazards.repository.js';

/** The URL a hazard photo is fetched from. */
export function hazardPhotoUrl(id: number): string {
  return `/api/v1/safety/photos/${id}`;
}

/** A hazard's running clock: from its assignment to its rectification deadline, in working days; none otherwise. */
export function hazardClockOf(
  row: Pick<HazardListRow, 'assignedAt' | 'deadline' | 'state'>,
): SlaClock | null {
  if (!row.assignedAt || !row.deadline || !HAZARD_RUNNING_STATES.includes(row.state as HazardState))
    return null;
  return { start: row.assignedAt, deadline: row.deadline, unit: 'working_days' };
}

/** The light of a hazard's deadline at `now` while it runs (red: overdue); null otherwise. */
export function hazardLight(calendar: WorkingCalendar, row: HazardListRow, now: Date): SlaLight | null {
  const clock = hazardClockOf(row);
  return clock && computeLight(calendar, { ...clock, now });
}

/** What a hazard's view is made from besides its row. */
export interface HazardExtras {
  actions: HazardAction[];
  light: SlaLight | null;
  masking: FreeTextMasking;
}

/** A hazard as the API shows it: free text masked for callers without `personal_data.read`. */
export function presentHazard(row: HazardListRow, { actions, light, masking }: HazardExtras): HazardView {
  return {
    id: row.id,
    version: row.version,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    industry: row.industry as Industry,
    level: row.level as HazardLevel,
    source: row.source as HazardSource,
    description: masking.text(row.description),
    place: row.place && masking.text(row.place),
    state: row.state as HazardState,
    inspectionId: row.inspectionId,
    caseId: row.caseId,
    gridFindingId: row.gridFindingId,
    orgName: row.orgName,
    supervisingOrgId: row.supervisingOrgId,
    supervisingOrgName: row.supervisingOrgName,
    reporterName: row.reporterName,
    responsibleParty: row.responsibleParty && masking.text(row.responsibleParty),
    deadline: row.deadline?.toISOString() ?? null,
    light,
    listedForSupervision: row.listedForSupervision,
    plan: masking.values(row.plan as RectificationPlan | null),
    extensionDays: row.extensionDays,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    actions,
  };
}

/** A hazard with its timeline and photos. */
export function presentHazardDetail(
  row: HazardListRow,
  extras: HazardExtras,
  events: readonly HazardEventRow[],
  photos: readonly HazardPhotoRow[],
): HazardDetail {
  const { masking } = extras;
  return {
    ...presentHazard(row, extras),
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
    photos: photos.map((p) => ({ id: p.id, role: p.role as 'report' | 'after', url: hazardPhotoUrl(p.id) })),
  };
}
