import type { CaseListQuery, CasesByPhoneQuery } from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { findCategory } from '../catalog/catalog.repository.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import type { ActionScene } from './case-actions/action-handler.js';
import { availableCaseActions } from './case-actions.policy.js';
import { assertCaseReadable, type CaseOrgs, loadCaseOrgs, relationOf } from './case-scope.policy.js';
import { readCaseSettings } from './case-settings.js';
import { type TimelineVerification, verifyChain } from './case-timeline.js';
import { caseNotFound } from './case-transition.js';
import {
  type CaseDetail,
  type CaseNames,
  type CaseSummary,
  orgIdsOf,
  presentCaseDetail,
  presentCaseSummary,
} from './cases.presenter.js';
import { type CaseRow, findCase, findEvents, findOrgBriefs } from './cases.repository.js';
import { type CaseListFilter, findCategoryNames, listCases, sortKeyOf } from './cases-list.repository.js';
import type { RegisteredCase } from './register-case.js';

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

/** Builds the scene each row's actions are decided on (outside any transaction: for display). */
async function sceneMaker(ctx: AppContext, actor: Actor) {
  const [calendar, settings] = await Promise.all([loadWorkingCalendar(ctx), readCaseSettings(ctx)]);
  const now = ctx.clock.now();
  return (row: CaseRow, orgs: CaseOrgs): ActionScene => ({
    actor,
    row,
    orgs,
    relation: relationOf(actor, orgs),
    now,
    calendar,
    settings,
  });
}

/**
 * A case in full — its timeline and the actions the actor may take — or 404 / 403. `afterAction` answers an
 * action just taken even when it took the case out of the actor's hands (a unit's return).
 */
export async function getCaseDetail(
  ctx: AppContext,
  actor: Actor,
  id: number,
  options: { afterAction?: boolean } = {},
): Promise<CaseDetail> {
  const row = await findCase(ctx.db, id);
  if (!row) throw caseNotFound(id);
  const orgs = (await loadCaseOrgs(ctx.db, [row])).get(row.id)!;
  const scene = (await sceneMaker(ctx, actor))(row, orgs);
  if (!options.afterAction) assertCaseReadable(scene.relation);
  const [timeline, names] = await Promise.all([findEvents(ctx.db, id), namesOf(ctx, [row], [orgs])]);
  return presentCaseDetail(row, actor, names, orgs, timeline, availableCaseActions(scene));
}

/**
 * The answer to a registration, from the rows in hand: a new case has no handlers yet, and registration
 * already knows its owner, its place and its category. A case 智能派单 dispatched at once is read back.
 */
export async function presentRegisteredCase(
  ctx: AppContext,
  actor: Actor,
  registered: RegisteredCase,
): Promise<CaseDetail> {
  const { row, firstEvent, owner, chain, category } = registered;
  if (!firstEvent) return getCaseDetail(ctx, actor, row.id);
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
  const scene = (await sceneMaker(ctx, actor))(row, orgs);
  return presentCaseDetail(row, actor, names, orgs, [firstEvent], availableCaseActions(scene));
}

/** Recomputes the hash chain of a case's timeline. */
export async function verifyCaseTimeline(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<TimelineVerification> {
  const row = await findCase(ctx.db, id);
  if (!row) throw caseNotFound(id);
  assertCaseReadable(relationOf(actor, (await loadCaseOrgs(ctx.db, [row])).get(row.id)!));
  return verifyChain(await findEvents(ctx.db, id));
}

function encodeCursor(key: string, id: number): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

function decodeCursor(cursor: string): { key: string; id: number } {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [unknown, unknown];
    const isKey = typeof key === 'string' && (key === 'infinity' || !Number.isNaN(Date.parse(key)));
    if (isKey && Number.isInteger(id)) return { key, id: id as number };
  } catch {
    // fall through to the field error
  }
  throw fieldError('cursor', 'invalid', '分页游标无效，请从第一页重新查询');
}

function assertMaySearchByPhone(actor: Actor): void {
  if (!actor.permissions.has('personal_data.read')) {
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
    return presentCaseSummary(row, actor, names, availableCaseActions(scene));
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
): Promise<{ items: CaseSummary[]; nextCursor: string | null }> {
  const filter: CaseListFilter = {
    ...(await caseListFilterOf(ctx, actor, query)),
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit,
  };
  const { rows, more } = await listCases(ctx.db, filter);
  const last = rows.at(-1);
  return {
    items: await summarise(ctx, actor, rows),
    nextCursor: more && last ? encodeCursor(sortKeyOf(last, query.sort), last.id) : null,
  };
}

/** 来电历史: the caller's earlier cases (newest first) in the actor's scope, for the agent on the call. */
export async function findCasesByPhone(
  ctx: AppContext,
  actor: Actor,
  query: CasesByPhoneQuery,
): Promise<CaseSummary[]> {
  assertMaySearchByPhone(actor);
  const { rows } = await listCases(ctx.db, {
    scopePath: actor.scopePath,
    citizenPhone: query.phone,
    sort: 'created_desc',
    limit: query.limit,
  });
  return summarise(ctx, actor, rows);
}
