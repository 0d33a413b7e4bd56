import {
  addWorkingTime,
  CASE_ACTION_EVENTS,
  clipOutsidePersonalNumbers,
  mayTakeAction,
  type RegisterInput,
  toBeijingCompactDate,
  type WorkingCalendar,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx, Tx } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import type { NewEvent } from '../../platform/lifecycle/event-chain.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { type CategoryRow, findCategory } from '../catalog/catalog.repository.js';
import type { Classification } from '../intelligence/classify.service.js';
import { caseFingerprintInsert } from '../intelligence/duplicates/case-fingerprints.repository.js';
import { suggestForIntake, suggestionInsert } from '../intelligence/smart-dispatch.js';
import { type LocatedChain, locateChainAt } from '../orgs/grid-index.js';
import { findCentreUnder, type OrgBrief } from '../orgs/org-briefs.repository.js';
import { chainOfPath } from '../orgs/orgs.service.js';
import type { StoredFile } from './attachments/attachment-store.js';
import { caseAttachments } from './attachments/case-attachments.tables.js';
import {
  type AutoDispatch,
  decideAutoDispatch,
  dispatchAutomatically,
  suggestionChanges,
} from './auto-dispatch.js';
import { limitsForIntake } from './case-clock.js';
import { assertPlaceInScope } from './case-scope.policy.js';
import { type CaseSettings, readCaseSettings } from './case-settings.js';
import { recordCaseEvent } from './case-timeline.js';
import {
  allocateCaseIds,
  type CaseEventRow,
  type CaseRow,
  insertCaseWith,
  type NewCaseIds,
  type NewCaseRow,
} from './cases.repository.js';

/** `WH` + Beijing date + the day's 6-digit sequence: `WH20261123000123`. */
export function formatCaseNumber(day: string, sequence: number): string {
  return `WH${day}${String(sequence).padStart(6, '0')}`;
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

/** Whether the actor's data scope is the whole city (the city itself, its centres and its bureaus). */
function isCityWide(actor: Actor): boolean {
  return actor.scopePath.split('/').filter(Boolean).length <= 1;
}

/**
 * Who owns a new case (dispatches it, may escalate it): the territory where it happened (DOMAIN.md §2), once
 * its place is known to lie in the registering user's scope (`assertPlaceInScope`). A grid's report goes to
 * its community (小事不出村); a territorial level or a district's centre keeps what it registers in its own
 * territory; a city-wide intake (the 12345 hotline, the city's centres, a bureau) hands the case to the centre
 * of the district where it happened — the city's centre when it is unlocated.
 */
async function intakeOwner(db: DbOrTx, actor: Actor, chain: LocatedChain | null): Promise<OrgBrief> {
  // a grid worker's chain is his own grid's: a point elsewhere was refused
  if (actor.orgKind === 'grid' && chain?.community) return chain.community;
  if (['center', 'community', 'town', 'district'].includes(actor.orgKind) && !isCityWide(actor)) {
    return actorOrg(actor);
  }
  const rootId = Number(actor.scopePath.split('/').filter(Boolean)[0]);
  const centre =
    (chain?.district && (await findCentreUnder(db, chain.district.id))) ||
    (await findCentreUnder(db, rootId));
  if (!centre) throw new AppError('NOT_READY', '尚未设置社会治理中心，无法登记工单');
  return centre;
}

/** Characters of the content that make a title when none is given. */
const TITLE_LENGTH = 30;

/**
 * The title given, or the content's first 30 characters — never cut through a phone or an ID number, whose
 * fragment would no longer read as one and so would escape masking in lists.
 */
function titleOf(input: RegisterInput): string {
  if (input.title) return input.title;
  const flat = input.content.replace(/\s+/g, ' ').trim();
  const clipped = clipOutsidePersonalNumbers(flat, TITLE_LENGTH);
  return clipped.length < flat.length ? `${clipped.trimEnd()}…` : flat;
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
type IntakeFacts = PreparedRegistration & { ids: NewCaseIds };

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
    number: formatCaseNumber(toBeijingCompactDate(f.now), f.ids.sequence),
    source: input.source,
    channel: input.channelCode ?? null,
    type: input.type,
    categoryId: f.category?.id ?? null,
    priority: input.priority,
    policeMatter: (f.category?.police ?? false) || (f.suggestion?.police.flagged ?? false),
    fireLinkage: input.fireLinkage ?? false,
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
      ...(f.suggestion ? { suggestion: suggestionChanges(f.suggestion, f.autoDispatch) } : {}),
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

/** What a registration found out before it writes: everything but its number and ids. */
export interface PreparedRegistration {
  actor: Actor;
  input: RegisterInput;
  files: readonly IntakeFile[];
  now: Date;
  calendar: WorkingCalendar;
  category: CategoryRow | undefined;
  chain: LocatedChain | null;
  owner: OrgBrief;
  settings: CaseSettings;
  /** what the classifier suggested (null without a model answer) */
  suggestion: Classification | null;
  /** 智能派单: the unit the case goes to at once on the suggestion, or null */
  autoDispatch: AutoDispatch | null;
}

/**
 * The reads of 登记: the category, where it happened (refused outside the registering user's territory), who
 * owns it, the settings and the classifier's suggestion. Nothing is written, so a caller may prepare a case
 * outside the transaction it will be written in (a grid finding reported up).
 */
export async function prepareRegistration(
  ctx: AppContext,
  actor: Actor,
  input: RegisterInput,
  files: readonly IntakeFile[] = [],
): Promise<PreparedRegistration> {
  // the lifecycle table's roles, as for every other action: holding `case.register` (an administrator holds
  // every permission) is not enough
  if (!mayTakeAction('register', actor.roles)) throw new AppError('FORBIDDEN', '您的角色不能登记工单');
  const [calendar, category, chain] = await Promise.all([
    loadWorkingCalendar(ctx),
    loadIntakeCategory(ctx.db, input.categoryId),
    locateIntake(ctx, actor, input),
  ]);
  assertPlaceInScope(actor, areaOf(chain)?.path ?? null);
  const owner = await intakeOwner(ctx.db, actor, chain);
  const settings = await readCaseSettings(ctx); // cached in the process: no query
  const suggestion = await suggestForIntake(ctx, { title: input.title ?? null, content: input.content });
  const autoDispatch = decideAutoDispatch(suggestion, {
    threshold: settings.autoDispatchThreshold,
    owner,
    categoryPolice: category?.police ?? false,
  });
  return {
    actor,
    input,
    files,
    now: ctx.clock.now(),
    calendar,
    category,
    chain,
    owner,
    settings,
    suggestion,
    autoDispatch,
  };
}

/**
 * Writes a prepared registration: the case in `registered` with its number, location, owner and limits, its
 * first timeline event (listing the files it came with), its outbox row, its duplicate fingerprint, the
 * classifier's suggestion and its attachments. The resolve deadline is provisional (counted from intake)
 * until a unit accepts the case.
 *
 * On its own (`tx` absent) the write path is lean: one statement allocates the number and ids and one writes
 * every row — atomic on its own, so no transaction is needed; only 智能派单 runs in a transaction with the
 * dispatch. Inside a caller's transaction `tx`, every write joins it.
 */
export async function writeRegistration(
  ctx: AppContext,
  prepared: PreparedRegistration,
  tx?: Tx,
): Promise<RegisteredCase> {
  const { input, files, now, calendar, category, chain, owner, settings, suggestion, autoDispatch } =
    prepared;
  const db = tx ?? ctx.db;
  const ids = await allocateCaseIds(db, toBeijingCompactDate(now), files.length);
  const facts: IntakeFacts = { ...prepared, ids };
  const values = newCaseRow(input, facts);
  const {
    event,
    inserts,
    chain: chainHead,
  } = await recordCaseEvent(
    db,
    ctx.chainKey,
    { ...values, chainHead: null, eventCount: 0 },
    registerEvent(values, facts),
    [],
    ids.firstEventId,
  );
  // the case row carries the head of its chain from its first statement
  const newRow = { ...values, ...chainHead };
  const companions = [
    ...inserts,
    // 查重: the text fingerprint, so that the next call about the same problem finds this case
    caseFingerprintInsert(db, values),
    ...(suggestion ? [suggestionInsert(db, values.id, suggestion, autoDispatch !== null, now)] : []),
    ...(files.length > 0 ? [intakeFilesInsert(db, facts)] : []),
  ];
  const registered = { owner, chain, category: category && { id: category.id, name: category.name } };
  if (!autoDispatch) {
    return { ...registered, row: await insertCaseWith(db, newRow, companions), firstEvent: event };
  }
  // 智能派单: dispatched through the lifecycle's dispatch path, in the registering transaction
  const env = { now, calendar, settings, chainKey: ctx.chainKey };
  const dispatch = async (within: Tx) =>
    dispatchAutomatically(within, await insertCaseWith(within, newRow, companions), autoDispatch, env);
  const row = tx ? await dispatch(tx) : await ctx.db.transaction(dispatch);
  return { ...registered, row, firstEvent: null };
}

/** 登记: prepares and writes a case (see `prepareRegistration` and `writeRegistration`). */
export async function registerCase(
  ctx: AppContext,
  actor: Actor,
  input: RegisterInput,
  files: readonly IntakeFile[] = [],
): Promise<RegisteredCase> {
  return writeRegistration(ctx, await prepareRegistration(ctx, actor, input, files));
}
