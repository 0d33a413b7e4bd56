import {
  assertLifecycleTransition,
  MARKET_MERCHANT_LIFECYCLE,
  type MarketMerchantActed,
  type MarketMerchantAction,
  type MarketMerchantActionInput,
  type MarketMerchantListQuery,
  type MarketMerchantPage,
  type MarketMerchantStatus,
  type MarketMerchantView,
  MERCHANT_REVIEW_SCORE_THRESHOLD,
  type MerchantApplicationInput,
  type MerchantApplicationSubmitted,
  mayTakeLifecycleAction,
  parseClockMinutes,
  TransitionError,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError, fieldError, versionConflict } from '../../platform/errors/app-error.js';
import { offsetOf, pageAnswer } from '../../platform/http/lists.js';
import { recordActorAudit, recordAudit } from '../audit/audit.repository.js';
import { forgetSessions } from '../auth/session-cache.js';
import { listItems } from './items.repository.js';
import { closeMerchantAccounts, openMerchantAccount } from './merchant-accounts.js';
import {
  findLiveMerchantByLicence,
  findMerchantInScope,
  insertMerchant,
  listMerchants,
  type MerchantRow,
  serviceAreasOf,
  staffUsernamesOf,
  updateMerchantStatus,
} from './merchant-register.repository.js';
import { applicationNumberOf, type MerchantRefs, presentMerchant } from './merchants.presenter.js';

/** The kinds of org a merchant may cover: a district or a town/street. */
const AREA_KINDS = ['district', 'town'];

/** Refuses (400 on the field) items that are not active and areas that are not active districts or towns. */
async function assertOfferable(db: DbOrTx, input: MerchantApplicationInput): Promise<void> {
  const active = new Set((await listItems(db)).map((i) => i.id));
  input.itemIds.forEach((id, i) => {
    if (!active.has(id)) throw fieldError(`itemIds.${i}`, 'not_found', '该服务项目不存在或已停用');
  });
  const areas = await serviceAreasOf(db, input.areaOrgIds);
  input.areaOrgIds.forEach((id, i) => {
    const area = areas.find((a) => a.id === id);
    if (!area?.active || !AREA_KINDS.includes(area.kind))
      throw fieldError(`areaOrgIds.${i}`, 'not_found', '服务区域须为本市的区或镇/街道');
  });
}

/**
 * 商户入驻: a merchant applies on the portal, without an account. Its items and areas must exist, and its
 * licence must not be pending or on the platform already (409 DUPLICATE_CREDIT_CODE). It waits, `applied`,
 * for the centre's review; the answer carries its 申请编号.
 */
export async function applyAsMerchant(
  ctx: AppContext,
  input: MerchantApplicationInput,
  ip: string,
): Promise<MerchantApplicationSubmitted> {
  await assertOfferable(ctx.db, input);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    if (await findLiveMerchantByLicence(tx, input.licenceNo))
      throw new AppError(
        'DUPLICATE_CREDIT_CODE',
        `统一社会信用代码 ${input.licenceNo} 已有入驻申请或已入驻，请勿重复申请`,
        [{ field: 'licenceNo', code: 'duplicate', message: '该统一社会信用代码已申请或已入驻' }],
      );
    const inserted = await insertMerchant(tx, {
      name: input.name,
      licenceNo: input.licenceNo,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      status: 'applied',
      areaOrgIds: input.areaOrgIds,
      baseLongitude: input.baseLocation?.longitude ?? null,
      baseLatitude: input.baseLocation?.latitude ?? null,
      radiusKm: input.radiusKm ?? null,
      itemIds: input.itemIds,
      opensMinute: parseClockMinutes(input.opensAt),
      closesMinute: parseClockMinutes(input.closesAt),
      prices: input.prices,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(
      tx,
      {
        action: 'market_merchant.applied',
        targetType: 'market_merchant',
        targetId: inserted.id,
        ip,
        detail: { name: input.name, licenceNo: input.licenceNo },
      },
      now,
    );
    return inserted;
  });
  return { id: row.id, applicationNumber: applicationNumberOf(row), status: 'applied' };
}

/** The names and staff a set of merchant rows refers to. */
async function refsOf(db: DbOrTx, rows: MerchantRow[]): Promise<MerchantRefs> {
  const areaIds = [...new Set(rows.flatMap((r) => r.areaOrgIds))];
  const [items, areas, staff] = await Promise.all([
    listItems(db),
    serviceAreasOf(db, areaIds),
    staffUsernamesOf(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return {
    itemNames: new Map(items.map((i) => [i.id, i.name])),
    areaNames: new Map(areas.map((a) => [a.id, a.name])),
    staff,
  };
}

/** 商户管理: a page of the merchants covering the reviewer's scope, newest application first. */
export async function listMerchantsForActor(
  ctx: AppContext,
  actor: Actor,
  query: MarketMerchantListQuery,
): Promise<MarketMerchantPage> {
  const { rows, total } = await listMerchants(ctx.db, {
    scopePath: actor.scopePath,
    status: query.status,
    q: query.q || undefined,
    scoreBelow: query.flagged === 'true' ? MERCHANT_REVIEW_SCORE_THRESHOLD : undefined,
    limit: query.pageSize,
    offset: offsetOf(query),
  });
  const refs = await refsOf(ctx.db, rows);
  return pageAnswer(
    rows.map((r) => presentMerchant(r, refs, actor)),
    total,
    query,
  );
}

/** Loads a merchant covering the reviewer's scope, or answers 404. */
async function loadMerchant(db: DbOrTx, actor: Actor, id: number, forUpdate = false) {
  const row = await findMerchantInScope(db, id, actor.scopePath, forUpdate);
  if (!row) throw new AppError('MARKET_MERCHANT_NOT_FOUND', `商户 ${id} 不存在`);
  return row;
}

/** One merchant, with its review actions. */
export async function getMerchant(ctx: AppContext, actor: Actor, id: number): Promise<MarketMerchantView> {
  const row = await loadMerchant(ctx.db, actor, id);
  return presentMerchant(row, await refsOf(ctx.db, [row]), actor);
}

/** The review table's answer for `action` from `status`: the next status, or 409 TRANSITION_NOT_ALLOWED. */
function nextStatus(status: MarketMerchantStatus, action: MarketMerchantAction): MarketMerchantStatus {
  try {
    return assertLifecycleTransition(MARKET_MERCHANT_LIFECYCLE, status, action);
  } catch (error) {
    if (error instanceof TransitionError) throw new AppError('TRANSITION_NOT_ALLOWED', error.message);
    throw error;
  }
}

/**
 * A review action (通过 · 拒绝 · 暂停 · 恢复 · 清退) in one transaction: lock the merchant → check the version
 * → assert the review table → the role → set the status and the reason → on approval open its first staff
 * account, on removal close its accounts → audit. Answers the merchant and, on approval, the account with its initial password.
 */
export async function actOnMerchant(
  ctx: AppContext,
  actor: Actor,
  id: number,
  action: MarketMerchantAction,
  input: MarketMerchantActionInput,
): Promise<MarketMerchantActed> {
  const now = ctx.clock.now();
  const { row, account } = await ctx.db.transaction(async (tx) => {
    const current = await loadMerchant(tx, actor, id, true);
    if (current.version !== input.version) throw versionConflict('商户', current.version);
    const to = nextStatus(current.status as MarketMerchantStatus, action);
    if (!mayTakeLifecycleAction(MARKET_MERCHANT_LIFECYCLE, action, actor.roles))
      throw new AppError(
        'FORBIDDEN',
        `您的角色不能${MARKET_MERCHANT_LIFECYCLE.transitions[action].label}商户`,
      );
    const note = input.reason ?? input.note ?? null;
    const updated = await updateMerchantStatus(tx, id, input.version, {
      status: to,
      reviewNote: note,
      updatedAt: now,
    });
    if (!updated) throw versionConflict('商户', current.version);
    const opened = action === 'approve' ? await openMerchantAccount(tx, actor, updated, now) : null;
    if (action === 'remove') await closeMerchantAccounts(tx, actor, id, now);
    await recordActorAudit(tx, actor, now, {
      action: MARKET_MERCHANT_LIFECYCLE.events[action],
      targetType: 'market_merchant',
      targetId: id,
      detail: {
        from: current.status,
        to,
        ...(note ? { note } : {}),
        ...(opened ? { username: opened.username } : {}),
      },
    });
    return { row: updated, account: opened };
  });
  if (action === 'remove') await forgetSessions(ctx);
  return { merchant: presentMerchant(row, await refsOf(ctx.db, [row]), actor), account };
}
