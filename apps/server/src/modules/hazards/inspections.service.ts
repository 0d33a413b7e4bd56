import type { InspectionInput, InspectionListQuery, InspectionPage, InspectionView } from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import { freeTextMaskingFor } from '../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { pageAnswer } from '../../platform/http/lists.js';
import { decodePhotos, storePhotos } from '../grid/grid-photos.js';
import { checkCampaignInspection } from './campaigns.service.js';
import { assertSafetyReachable, safetyListScopeOf } from './enterprise-account.policy.js';
import { hazardEnvironment, loadEnterpriseInScope, writeHazard } from './hazards.service.js';
import {
  findInspection,
  findInspectionItems,
  type InspectionItemRow,
  type InspectionListRow,
  insertInspection,
  insertInspectionItems,
  listInspections,
} from './inspections.repository.js';

function presentInspection(
  row: InspectionListRow,
  items: readonly InspectionItemRow[],
  actor: Actor,
): InspectionView {
  const masking = freeTextMaskingFor(actor);
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    kind: row.kind as InspectionView['kind'],
    campaign: row.campaign,
    campaignId: row.campaignId,
    inspectorName: row.inspectorName,
    inspectedAt: row.inspectedAt.toISOString(),
    note: row.note && masking.text(row.note),
    itemCount: row.itemCount,
    failedCount: row.failedCount,
    items: items.map((i) => ({
      seq: i.seq,
      item: i.item,
      passed: i.passed,
      finding: i.finding && masking.text(i.finding),
      hazardId: i.hazardId,
    })),
  };
}

/**
 * 监督检查: records an inspection of an enterprise with its checklist, and every failed item as a hazard of
 * the enterprise (source 监督检查, through the shared lifecycle) — all in one transaction. Within a campaign
 * (专项排查) it is a planned inspection under the campaign's name, its checklist the campaign's.
 */
export async function recordInspection(
  ctx: AppContext,
  actor: Actor,
  input: InspectionInput,
): Promise<InspectionView> {
  const enterprise = await loadEnterpriseInScope(ctx, actor, input.enterpriseId);
  const now = ctx.clock.now();
  const inspectedAt = input.inspectedAt ? new Date(input.inspectedAt) : now;
  if (inspectedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw fieldError('inspectedAt', 'in_future', '检查时间不能晚于当前时间');
  }
  const campaign =
    input.campaignId === undefined
      ? null
      : await checkCampaignInspection(ctx, actor, {
          campaignId: input.campaignId,
          enterprise,
          inspectedAt,
          items: input.items,
        });
  const failed = input.items.filter((i) => !i.passed).length;
  // a failed item's photos, stored (their bytes checked) before the transaction; a passed item keeps none
  const photos = await Promise.all(
    input.items.map((item, index) =>
      item.passed ? [] : storePhotos(ctx, decodePhotos(item.photos, `items.${index}.photos`)),
    ),
  );
  const env = await hazardEnvironment(ctx);
  const id = await ctx.db.transaction(async (tx) => {
    const inspection = await insertInspection(tx, {
      enterpriseId: enterprise.id,
      kind: campaign ? 'planned' : (input.kind ?? 'ad_hoc'),
      campaign: campaign?.name ?? (input.campaign || null),
      campaignId: campaign?.id ?? null,
      inspectorUserId: actor.userId,
      inspectorName: actor.displayName,
      inspectedAt,
      lng: input.location?.longitude ?? null,
      lat: input.location?.latitude ?? null,
      note: input.note || null,
      itemCount: input.items.length,
      failedCount: failed,
      createdAt: now,
    });
    const items = [];
    for (const [index, item] of input.items.entries()) {
      const finding = item.finding || null;
      const hazard = item.passed
        ? null
        : await writeHazard(tx, env, actor, {
            enterprise,
            level: item.level ?? 'general',
            source: 'inspection',
            description: finding ? `${item.item}：${finding}` : `${item.item}（不合格）`,
            place: null,
            inspectionId: inspection.id,
            caseId: null,
            gridFindingId: null,
            photos: photos[index]!,
          });
      items.push({
        inspectionId: inspection.id,
        seq: index + 1,
        item: item.item,
        passed: item.passed,
        finding,
        hazardId: hazard?.id ?? null,
      });
    }
    await insertInspectionItems(tx, items);
    return inspection.id;
  });
  return getInspection(ctx, actor, id);
}

/** One inspection with its checklist, in the actor's scope (an enterprise account: of its own). */
export async function getInspection(ctx: AppContext, actor: Actor, id: number): Promise<InspectionView> {
  const row = await findInspection(ctx.db, id);
  if (!row) throw new AppError('INSPECTION_NOT_FOUND', `检查 ${id} 不存在`);
  await assertSafetyReachable(ctx.db, actor, row, row.enterpriseId);
  const items = await findInspectionItems(ctx.db, [id]);
  return presentInspection(row, items.get(id) ?? [], actor);
}

/** A page of inspections in the actor's scope (an enterprise account: its own), newest first. */
export async function listInspectionsForActor(
  ctx: AppContext,
  actor: Actor,
  query: InspectionListQuery,
): Promise<InspectionPage> {
  const scope = await safetyListScopeOf(ctx.db, actor, query.enterpriseId);
  if (!scope) return pageAnswer([], 0, query);
  const { rows, total } = await listInspections(ctx.db, { ...query, ...scope });
  const items = await findInspectionItems(
    ctx.db,
    rows.map((r) => r.id),
  );
  return pageAnswer(
    rows.map((r) => presentInspection(r, items.get(r.id) ?? [], actor)),
    total,
    query,
  );
}
