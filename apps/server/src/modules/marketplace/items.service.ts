import type { MarketItemAdminList, MarketItemAdminView, UpdateMarketItemInput } from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { presentItemForAdmin } from './items.presenter.js';
import { listAllItems, lockItem, updateItem } from './items.repository.js';

/** 服务项目管理: every item, active or not. */
export async function listItemsForAdmin(ctx: AppContext): Promise<MarketItemAdminList> {
  return { items: (await listAllItems(ctx.db)).map(presentItemForAdmin) };
}

/** The fields of an item that differ between `before` and `after`, with both values (the audit's detail). */
function changesOf(before: Record<string, unknown>, after: Record<string, unknown>) {
  return Object.fromEntries(
    Object.keys(after)
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .map((k) => [k, { from: before[k], to: after[k] }]),
  );
}

/** 编辑服务项目: its name, text, questions, price range, acceptance limit and whether offered; audited with the changes. */
export async function editItem(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: UpdateMarketItemInput,
): Promise<MarketItemAdminView> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await lockItem(tx, id);
    if (!before) throw new AppError('MARKET_ITEM_NOT_FOUND', `服务项目 ${id} 不存在`);
    const after = (await updateItem(tx, id, input))!;
    await recordActorAudit(tx, actor, now, {
      action: 'market_item.updated',
      targetType: 'market_item',
      targetId: id,
      detail: { code: before.code, changes: changesOf(before, input) },
    });
    return presentItemForAdmin(after);
  });
}
