import {
  addWorkingTime,
  CASE_ACTION_EVENTS,
  type RegisterInput,
  type WorkingCalendar,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { type CategoryRow, findCategory } from '../catalog/catalog.repository.js';
import { caseFingerprintInsert } from '../intelligence/duplicates/case-fingerprints.repository.js';
import {
  dispatchOnSuggestion,
  type IntakeSuggestion,
  suggestForIntake,
  suggestionChanges,
  suggestionInsert,
} from '../intelligence/smart-dispatch.js';
import { type LocatedChain, locateChainAt } from '../orgs/grid-index.js';
import { chainOfPath } from '../orgs/orgs.service.js';
import type { StoredFile } from './attachments/attachment-store.js';
import { caseAttachments } from './attachments/case-attachments.tables.js';
import { limitsForIntake } from './case-clock.js';
import { readCaseSettings } from './case-settings.js';
import { type NewEvent, recordEvent } from './case-timeline.js';
import {
  allocateCaseIds,
  type CaseEventRow,
  type CaseRow,
  findCentreUnder,
  insertCaseWith,
  type NewCaseIds,
  type NewCaseRow,
  type OrgBrief,
} from './cases.repository.js';

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** `WH` + Beijing date + the day's 6-digit sequence: `WH20261123000123`. */
export function formatCaseNumber(day: string, sequence: number): string {
  return `WH${day}${String(sequence).padStart(6, '0')}`;
}

/** The Beijing day of an instant as `YYYYMMDD`. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

async function loadIntakeCategory(db: DbOrTx, id: number | undefined) {
  if (id === undefined) return undefined;
  const category = await findCategory(db, id);
  if (!category?.active) throw fieldError('categoryId', 'not_found', `事项 ${id} 不存在或已停用`);
  if (category.resolveLimitValue === null) {
    throw fieldError('categoryId', 'not_leaf', `「${category.name}」不是末级事项，请选择具体事项`);
  }
  return category;
}

/**
 * Where the case happened: the grid holding the reported point; without a point, the reporter's own grid,
 * community or town (a grid worker's patrol report). Null when neither tells.
 */
async function locateIntake(
  ctx: AppContext,
  actor: Actor,
  input: RegisterInput,
): Promise<LocatedChain | null> {
  if (input.location) {
    const point = { lng: input.location.longitude, lat: input.location.latitude };
    const chain = await locateChainAt(ctx, point);
    if (!chain) throw fieldError('location', 'outside_city', '事发位置不在本市任何网格内');
    return chain;
  }
  if (['grid', 'community', 'town'].includes(actor.orgKind)) return chainOfPath(ctx.db, actor.scopePath);
  return null;
}

/** The actor's own org in brief (its parent read off its materialised path). */
function actorOrg(actor: Actor): OrgBrief {
  const ids = actor.orgPath.split('/').filter(Boolean).map(Number);
  return {
    id: actor.orgId,
    code: actor.orgCode,
    kind: actor.orgKind,
    name: actor.orgName,
    path: actor.orgPath,
    active: true,
    parentId: ids.at(-2) ?? null,
  };
}

/**
 * Who owns a new case (dispatches it, may escalate it): the registering centre or territorial level itself;
 * a grid's community (小事不出村); for anyone else, the centre of the district where it happened, or the
 * city's centre.
 */
async function intakeOwner(db: DbOrTx, actor: Actor, chain: LocatedChain | null): Promise<OrgBrief> {
  if (['center', 'community', 'town', 'district'].includes(actor.orgKind)) return actorOrg(actor);
  if (actor.orgKind === 'grid') {
    const own = chain?.grid?.id === actor.orgId ? chain : await chainOfPath(db, actor.scopePath);
    if (own.community) return own.community;
  }
  const rootId = Number(actor.scopePath.split('/').filter(Boolean)[0]);
  const centre =
    (chain?.district && (await findCentreUnder(db, chain.district.id))) ||
    (await findCentreUnder(db, rootId));
  if (!centre) throw new AppError('NOT_READY', '尚未设置社会治理中心，无法登记工单');
  return centre;
}

function titleOf(input: RegisterInput): string {
  if (input.title) return input.title;
  const flat = input.content.replace(/\s+/g, ' ').trim();
  return flat.length > 30 ? `${flat.slice(0, 30)}…` : flat;
}

/** A case just registered: its row and first event, and what it was registered with (for its answer). */
export interface RegisteredCase {
  row: CaseRow;
  /** the register event; null when 智能派单 dispatched the case in the same transaction (re-read it) */
  firstEvent: CaseEventRow | null;
  owner: OrgBrief;
  chain: LocatedChain | null;
  category: { id: number; name: string } | undefined;
}

/** What registration found out before it writes. */
interface IntakeFacts {
  actor: Actor;
  now: Date;
  ids: NewCaseIds;
  calendar: WorkingCalendar;
  owner: OrgBrief;
  chain: LocatedChain | null;
  category: CategoryRow | undefined;
  suggestion: IntakeSuggestion | null;
  /** files the case comes in with, already in the attachment store (a citizen's photos) */
  files: readonly IntakeFile[];
}

/** A file a case is registered with: stored already (content hash, proven type, size), under its name. */
export type IntakeFile = StoredFile & { name: string };

/** The deepest known org where the case happened. */
function areaOf(chain: LocatedChain | null) {
  return chain?.grid ?? chain?.community ?? chain?.town ?? chain?.district ?? null;
}

/** The new case's row, every column the outbox payload and the answer read spelled out. */
function newCaseRow(input: RegisterInput, f: IntakeFacts) {
  const limits = limitsForIntake(f.category, input.priority, input.type);
  return {
    id: f.ids.caseId,
    number: formatCaseNumber(beijingDay(f.now), f.ids.sequence),
    source: input.source,
    channel: input.channelCode ?? null,
    type: input.type,
    categoryId: f.category?.id ?? null,
    priority: input.priority,
    policeMatter: (f.category?.police ?? false) || (f.suggestion?.classification.police.flagged ?? false),
    title: titleOf(input),
    description: input.content,
    citizenName: input.citizenName ?? null,
    citizenPhone: input.citizenPhone ?? null,
    citizenIdNumber: input.citizenIdNumber?.toUpperCase() ?? null,
    anonymous: input.anonymous,
    keepPrivate: input.keepPrivate,
    address: input.address ?? null,
    lng: input.location?.longitude ?? null,
    lat: input.location?.latitude ?? null,
    gridId: f.chain?.grid?.id ?? null,
    communityId: f.chain?.community?.id ?? null,
    townId: f.chain?.town?.id ?? null,
    districtId: f.chain?.district?.id ?? null,
    areaPath: areaOf(f.chain)?.path ?? null,
    state: 'registered',
    light: 'green',
    leadUnitId: null,
    firstReceiverOrgId: null,
    masterCaseId: null,
    currentOrgId: f.owner.id,
    registeredByOrgId: f.actor.orgId,
    acceptLimitValue: limits.acceptLimit.value,
    acceptLimitUnit: limits.acceptLimit.unit,
    resolveLimitValue: limits.resolveLimit.value,
    resolveLimitUnit: limits.resolveLimit.unit,
    resolveDeadline: addWorkingTime(f.calendar, f.now, limits.resolveLimit),
    externalRef: input.externalRef ?? null,
    createdAt: f.now,
    updatedAt: f.now,
  } satisfies NewCaseRow;
}

/** The register event: what the case came in with, and what the classifier suggested. */
function registerEvent(values: ReturnType<typeof newCaseRow>, f: IntakeFacts): NewEvent {
  return {
    action: 'register',
    event: CASE_ACTION_EVENTS.register,
    actorUserId: f.actor.userId,
    actorName: f.actor.displayName,
    actorOrgId: f.actor.orgId,
    at: f.now,
    fromState: null,
    toState: 'registered',
    note: null,
    changes: {
      source: values.source,
      type: values.type,
      categoryId: values.categoryId,
      priority: values.priority,
      areaOrgId: areaOf(f.chain)?.id ?? null,
      currentOrgId: f.owner.id,
      ...(f.suggestion ? { suggestion: suggestionChanges(f.suggestion) } : {}),
    },
    attachments: f.ids.attachmentIds,
  };
}

/**
 * The attachment rows of the files a case comes in with, under the ids allocated for them. A citizen on the
 * portal (an actor without a user) is named, not tied to a user or an org.
 */
function intakeFilesInsert(db: DbOrTx, f: IntakeFacts) {
  const staff = f.actor.userId > 0;
  return db.insert(caseAttachments).values(
    f.files.map((file, i) => ({
      id: f.ids.attachmentIds[i]!,
      caseId: f.ids.caseId,
      sha256: file.sha256,
      name: file.name,
      mime: file.mime,
      size: file.size,
      uploadedByUserId: staff ? f.actor.userId : null,
      uploadedByName: f.actor.displayName,
      uploadedByOrgId: staff ? f.actor.orgId : null,
      uploadedAt: f.now,
    })),
  );
}

/**
 * 登记: creates a case in `registered` with its number, location, owner and limits, its first timeline
 * event (listing the `files` it came with), its outbox row, its duplicate fingerprint, the classifier's
 * suggestion and its attachments. The resolve deadline is provisional (counted from intake) until a unit
 * accepts the case.
 *
 * The write path is lean: after the reads (the location and the calendar come from memory), one statement
 * allocates the number and ids and one statement writes every row — atomic on its own, so no transaction
 * is needed. Only when the suggestion is confident enough to dispatch (智能派单) does the write run in a
 * transaction with the dispatch.
 */
export async function registerCase(
  ctx: AppContext,
  actor: Actor,
  input: RegisterInput,
  files: readonly IntakeFile[] = [],
): Promise<RegisteredCase> {
  const [calendar, category, chain] = await Promise.all([
    loadWorkingCalendar(ctx),
    loadIntakeCategory(ctx.db, input.categoryId),
    locateIntake(ctx, actor, input),
  ]);
  const owner = await intakeOwner(ctx.db, actor, chain);
  const now = ctx.clock.now();
  const settings = await readCaseSettings(ctx); // cached in the process: no query
  const [suggestion, ids] = await Promise.all([
    suggestForIntake(ctx, {
      title: input.title ?? null,
      content: input.content,
      owner,
      categoryPolice: category?.police ?? false,
      threshold: settings.autoDispatchThreshold,
    }),
    allocateCaseIds(ctx.db, beijingDay(now), files.length),
  ]);
  const facts: IntakeFacts = { actor, now, ids, calendar, owner, chain, category, suggestion, files };
  const values = newCaseRow(input, facts);
  const { event, inserts } = recordEvent(
    ctx.db,
    values,
    registerEvent(values, facts),
    { last: null, nextEventId: ids.firstEventId },
    [],
  );
  const companions = [
    ...inserts,
    // 查重: the text fingerprint, so that the next call about the same problem finds this case
    caseFingerprintInsert(ctx.db, values),
    ...(suggestion ? [suggestionInsert(ctx.db, values.id, suggestion, now)] : []),
    ...(files.length > 0 ? [intakeFilesInsert(ctx.db, facts)] : []),
  ];
  const registered = { owner, chain, category: category && { id: category.id, name: category.name } };
  if (!suggestion || suggestion.autoDispatchUnitId === null) {
    return { ...registered, row: await insertCaseWith(ctx.db, values, companions), firstEvent: event };
  }
  // 智能派单: dispatched through the lifecycle's dispatch path, in the registering transaction
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await insertCaseWith(tx, values, companions);
    return dispatchOnSuggestion(tx, inserted, suggestion, { now, calendar, settings });
  });
  return { ...registered, row, firstEvent: null };
}
