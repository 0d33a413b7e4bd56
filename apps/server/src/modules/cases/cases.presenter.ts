import { CaseAction, maskAddress, maskIdNumber, maskPersonName, maskPhone } from '@shanzhi/shared';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import type { CaseOrgs } from './case-scope.policy.js';
import type { CaseEventRow, CaseRow, OrgBrief } from './cases.repository.js';

const OrgRef = z.object({ id: z.number().int(), name: z.string(), kind: z.string() }).nullable();
type OrgRef = z.infer<typeof OrgRef>;
const iso = z.string().nullable();

/** A case in lists: what a queue shows, personal data masked for those without `personal_data.read`. */
export const CaseSummary = z.object({
  id: z.number().int(),
  number: z.string(),
  title: z.string(),
  state: z.string(),
  light: z.string(),
  source: z.string(),
  channel: z.string().nullable(),
  type: z.string(),
  priority: z.string(),
  category: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  district: OrgRef,
  town: OrgRef,
  leadUnit: OrgRef,
  currentOrg: OrgRef,
  citizenName: z.string().nullable(),
  citizenPhone: z.string().nullable(),
  address: z.string().nullable(),
  acceptDeadline: iso,
  resolveDeadline: iso,
  supervisionLevel: z.string().nullable(),
  masterCaseId: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** the actions this caller may take on the case now */
  actions: z.array(CaseAction),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

/** One timeline event. */
export const CaseEventView = z.object({
  seq: z.number().int(),
  action: z.string(),
  event: z.string(),
  actor: z.object({
    userId: z.number().int().nullable(),
    name: z.string(),
    orgId: z.number().int().nullable(),
  }),
  at: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  note: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
  attachments: z.array(z.unknown()),
  hash: z.string(),
});

/** A case in full, with its timeline and the caller's actions. */
export const CaseDetail = CaseSummary.extend({
  description: z.string(),
  citizenIdNumber: z.string().nullable(),
  anonymous: z.boolean(),
  keepPrivate: z.boolean(),
  location: z.object({ lng: z.number(), lat: z.number() }).nullable(),
  community: OrgRef,
  grid: OrgRef,
  coHandlers: z.array(OrgRef.unwrap()),
  firstReceiver: OrgRef,
  policeMatter: z.boolean(),
  acceptLimit: z.object({ value: z.number(), unit: z.string() }),
  resolveLimit: z.object({ value: z.number(), unit: z.string() }),
  dispatchedAt: iso,
  acceptedAt: iso,
  repliedAt: iso,
  calledBackAt: iso,
  closedAt: iso,
  returns: z.number().int(),
  reworks: z.number().int(),
  reopens: z.number().int(),
  supervisions: z.number().int(),
  extension: z.object({
    requests: z.number().int(),
    status: z.string().nullable(),
    requestedDeadline: iso,
    reason: z.string().nullable(),
  }),
  callback: z.object({
    reached: z.boolean().nullable(),
    contacted: z.boolean().nullable(),
    solved: z.boolean().nullable(),
    satisfaction: z.string().nullable(),
  }),
  externalRef: z.string().nullable(),
  threeWayCall: z.boolean().nullable(),
  knowledgeEntryId: z.number().int().nullable(),
  timeline: z.array(CaseEventView),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** Names the presenter needs: orgs and categories by id. */
export interface CaseNames {
  orgs: Map<number, OrgBrief>;
  categories: Map<number, string>;
}

const isoOf = (d: Date | null) => (d ? d.toISOString() : null);

function refOf(names: CaseNames, id: number | null): OrgRef {
  const org = id === null ? undefined : names.orgs.get(id);
  return org ? { id: org.id, name: org.name, kind: org.kind } : null;
}

/**
 * The citizen's personal data as this actor may see it: masked without `personal_data.read`; name and
 * phone of an anonymous citizen hidden from everyone outside the centres (the handling units).
 */
function citizenOf(actor: Actor, row: CaseRow) {
  const sees = actor.permissions.has('personal_data.read');
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
  actions: CaseAction[],
): CaseSummary {
  const { citizenName, citizenPhone, address } = citizenOf(actor, row);
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    state: row.state,
    light: row.light,
    source: row.source,
    channel: row.channel,
    type: row.type,
    priority: row.priority,
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
    supervisionLevel: row.supervisionLevel,
    masterCaseId: row.masterCaseId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    actions,
  };
}

/** A timeline event as the API shows it. */
export function presentEvent(e: CaseEventRow): z.infer<typeof CaseEventView> {
  return {
    seq: e.seq,
    action: e.action,
    event: e.event,
    actor: { userId: e.actorUserId, name: e.actorName, orgId: e.actorOrgId },
    at: e.at.toISOString(),
    fromState: e.fromState,
    toState: e.toState,
    note: e.note,
    changes: e.changes as Record<string, unknown>,
    attachments: e.attachments as unknown[],
    hash: e.hash,
  };
}

/** A case in full. */
export function presentCaseDetail(
  row: CaseRow,
  actor: Actor,
  names: CaseNames,
  orgs: CaseOrgs,
  timeline: CaseEventRow[],
  actions: CaseAction[],
): CaseDetail {
  return {
    ...presentCaseSummary(row, actor, names, actions),
    description: row.description,
    citizenIdNumber: citizenOf(actor, row).citizenIdNumber,
    anonymous: row.anonymous,
    keepPrivate: row.keepPrivate,
    location: row.lng === null || row.lat === null ? null : { lng: row.lng, lat: row.lat },
    community: refOf(names, row.communityId),
    grid: refOf(names, row.gridId),
    coHandlers: orgs.coHandlers.map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
    firstReceiver: refOf(names, row.firstReceiverOrgId),
    policeMatter: row.policeMatter,
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
      reason: row.extensionReason,
    },
    callback: {
      reached: row.callbackReached,
      contacted: row.callbackContacted,
      solved: row.callbackSolved,
      satisfaction: row.satisfaction,
    },
    externalRef: row.externalRef,
    threeWayCall: row.threeWayCall,
    knowledgeEntryId: row.knowledgeEntryId,
    timeline: timeline.map(presentEvent),
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
