import {
  type CaseDetail,
  type CaseEventView,
  type CaseOrgRef,
  type CaseSource,
  type CaseState,
  type CaseSummary,
  type CaseType,
  maskAddress,
  maskIdNumber,
  maskPersonName,
  maskPhone,
  type Priority,
  type SlaLight,
  type SupervisionLevel,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import {
  type FreeTextMasking,
  freeTextMaskingFor,
  readsPersonalData,
} from '../../platform/auth/free-text-masking.js';
import type { OrgBrief } from '../orgs/org-briefs.repository.js';
import { type CaseActionsView, NO_CASE_ACTIONS } from './case-actions.policy.js';
import type { CaseDetailView } from './case-facets.js';
import type { CaseOrgs } from './case-scope.policy.js';
import type { CaseEventRow, CaseRow } from './cases.repository.js';

/** Names the presenter needs: orgs and categories by id. */
export interface CaseNames {
  orgs: Map<number, OrgBrief>;
  categories: Map<number, string>;
}

const isoOf = (d: Date | null) => (d ? d.toISOString() : null);

function refOf(names: CaseNames, id: number | null): CaseOrgRef | null {
  const org = id === null ? undefined : names.orgs.get(id);
  return org ? { id: org.id, name: org.name, kind: org.kind } : null;
}

/**
 * The citizen's personal data as this actor may see it: masked without `personal_data.read`; name and
 * phone of an anonymous citizen hidden from everyone outside the centres (the handling units).
 */
function citizenOf(actor: Actor, row: CaseRow) {
  const sees = readsPersonalData(actor);
  const hidden = row.anonymous && actor.orgKind !== 'center';
  return {
    citizenName: hidden ? null : sees ? row.citizenName : maskPersonName(row.citizenName),
    citizenPhone: hidden ? null : sees ? row.citizenPhone : maskPhone(row.citizenPhone),
    citizenIdNumber: sees && !hidden ? row.citizenIdNumber : maskIdNumber(row.citizenIdNumber),
    address: sees ? row.address : maskAddress(row.address),
  };
}

/** A case row as lists show it. */
export function presentCaseSummary(
  row: CaseRow,
  actor: Actor,
  names: CaseNames,
  { actions, idleReason }: CaseActionsView,
): CaseSummary {
  const { citizenName, citizenPhone, address } = citizenOf(actor, row);
  return {
    id: row.id,
    number: row.number,
    title: freeTextMaskingFor(actor).text(row.title),
    // the columns hold what the validated inputs and the lifecycle wrote
    state: row.state as CaseState,
    light: row.light as SlaLight,
    source: row.source as CaseSource,
    channel: row.channel,
    type: row.type as CaseType,
    priority: row.priority as Priority,
    category:
      row.categoryId === null
        ? null
        : { id: row.categoryId, name: names.categories.get(row.categoryId) ?? String(row.categoryId) },
    district: refOf(names, row.districtId),
    town: refOf(names, row.townId),
    leadUnit: refOf(names, row.leadUnitId),
    currentOrg: refOf(names, row.currentOrgId),
    citizenName,
    citizenPhone,
    address,
    acceptDeadline: isoOf(row.acceptDeadline),
    resolveDeadline: isoOf(row.resolveDeadline),
    supervisionLevel: row.supervisionLevel as SupervisionLevel | null,
    masterCaseId: row.masterCaseId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    actions,
    idleReason,
  };
}

/** A case as a row of the .xlsx export shows it: its list view and its content, as the caller may read them. */
export type CaseExportView = CaseSummary & { description: string };

/** A case row as the export writes it: personal data masked exactly as the list and the detail mask it. */
export function presentCaseForExport(row: CaseRow, actor: Actor, names: CaseNames): CaseExportView {
  return {
    ...presentCaseSummary(row, actor, names, NO_CASE_ACTIONS),
    description: freeTextMaskingFor(actor).text(row.description),
  };
}

/**
 * A timeline event as the API shows it to a caller: its note and the texts among its `changes` through the
 * caller's masking. The hash of a `legacy` event (plain SHA-256, from before the chain was keyed) is
 * withheld from a masked caller, who could otherwise try every value of the masked digits against it.
 */
export function presentEvent(e: CaseEventRow, masking: FreeTextMasking, legacy = false): CaseEventView {
  return {
    seq: e.seq,
    action: e.action,
    event: e.event,
    actor: { userId: e.actorUserId, name: e.actorName, orgId: e.actorOrgId },
    at: e.at.toISOString(),
    fromState: e.fromState as CaseState | null,
    toState: e.toState as CaseState,
    note: masking.text(e.note),
    changes: masking.values(e.changes as Record<string, unknown>),
    attachments: e.attachments as number[],
    hash: legacy && !masking.inFull ? null : e.hash,
  };
}

/** A case in full, with the actions and the facets' fields the caller gets on it. */
export function presentCaseDetail(
  row: CaseRow,
  actor: Actor,
  names: CaseNames,
  orgs: CaseOrgs,
  timeline: CaseEventRow[],
  { actions, idleReason, fields }: CaseDetailView,
): CaseDetail {
  const masking = freeTextMaskingFor(actor);
  return {
    ...presentCaseSummary(row, actor, names, NO_CASE_ACTIONS),
    actions,
    idleReason,
    ...fields,
    description: masking.text(row.description),
    citizenIdNumber: citizenOf(actor, row).citizenIdNumber,
    anonymous: row.anonymous,
    keepPrivate: row.keepPrivate,
    location: row.lng === null || row.lat === null ? null : { lng: row.lng, lat: row.lat },
    community: refOf(names, row.communityId),
    grid: refOf(names, row.gridId),
    coHandlers: orgs.coHandlers.map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
    firstReceiver: refOf(names, row.firstReceiverOrgId),
    policeMatter: row.policeMatter,
    fireLinkage: row.fireLinkage,
    acceptLimit: { value: row.acceptLimitValue, unit: row.acceptLimitUnit },
    resolveLimit: { value: row.resolveLimitValue, unit: row.resolveLimitUnit },
    dispatchedAt: isoOf(row.dispatchedAt),
    acceptedAt: isoOf(row.acceptedAt),
    repliedAt: isoOf(row.repliedAt),
    calledBackAt: isoOf(row.calledBackAt),
    closedAt: isoOf(row.closedAt),
    returns: row.returns,
    reworks: row.reworks,
    reopens: row.reopens,
    supervisions: row.supervisions,
    extension: {
      requests: row.extensionRequests,
      status: row.extensionStatus,
      requestedDeadline: isoOf(row.extensionRequestedDeadline),
      reason: masking.text(row.extensionReason),
    },
    callback: {
      reached: row.callbackReached,
      contacted: row.callbackContacted,
      solved: row.callbackSolved,
      satisfaction: row.satisfaction,
    },
    externalRef: masking.text(row.externalRef),
    threeWayCall: row.threeWayCall,
    knowledgeEntryId: row.knowledgeEntryId,
    timeline: timeline.map((e) => presentEvent(e, masking, e.seq <= row.chainLegacyEvents)),
  };
}

/** The org ids a presenter needs names of, for a set of rows. */
export function orgIdsOf(rows: readonly CaseRow[]): number[] {
  return rows.flatMap((r) =>
    [
      r.districtId,
      r.townId,
      r.communityId,
      r.gridId,
      r.leadUnitId,
      r.currentOrgId,
      r.firstReceiverOrgId,
    ].filter((id): id is number => id !== null),
  );
}
