import {
  type CampaignDetail,
  type CampaignInput,
  type CampaignListQuery,
  type CampaignPage,
  type CampaignView,
  type ChecklistItemInput,
  campaignChecklistOf,
  type Industry,
  type InspectorCandidateList,
  type InspectorQuery,
  toBeijingDate,
} from '@shanzhi/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, isInScope } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { pageAnswer } from '../../platform/http/lists.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { listUsers } from '../users/users.repository.js';
import { users } from '../users/users.tables.js';
import {
  type CampaignListRow,
  type CampaignProgressRow,
  campaignProgress,
  findCampaign,
  findCampaignCandidates,
  findCampaignInspectors,
  findEnterprisesOfIndustries,
  findPendingEnterprises,
  insertCampaign,
  isCampaignEnterprise,
  isCampaignInspector,
  listCampaigns,
} from './campaigns.repository.js';
import type { EnterpriseListRow } from './enterprises.repository.js';
import { isSafetyPlaceInScope } from './safety-scope.policy.js';

function presentCampaign(
  row: CampaignListRow,
  inspectors: CampaignView['inspectors'],
  progress: CampaignProgressRow,
): CampaignView {
  return {
    id: row.id,
    name: row.name,
    orgId: row.orgId,
    orgName: row.orgName,
    industries: row.industries as Industry[],
    checklists: row.checklists as CampaignView['checklists'],
    inspectors,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    progress,
  };
}

/** The lead org of a new campaign: the one named (in the caller's scope, 400 otherwise), or the caller's. */
async function leadOrgOf(ctx: AppContext, actor: Actor, orgId: number | undefined) {
  if (orgId === undefined) return { id: actor.orgId, path: actor.orgPath };
  try {
    return await loadOrgInScope(ctx.db, actor, orgId);
  } catch (error) {
    if (error instanceof AppError)
      throw fieldError('orgId', 'not_found', `组织 ${orgId} 不存在或不在您的管辖范围内`);
    throw error;
  }
}

/**
 * The enterprises a new campaign covers: those chosen (each of a targeted industry and under the lead org), or
 * every enterprise of the industries under it; at least one.
 */
async function plannedEnterprisesOf(
  ctx: AppContext,
  input: CampaignInput,
  orgPath: string,
): Promise<number[]> {
  if (input.enterpriseIds === undefined) {
    const ids = await findEnterprisesOfIndustries(ctx.db, orgPath, input.industries);
    if (ids.length === 0)
      throw fieldError('enterpriseIds', 'none_found', '牵头单位辖区内没有所选行业的企业，请选择排查企业');
    return ids;
  }
  const wanted = [...new Set(input.enterpriseIds)];
  const found = await findCampaignCandidates(ctx.db, wanted);
  if (found.length < wanted.length) throw fieldError('enterpriseIds', 'not_found', '所选企业有的不存在');
  if (found.some((e) => !input.industries.includes(e.industry as Industry)))
    throw fieldError('enterpriseIds', 'industry_mismatch', '所选企业须属于排查行业');
  if (found.some((e) => !isSafetyPlaceInScope({ scopePath: orgPath }, e)))
    throw fieldError('enterpriseIds', 'outside_org', '所选企业须在牵头单位辖区或其监管范围内');
  return wanted;
}

/** The inspectors of a new campaign: the accounts named (each active), or the caller alone. */
async function inspectorsOf(ctx: AppContext, actor: Actor, ids: number[] | undefined): Promise<number[]> {
  if (ids === undefined) return [actor.userId];
  const wanted = [...new Set(ids)];
  const found = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, wanted), eq(users.active, true)));
  if (found.length < wanted.length)
    throw fieldError('inspectorUserIds', 'not_found', '所选检查人员有的不存在或已停用');
  return wanted;
}

/** How many inspectors a search answers. */
const INSPECTORS_FOUND = 20;

/**
 * 检查人员 a campaign may name: the active users of the caller's scope one of whose roles may inspect
 * (`safety.inspect`), found by name or username, the first by username.
 */
export async function findInspectorCandidates(
  ctx: AppContext,
  actor: Actor,
  query: InspectorQuery,
): Promise<InspectorCandidateList> {
  const { rows } = await listUsers(ctx.db, {
    withinPath: actor.scopePath,
    permission: 'safety.inspect',
    q: query.q,
    active: true,
    limit: INSPECTORS_FOUND,
    offset: 0,
  });
  return {
    items: rows.map(({ id, username, displayName, orgName }) => ({ id, username, displayName, orgName })),
  };
}

/** 专项排查: creates a campaign with the enterprises it covers and its inspectors. */
export async function createCampaign(
  ctx: AppContext,
  actor: Actor,
  input: CampaignInput,
): Promise<CampaignDetail> {
  const org = await leadOrgOf(ctx, actor, input.orgId);
  const enterpriseIds = await plannedEnterprisesOf(ctx, input, org.path);
  const inspectorIds = await inspectorsOf(ctx, actor, input.inspectorUserIds);
  const row = await ctx.db.transaction((tx) =>
    insertCampaign(
      tx,
      {
        name: input.name,
        orgId: org.id,
        orgPath: org.path,
        industries: input.industries,
        checklists: input.checklists,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        createdByUserId: actor.userId,
        createdAt: ctx.clock.now(),
      },
      enterpriseIds,
      inspectorIds,
    ),
  );
  return getCampaign(ctx, actor, row.id);
}

/** A campaign the actor may read: in his scope, or one he inspects for (404, 403 otherwise). */
async function loadCampaign(ctx: AppContext, actor: Actor, id: number): Promise<CampaignListRow> {
  const row = await findCampaign(ctx.db, id);
  if (!row) throw new AppError('CAMPAIGN_NOT_FOUND', `专项排查 ${id} 不存在`);
  if (!isInScope(actor, row.orgPath) && !(await isCampaignInspector(ctx.db, id, actor.userId)))
    throw new AppError('OUT_OF_SCOPE', '该专项排查不在您的管辖范围内');
  return row;
}

/** One campaign with its progress and the enterprises not yet inspected. */
export async function getCampaign(ctx: AppContext, actor: Actor, id: number): Promise<CampaignDetail> {
  const row = await loadCampaign(ctx, actor, id);
  const [inspectors, progress, pending] = await Promise.all([
    findCampaignInspectors(ctx.db, [id]),
    campaignProgress(ctx.db, [id]),
    findPendingEnterprises(ctx.db, id),
  ]);
  return {
    ...presentCampaign(row, inspectors.get(id) ?? [], progress.get(id)!),
    pendingEnterprises: pending.map((e) => ({ ...e, industry: e.industry as Industry })),
  };
}

/** A page of the campaigns of the actor's scope and those he inspects for, newest first, with progress. */
export async function listCampaignsForActor(
  ctx: AppContext,
  actor: Actor,
  query: CampaignListQuery,
): Promise<CampaignPage> {
  const { rows, total } = await listCampaigns(ctx.db, {
    scopePath: actor.scopePath,
    userId: actor.userId,
    page: query.page,
    pageSize: query.pageSize,
  });
  const ids = rows.map((r) => r.id);
  const [inspectors, progress] = await Promise.all([
    findCampaignInspectors(ctx.db, ids),
    campaignProgress(ctx.db, ids),
  ]);
  return pageAnswer(
    rows.map((r) => presentCampaign(r, inspectors.get(r.id) ?? [], progress.get(r.id)!)),
    total,
    query,
  );
}

/** What an inspection within a campaign is checked against: the campaign and its checklist's answers. */
export interface CampaignInspection {
  campaignId: number;
  enterprise: Pick<EnterpriseListRow, 'id' | 'industry'>;
  inspectedAt: Date;
  items: readonly ChecklistItemInput[];
}

/**
 * The campaign an inspection belongs to, checked: it exists (400), the actor is one of its inspectors (403), it
 * covers the enterprise, the inspection falls in its period (Beijing days), and the checklist answered starts
 * with the campaign's for the enterprise's industry, in order (400 on the field otherwise). Answers its name.
 */
export async function checkCampaignInspection(
  ctx: AppContext,
  actor: Actor,
  inspection: CampaignInspection,
): Promise<{ id: number; name: string }> {
  const { campaignId, enterprise, inspectedAt, items } = inspection;
  const campaign = await findCampaign(ctx.db, campaignId);
  if (!campaign) throw fieldError('campaignId', 'not_found', `专项排查 ${campaignId} 不存在`);
  if (!(await isCampaignInspector(ctx.db, campaignId, actor.userId)))
    throw new AppError('NOT_CAMPAIGN_INSPECTOR', '您不是该专项排查的检查人员');
  if (!(await isCampaignEnterprise(ctx.db, campaignId, enterprise.id)))
    throw fieldError('enterpriseId', 'not_in_campaign', '该企业不在本次专项排查范围内');
  const day = toBeijingDate(inspectedAt);
  if (day < campaign.startsOn || day > campaign.endsOn)
    throw fieldError(
      'inspectedAt',
      'outside_campaign',
      `检查时间须在专项排查期间（${campaign.startsOn} 至 ${campaign.endsOn}）`,
    );
  const checklist = campaignChecklistOf(
    { checklists: campaign.checklists as CampaignView['checklists'] },
    enterprise.industry as Industry,
  );
  if (checklist.some((item, i) => items[i]?.item !== item.text))
    throw fieldError('items', 'checklist_mismatch', '检查清单须按专项排查的清单逐项填写');
  return { id: campaign.id, name: campaign.name };
}
