import {
  type EnterpriseInput,
  type EnterpriseListQuery,
  type EnterprisePage,
  type EnterpriseView,
  isHighRiskIndustry,
  maskPersonName,
  maskPhone,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import { readsPersonalData } from '../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { pageAnswer } from '../../platform/http/lists.js';
import { locateChainAt } from '../orgs/grid-index.js';
import { findOrg } from '../orgs/orgs.repository.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { assertSafetyReachable, safetyListScopeOf } from './enterprise-account.policy.js';
import {
  countOpenHazards,
  type EnterpriseListRow,
  findEnterprise,
  findEnterpriseByCreditCode,
  insertEnterprises,
  listEnterprises,
} from './enterprises.repository.js';
import type { enterprises } from './hazards.tables.js';

/** An enterprise as one actor sees it: the people's names and phones masked without `personal_data.read`. */
function presentEnterprise(row: EnterpriseListRow, openHazards: number, inFull: boolean): EnterpriseView {
  const person = (name: string | null, phone: string | null) =>
    name === null
      ? null
      : inFull
        ? { name, ...(phone ? { phone } : {}) }
        : { name: maskPersonName(name) ?? '', ...(phone ? { phone: maskPhone(phone) ?? '' } : {}) };
  return {
    id: row.id,
    name: row.name,
    creditCode: row.creditCode,
    industry: row.industry as EnterpriseView['industry'],
    highRisk: row.highRisk,
    address: row.address,
    location: row.lng === null || row.lat === null ? null : { longitude: row.lng, latitude: row.lat },
    orgId: row.orgId,
    orgName: row.orgName,
    supervisingOrgId: row.supervisingOrgId,
    supervisingOrgName: row.supervisingOrgName,
    principal: person(row.principalName, row.principalPhone),
    safetyOfficer: person(row.safetyOfficerName, row.safetyOfficerPhone),
    openHazards,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The territory of a new enterprise: the org named, the town (or district) holding its point, or the caller's. */
async function territoryOf(ctx: AppContext, actor: Actor, input: EnterpriseInput) {
  if (input.orgId !== undefined) {
    const org = await findOrg(ctx.db, input.orgId);
    if (!org?.active) throw fieldError('orgId', 'not_found', `组织 ${input.orgId} 不存在`);
    return org;
  }
  if (input.location) {
    const chain = await locateChainAt(ctx, { lng: input.location.longitude, lat: input.location.latitude });
    const place = chain?.town ?? chain?.district;
    if (!place) throw fieldError('location', 'outside_city', '位置不在本市范围内');
    return place;
  }
  return { id: actor.orgId, path: actor.orgPath };
}

/** The supervising body of a new enterprise: the org named (in the caller's scope), or the caller's own org. */
async function supervisingBodyOf(ctx: AppContext, actor: Actor, input: EnterpriseInput) {
  if (input.supervisingOrgId === undefined) return { id: actor.orgId, path: actor.orgPath };
  try {
    return await loadOrgInScope(ctx.db, actor, input.supervisingOrgId);
  } catch (error) {
    if (error instanceof AppError) {
      throw fieldError(
        'supervisingOrgId',
        'not_found',
        `监管部门 ${input.supervisingOrgId} 不存在或不在您的管辖范围内`,
      );
    }
    throw error;
  }
}

/** The row of a new enterprise from its checked input and its two orgs. */
export function enterpriseRowOf(
  input: EnterpriseInput,
  orgsOf: { territory: { id: number; path: string }; supervising: { id: number; path: string } },
  actor: Pick<Actor, 'userId'>,
  now: Date,
): typeof enterprises.$inferInsert {
  return {
    name: input.name,
    creditCode: input.creditCode,
    industry: input.industry,
    highRisk: isHighRiskIndustry(input.industry),
    address: input.address,
    lng: input.location?.longitude ?? null,
    lat: input.location?.latitude ?? null,
    orgId: orgsOf.territory.id,
    orgPath: orgsOf.territory.path,
    supervisingOrgId: orgsOf.supervising.id,
    supervisingOrgPath: orgsOf.supervising.path,
    principalName: input.principal?.name ?? null,
    principalPhone: input.principal?.phone ?? null,
    safetyOfficerName: input.safetyOfficer?.name ?? null,
    safetyOfficerPhone: input.safetyOfficer?.phone ?? null,
    createdByUserId: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
}

/** The orgs of a new enterprise: where it lies and who supervises it. */
export async function enterpriseOrgsOf(ctx: AppContext, actor: Actor, input: EnterpriseInput) {
  const [territory, supervising] = await Promise.all([
    territoryOf(ctx, actor, input),
    supervisingBodyOf(ctx, actor, input),
  ]);
  return { territory, supervising };
}

/** Refuses (409 DUPLICATE_CREDIT_CODE) a credit code already on the register. */
async function assertCreditCodeFree(db: DbOrTx, creditCode: string): Promise<void> {
  const taken = await findEnterpriseByCreditCode(db, creditCode);
  if (taken)
    throw new AppError('DUPLICATE_CREDIT_CODE', `统一社会信用代码 ${creditCode} 已登记（企业 ${taken.id}）`);
}

/** 企业登记: adds an enterprise to the register. */
export async function createEnterprise(
  ctx: AppContext,
  actor: Actor,
  input: EnterpriseInput,
): Promise<EnterpriseView> {
  await assertCreditCodeFree(ctx.db, input.creditCode);
  const orgsOf = await enterpriseOrgsOf(ctx, actor, input);
  const [row] = await insertEnterprises(ctx.db, [enterpriseRowOf(input, orgsOf, actor, ctx.clock.now())]);
  return getEnterprise(ctx, actor, row!.id);
}

/** One enterprise of the register, in the actor's scope. */
export async function getEnterprise(ctx: AppContext, actor: Actor, id: number): Promise<EnterpriseView> {
  const row = await findEnterprise(ctx.db, id);
  if (!row) throw new AppError('ENTERPRISE_NOT_FOUND', `企业 ${id} 不存在`);
  await assertSafetyReachable(ctx.db, actor, row, row.id);
  const open = await countOpenHazards(ctx.db, [id]);
  return presentEnterprise(row, open.get(id) ?? 0, readsPersonalData(actor));
}

/** A page of the register in the actor's scope (an enterprise account: its own record), by name. */
export async function listEnterprisesForActor(
  ctx: AppContext,
  actor: Actor,
  query: EnterpriseListQuery,
): Promise<EnterprisePage> {
  const scope = await safetyListScopeOf(ctx.db, actor, undefined);
  if (!scope) return pageAnswer([], 0, query);
  const { rows, total } = await listEnterprises(ctx.db, {
    ...scope,
    industry: query.industry,
    highRisk: query.highRisk === undefined ? undefined : query.highRisk === 'true',
    q: query.q,
    page: query.page,
    pageSize: query.pageSize,
  });
  const open = await countOpenHazards(
    ctx.db,
    rows.map((r) => r.id),
  );
  const inFull = readsPersonalData(actor);
  return pageAnswer(
    rows.map((r) => presentEnterprise(r, open.get(r.id) ?? 0, inFull)),
    total,
    query,
  );
}
