import {
  type BoundaryGeometry,
  bboxOfGeometry,
  type CreateOrgInput,
  isParentKindAllowed,
  type LocateQuery,
  type OrgKind,
  type OrgListQuery,
  type SetGridStaffInput,
  type UpdateOrgInput,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import { orgIdOfPath } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError, fieldError, versionConflict } from '../../platform/errors/app-error.js';
import { invalidateCache } from '../../platform/realtime/cache-invalidation.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { forgetSessions } from '../auth/session-cache.js';
import { chainOf, type LocatedChain, locateChainAt } from './grid-index.js';
import { assertOrgInScope } from './orgs.policy.js';
import {
  countActiveChildren,
  findGridStaff,
  findOrg,
  findOrgByCode,
  findOrgsOnPath,
  insertOrg,
  listOrgs,
  type NewOrgRow,
  type OrgRow,
  replaceGridStaff,
  updateOrgAtVersion,
} from './orgs.repository.js';

/** Loads an org the actor may see, or answers 404 / 403. */
export async function loadOrgInScope(db: DbOrTx, actor: Actor, id: number): Promise<OrgRow> {
  const org = await findOrg(db, id);
  if (!org) throw new AppError('ORG_NOT_FOUND', `组织 ${id} 不存在`);
  assertOrgInScope(actor, org);
  return org;
}

/** The actor's scope root as a path, narrowed to `within` when given (which must itself be in scope). */
async function listScopePath(ctx: AppContext, actor: Actor, within?: number): Promise<string> {
  if (within === undefined) return actor.scopePath;
  return (await loadOrgInScope(ctx.db, actor, within)).path;
}

/** A page of the orgs in the actor's scope that match the query. */
export async function listOrgsForActor(ctx: AppContext, actor: Actor, query: OrgListQuery) {
  const withinPath = await listScopePath(ctx, actor, query.within);
  if (query.parentId !== undefined) await loadOrgInScope(ctx.db, actor, query.parentId);
  const { rows, total } = await listOrgs(ctx.db, {
    withinPath,
    parentId: query.parentId,
    kind: query.kind,
    q: query.q,
    active: query.active === 'all' ? undefined : query.active === 'true',
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { rows, total };
}

/**
 * One level of the tree, for lazy loading: without `parentId`, the root of the actor's scope; with it, that
 * org's children.
 */
export async function listTreeLevel(ctx: AppContext, actor: Actor, parentId?: number) {
  if (parentId === undefined) {
    const rootId = orgIdOfPath(actor.scopePath);
    return (await listOrgs(ctx.db, { withinPath: actor.scopePath, id: rootId, limit: 1, offset: 0 })).rows;
  }
  const parent = await loadOrgInScope(ctx.db, actor, parentId);
  return (
    await listOrgs(ctx.db, { withinPath: parent.path, parentId, active: true, limit: 5_000, offset: 0 })
  ).rows;
}

/** An org with its ancestors and, for a grid, its staff. */
export async function getOrgDetail(ctx: AppContext, actor: Actor, id: number) {
  const org = await loadOrgInScope(ctx.db, actor, id);
  const [ancestors, staff, childCount] = await Promise.all([
    findOrgsOnPath(ctx.db, org.path),
    org.kind === 'grid' ? findGridStaff(ctx.db, org.id) : Promise.resolve([]),
    countActiveChildren(ctx.db, org.id),
  ]);
  return { org, ancestors: ancestors.filter((a) => a.id !== org.id), staff, childCount };
}

function geometryColumns(boundary: BoundaryGeometry | null | undefined): Partial<NewOrgRow> {
  if (!boundary) return {};
  const box = bboxOfGeometry(boundary);
  return {
    boundary,
    minLng: box.minLng,
    minLat: box.minLat,
    maxLng: box.maxLng,
    maxLat: box.maxLat,
    centerLng: (box.minLng + box.maxLng) / 2,
    centerLat: (box.minLat + box.maxLat) / 2,
  };
}

async function assertCodeFree(db: DbOrTx, code: string, exceptId?: number): Promise<void> {
  const existing = await findOrgByCode(db, code);
  if (existing && existing.id !== exceptId) {
    throw new AppError('DUPLICATE_CODE', `编码 ${code} 已被「${existing.name}」使用`, [
      { field: 'code', code: 'duplicate', message: `编码 ${code} 已存在` },
    ]);
  }
}

async function loadParent(ctx: AppContext, actor: Actor, kind: OrgKind, parentId: number | null) {
  if (parentId === null) {
    if (!isParentKindAllowed(kind, null)) throw fieldError('parentId', 'required', '请选择上级组织');
    if (actor.scopePath.split('/').filter(Boolean).length > 1) {
      throw new AppError('OUT_OF_SCOPE', '只有全市范围的管理员可以创建顶级组织');
    }
    return null;
  }
  const parent = await findOrg(ctx.db, parentId);
  if (!parent) throw fieldError('parentId', 'not_found', `上级组织 ${parentId} 不存在`);
  assertOrgInScope(actor, parent);
  if (!parent.active) throw fieldError('parentId', 'inactive', '上级组织已停用');
  if (!isParentKindAllowed(kind, parent.kind as OrgKind)) {
    throw new AppError('ORG_KIND_NOT_ALLOWED', `「${parent.name}」下不能设置此类组织`, [
      { field: 'kind', code: 'kind_not_allowed', message: `${kind} 不能放在 ${parent.kind} 之下` },
    ]);
  }
  return parent;
}

/**
 * After a change to the tree has committed: every process drops what it keeps of it — the grid index, and
 * the sessions, which carry their user's org name and path.
 */
async function treeChanged(ctx: AppContext): Promise<void> {
  await invalidateCache(ctx, 'orgs');
  await forgetSessions(ctx);
}

/** Creates an org under a parent in the actor's scope. */
export async function createOrg(ctx: AppContext, actor: Actor, input: CreateOrgInput) {
  await loadParent(ctx, actor, input.kind, input.parentId);
  await assertCodeFree(ctx.db, input.code);
  const created = await ctx.db.transaction(async (tx) => {
    const row = await insertOrg(tx, {
      parentId: input.parentId,
      code: input.code,
      name: input.name,
      kind: input.kind,
      sort: input.sort ?? 0,
      ...geometryColumns(input.boundary),
    });
    await audit(ctx, tx, actor, 'org.created', row.id, { code: row.code, name: row.name, kind: row.kind });
    return row;
  });
  await treeChanged(ctx);
  return created;
}

async function assertMoveAllowed(
  ctx: AppContext,
  actor: Actor,
  org: OrgRow,
  parentId: number,
): Promise<void> {
  if (parentId === org.id) throw new AppError('ORG_CYCLE', '组织不能成为自己的上级');
  const parent = await loadParent(ctx, actor, org.kind as OrgKind, parentId);
  if (parent?.path.startsWith(org.path)) {
    throw new AppError('ORG_CYCLE', `「${parent.name}」是「${org.name}」的下级，不能作为其上级`, [
      { field: 'parentId', code: 'cycle', message: '不能把组织移到自己的下级之下' },
    ]);
  }
}

/** Changes an org (name, code, boundary, order, or its parent — the subtree moves along). */
export async function updateOrg(ctx: AppContext, actor: Actor, id: number, input: UpdateOrgInput) {
  const org = await loadOrgInScope(ctx.db, actor, id);
  if (input.parentId !== undefined && input.parentId !== org.parentId)
    await assertMoveAllowed(ctx, actor, org, input.parentId);
  if (input.code !== undefined) await assertCodeFree(ctx.db, input.code, org.id);
  const patch: Partial<NewOrgRow> = {
    ...(input.parentId !== undefined && { parentId: input.parentId }),
    ...(input.code !== undefined && { code: input.code }),
    ...(input.name !== undefined && { name: input.name }),
    ...(input.sort !== undefined && { sort: input.sort }),
    ...geometryColumns(input.boundary),
  };
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await updateOrgAtVersion(tx, id, input.version, patch, ctx.clock.now());
    if (!row) throw versionConflict('数据', org.version);
    await audit(ctx, tx, actor, 'org.updated', id, { changed: Object.keys(patch) });
    return row;
  });
  await treeChanged(ctx);
  return updated;
}

/** Deactivates (or re-activates) an org. An org with active children cannot be deactivated. */
export async function setOrgActive(
  ctx: AppContext,
  actor: Actor,
  id: number,
  active: boolean,
  version: number,
) {
  const org = await loadOrgInScope(ctx.db, actor, id);
  if (org.path === actor.scopePath) throw new AppError('FORBIDDEN', '不能停用自己管辖范围的根组织');
  if (!active && (await countActiveChildren(ctx.db, id)) > 0) {
    throw new AppError('ORG_HAS_ACTIVE_CHILDREN', `「${org.name}」下还有启用的下级组织，请先停用或迁移它们`);
  }
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await updateOrgAtVersion(tx, id, version, { active }, ctx.clock.now());
    if (!row) throw versionConflict('数据', org.version);
    await audit(ctx, tx, actor, active ? 'org.activated' : 'org.deactivated', id, { code: org.code });
    return row;
  });
  await treeChanged(ctx);
  return updated;
}

/** Replaces a grid's staff (一格一长一警一专多兼). */
export async function setGridStaff(ctx: AppContext, actor: Actor, id: number, input: SetGridStaffInput) {
  const org = await loadOrgInScope(ctx.db, actor, id);
  if (org.kind !== 'grid') throw new AppError('ORG_KIND_NOT_ALLOWED', '只有网格可以设置网格力量');
  await ctx.db.transaction(async (tx) => {
    await replaceGridStaff(
      tx,
      id,
      input.staff.map((s) => ({ role: s.role, name: s.name, phone: s.phone ?? null })),
    );
    await audit(ctx, tx, actor, 'org.staff_changed', id, { count: input.staff.length });
  });
  return findGridStaff(ctx.db, id);
}

export type { LocatedChain } from './grid-index.js';

/** The grid → community → town → district → city chain of the orgs on a path. */
export async function chainOfPath(db: DbOrTx, path: string): Promise<LocatedChain> {
  return chainOf(await findOrgsOnPath(db, path));
}

/**
 * The grid that holds a point, with its community, town and district. 404 when no grid does: the point is
 * outside the city.
 */
export async function locatePoint(ctx: AppContext, actor: Actor, point: LocateQuery): Promise<LocatedChain> {
  const chain = await locateChainAt(ctx, point);
  if (!chain?.grid) throw new AppError('POINT_OUTSIDE_CITY', '该位置不在本市任何网格内');
  assertOrgInScope(actor, chain.grid);
  return chain;
}

function audit(ctx: AppContext, tx: DbOrTx, actor: Actor, action: string, id: number, detail: object) {
  return recordActorAudit(tx, actor, ctx.clock.now(), {
    action,
    targetType: 'org',
    targetId: id,
    detail: detail as Record<string, unknown>,
  });
}
