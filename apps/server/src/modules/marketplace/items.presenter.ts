import type { MarketItemAdminView, MarketItemQuestion, MarketItemView } from '@shanzhi/shared';
import type { ItemRow } from './items.repository.js';

/** A service item as the API shows it to anyone. */
export function presentItem(r: ItemRow): MarketItemView {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    category: r.category,
    description: r.description,
    questions: r.questions as MarketItemQuestion[],
    priceMin: r.priceMin,
    priceMax: r.priceMax,
    acceptMinutes: r.acceptMinutes,
    needsMerchant: r.needsMerchant,
  };
}

/** A service item as its administrator sees it: whether it is offered too. */
export function presentItemForAdmin(r: ItemRow): MarketItemAdminView {
  return { ...presentItem(r), active: r.active };
}
