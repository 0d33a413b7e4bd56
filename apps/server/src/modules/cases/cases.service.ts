import type {
  CaseDetail,
  CaseListQuery,
  CasePage,
  CaseSummary,
  CasesByPhoneQuery,
  TimelineVerification,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import { readsPersonalData } from '../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { decodeCursor, keysetPage } from '../../platform/http/lists.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { findCategory, findCategoryNames } from '../catalog/catalog.repository.js';
import { findOrgBriefs } from '../orgs/org-briefs.repository.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { caseOutOfScope, isCaseInScope } from './case-access.js';
import type { ActionScene } from './case-actions/action-handler.js';
import { caseActionsOf } from './case-actions.policy.js';
import { type CaseFacet, caseDetailView } from './case-facets.js';
import { caseNotFound } from './case-lifecycle.js';
import { type CaseOrgs, loadCaseOrgs, relationOf } from './case-scope.policy.js';
import { readCaseSettings } from './case-settings.js';
import { type CaseNames, orgIdsOf, presentCaseDetail, presentCaseSummary } from './cases.presenter.js';
import { type CaseRow, findCase, findEvents } from './cases.repository.js';
import { type CaseListFilter, isCasePosition, listCases, sortKeyOf } from './cases-list.repository.js';
import type { RegisteredCase } from './register-case.js';
import { loadCaseTimelines, verifyTimeline } from './timeline-verification.js';

async function namesOf(
  ctx: AppContext,
  rows: readonly CaseRow[],
  orgs: Iterable<CaseOrgs>,
): Promise<CaseNames> {
  const coIds = [...orgs].flatMap((o) => o.coHandlers.map((c) => c.id));
  const [orgNames, categories] = await Promise.all([
    findOrgBriefs(ctx.db, [...orgIdsOf(rows), ...coIds]),
    findCategoryNames(
      ctx.db,
      rows.flatMap((r) => (r.categoryId === null ? [] : [r.categoryId])),
    ),
  ]);
  return { orgs: orgNames, categories };
}

/**
 * Builds the scene each row's actions are decided on (outside any transaction: for display); `reads` is the
 * case-access answer for the row (a listed row lies in the actor's scope).
 */
async function sceneMaker(ctx: AppContext, actor: Actor) {
  const [calendar, settings] = await Promise.all([loadWorkingCalendar(ctx), readCaseSettings(ctx)]);
  const now = ctx.clock.now();
  return (row: CaseRow, orgs: CaseOrgs, reads = true): ActionScene => ({
    actor,
    row,
    orgs,
    relation: relationOf(actor, orgs, reads),
    now,
    calendar,
    settings,
  });
}

/** How a case in full is read: with the facets built on the spine, and whether it answers an action. */
export interface CaseDetailOptions {
  /** the modules that add steps and fields of their own to a case (`CASE_FACETS`) */
  facets: readonly CaseFacet[];
  /** answer an action just taken even when it took the case out of the actor's hands (a unit's return) */
  afterAction?: boolean;
}

/**
 * A case in full — its timeline, the actions the actor may take (the spine's and the facets') and the facets'
 * fields — or 404 / 403.
 */
export async function getCaseDetail(
  ctx: AppContext,
  actor: Actor,
  id: number,
  options: CaseDetailOptions,
): Promise<CaseDetail> {
  const row = await findCase(ctx.db, id);
  if (!row) throw caseNotFound(id);
  const [reads, orgsByCase] = await Promise.all([
    isCaseInScope(ctx.db, actor, id),
    loadCaseOrgs(ctx.db, [row]),
  ]);
  if (!reads && !options.afterAction) throw caseOutOfScope();
  const orgs = orgsByCase.get(row.id)!;
  const scene = (await sceneMaker(ctx, actor))(row, orgs, reads);
  const [timeline, names, view] = await Promise.all([
    findEvents(ctx.db, id),
    namesOf(ctx, [row], [orgs]),
    caseDetailView(ctx, scene, caseActionsOf(scene), options.facets),
  ]);
  return presentCaseDetail(row, actor, names, orgs, timeline, view);
}

/**
 * The answer to a registration, from the rows in hand: a new case has no handlers yet, and registration
 * already knows its owner, its place and its category. A case 智能派单 dispatched at once is read back.
 */
export async function presentRegisteredCase(
  ctx: AppContext,
  actor: Actor,
  registered: RegisteredCase,
  facets: readonly CaseFacet[],
): Promise<CaseDetail> {
  const { row, firstEvent, owner, chain, category } = registered;
  if (!firstEvent) return getCaseDetail(ctx, actor, row.id, { facets });
  const orgs: CaseOrgs = {
    areaPath: row.areaPath,
    current: owner,
    lead: undefined,
    coHandlers: [],
    firstReceiver: undefined,
  };
  const placed = [chain?.grid, chain?.community, chain?.town, chain?.district].flatMap((o) => o ?? []);
  const names: CaseNames = {
    orgs: new Map([owner, ...placed].map((o) => [o.id, o])),
    categories: new Map(category ? [[category.id, category.name]] : []),
  };
  // whether the registering user reads what he registered (an unlocated case may go to a centre above him)
  const reads = await isCaseInScope(ctx.db, actor, row.id);
  const scene = (await sceneMaker(ctx, actor))(row, orgs, reads);
  const view = await caseDetailView(ctx, scene, caseActionsOf(scene), facets);
  return presentCaseDetail(row, actor, names, orgs, [firstEvent], view);
}

/** Recomputes the hash chain of a case's timeline. */
export async function verifyCaseTimeline(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<TimelineVerification> {
  const row = await findCase(ctx.db, id);
  if (!row) throw caseNotFound(id);
  if (!(await isCaseInScope(ctx.db, actor, id))) throw caseOutOfScope();
  const [timeline] = await loadCaseTimelines(ctx.db, [id]);
  return verifyTimeline(ctx.chainKey, timeline!.row, timeline!.events);
}

function assertMaySearchByPhone(actor: Actor): void {
  if (!readsPersonalData(actor)) {
    throw new AppError('FORBIDDEN', '按电话号码查询需要查看个人信息的权限');
  }
}

/** Rows with the names and actions the list shows. */
async function summarise(ctx: AppContext, actor: Actor, rows: CaseRow[]): Promise<CaseSummary[]> {
  const orgsByCase = await loadCaseOrgs(ctx.db, rows);
  const [names, makeScene] = await Promise.all([
    namesOf(ctx, rows, orgsByCase.values()),
    sceneMaker(ctx, actor),
  ]);
  return rows.map((row) => {
    const scene = makeScene(row, orgsByCase.get(row.id)!);
    return presentCaseSummary(row, actor, names, caseActionsOf(scene));
  });
}

/**
 * The repository filter of a list query (without its page): checks the phone filter's permission, that
 * `within` lies in the actor's scope and that the category exists. The list and the export share it.
 */
export async function caseListFilterOf(
  ctx: AppContext,
  actor: Actor,
  query: Omit<CaseListQuery, 'cursor' | 'limit'>,
): Promise<Omit<CaseListFilter, 'after' | 'limit'>> {
  if (query.citizenPhone) assertMaySearchByPhone(actor);
  const withinPath =
    query.within === undefined ? undefined : (await loadOrgInScope(ctx.db, actor, query.within)).path;
  const category = query.categoryId === undefined ? undefined : await findCategory(ctx.db, query.categoryId);
  if (query.categoryId !== undefined && !category) {
    throw fieldError('categoryId', 'not_found', `事项 ${query.categoryId} 不存在`);
  }
  return {
    scopePath: actor.scopePath,
    withinPath,
    states: query.state,
    lights: query.light,
    sources: query.source,
    categoryCode: category?.code,
    channel: query.channel,
    createdFrom: query.createdFrom ? new Date(query.createdFrom) : undefined,
    createdTo: query.createdTo ? new Date(query.createdTo) : undefined,
    q: query.q,
    qMasked: !readsPersonalData(actor),
    citizenPhone: query.citizenPhone,
    extensionPending: query.extension === 'pending',
    sort: query.sort,
  };
}

/** A keyset page of the cases in the actor's scope that match the query. */
export async function listCasesForActor(
  ctx: AppContext,
  actor: Actor,
  query: CaseListQuery,
): Promise<CasePage> {
  const position = query.cursor ? decodeCursor(query.cursor, isCasePosition) : undefined;
  const filter: CaseListFilter = {
    ...(await caseListFilterOf(ctx, actor, query)),
    after: position && { key: position[0], id: position[1] },
    limit: query.limit,
  };
  const page = keysetPage(
    await listCases(ctx.db, filter),
    query.limit,
    (row) => [sortKeyOf(row, query.sort), row.id],
    (rows) => rows,
  );
  return { items: await summarise(ctx, actor, page.items), nextCursor: page.nextCursor };
}

/**
 * 来电历史: the caller's earlier cases (newest first) in the actor's scope, for the agent on the call — the
 * case list filtered by the citizen's phone, which needs `personal_data.read`.
 */
export async function findCasesByPhone(
  ctx: AppContext,
  actor: Actor,
  query: CasesByPhoneQuery,
): Promise<CasePage> {
  const { phone, ...page } = query;
  return listCasesForActor(ctx, actor, { ...page, citizenPhone: phone, sort: 'created_desc' });
}
