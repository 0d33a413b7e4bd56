import type { WarningItem, WarningListQuery, WarningPage } from '@shanzhi/shared';
import { type Actor, isInScope } from '../../../platform/auth/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { findOrgBriefs } from '../../orgs/org-briefs.repository.js';
import { loadOrgInScope } from '../../orgs/orgs.service.js';
import { acknowledgeWarning, findWarning, listWarnings, type WarningRow } from './warnings.repository.js';

const KIND_LABELS = { surge: '激增', emerging_topic: '新苗头' } as const;

function present(row: WarningRow, orgNames: Map<number, { name: string }>): WarningItem {
  return {
    id: row.id,
    kind: row.kind as WarningItem['kind'],
    kindLabel: KIND_LABELS[row.kind as WarningItem['kind']],
    status: row.status as WarningItem['status'],
    title: row.title,
    orgId: row.orgId,
    orgName: orgNames.get(row.orgId)?.name ?? null,
    categoryId: row.categoryId,
    day: row.day,
    caseIds: row.caseIds,
    observed: row.observed,
    baseline: row.baseline,
    pValue: row.pValue,
    score: row.score,
    terms: row.terms,
    details: row.details as Record<string, unknown>,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedByUserId: row.acknowledgedByUserId,
  };
}

/**
 * The warnings whose place lies in the actor's scope (or in the subtree of `org`, which must itself be in
 * scope: 403 otherwise, 404 for no such org), the most recently seen first.
 */
export async function listWarningsForActor(
  ctx: AppContext,
  actor: Actor,
  query: WarningListQuery,
): Promise<WarningPage> {
  const path =
    query.org === undefined ? actor.scopePath : (await loadOrgInScope(ctx.db, actor, query.org)).path;
  const { rows, total } = await listWarnings(ctx.db, {
    path,
    status: query.status,
    kind: query.kind,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    page: query.page,
    pageSize: query.pageSize,
  });
  const names = await findOrgBriefs(
    ctx.db,
    rows.map((r) => r.orgId),
  );
  return { items: rows.map((r) => present(r, names)), total, page: query.page, pageSize: query.pageSize };
}

/** 已知悉: acknowledges a warning of the actor's scope (idempotent); 404 / 403 otherwise. */
export async function acknowledgeWarningForActor(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<WarningItem> {
  const row = await findWarning(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', `预警 ${id} 不存在`);
  if (!isInScope(actor, row.orgPath)) throw new AppError('OUT_OF_SCOPE', '该预警不在您的管辖范围内');
  const updated = await acknowledgeWarning(ctx.db, id, actor.userId, ctx.clock.now());
  return present(updated!, await findOrgBriefs(ctx.db, [row.orgId]));
}
