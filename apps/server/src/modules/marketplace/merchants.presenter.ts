import {
  clockOfMinute,
  lifecycleActionsFrom,
  MARKET_MERCHANT_LIFECYCLE,
  type MarketMerchantStatus,
  type MarketMerchantView,
  type MerchantPrice,
  maskPersonName,
  maskPhone,
  needsScoreReview,
  toBeijingCompactDate,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import { readsPersonalData } from '../../platform/auth/free-text-masking.js';
import type { MerchantRow } from './merchant-register.repository.js';

/** 申请编号: `RZ` + the Beijing date of the application + its id on 6 digits. */
export function applicationNumberOf(row: Pick<MerchantRow, 'id' | 'createdAt'>): string {
  return `RZ${toBeijingCompactDate(row.createdAt)}${String(row.id).padStart(6, '0')}`;
}

/** What a page of merchants refers to by id: item and area names, and each merchant's staff accounts. */
export interface MerchantRefs {
  itemNames: ReadonlyMap<number, string>;
  areaNames: ReadonlyMap<number, string>;
  staff: ReadonlyMap<number, string[]>;
}

/** A merchant as `actor` sees it: the contact masked without `personal_data.read`, his review actions now. */
export function presentMerchant(row: MerchantRow, refs: MerchantRefs, actor: Actor): MarketMerchantView {
  const full = readsPersonalData(actor);
  const status = row.status as MarketMerchantStatus;
  const named = (ids: number[], names: ReadonlyMap<number, string>) =>
    ids.map((id) => ({ id, name: names.get(id) ?? `#${id}` }));
  return {
    id: row.id,
    applicationNumber: applicationNumberOf(row),
    version: row.version,
    name: row.name,
    licenceNo: row.licenceNo,
    contactName: full ? row.contactName : maskPersonName(row.contactName),
    contactPhone: full ? row.contactPhone : (maskPhone(row.contactPhone) ?? ''),
    status,
    items: named(row.itemIds, refs.itemNames),
    areas: named(row.areaOrgIds, refs.areaNames),
    baseLocation:
      row.baseLongitude !== null && row.baseLatitude !== null
        ? { longitude: row.baseLongitude, latitude: row.baseLatitude }
        : null,
    radiusKm: row.radiusKm,
    opensAt: clockOfMinute(row.opensMinute),
    closesAt: clockOfMinute(row.closesMinute),
    prices: row.prices as MerchantPrice[],
    score: row.score,
    needsReview: needsScoreReview(row.score),
    reviewNote: row.reviewNote,
    staffUsernames: refs.staff.get(row.id) ?? [],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    actions: actor.permissions.has('market_merchant.review')
      ? lifecycleActionsFrom(MARKET_MERCHANT_LIFECYCLE, status, actor.roles)
      : [],
  };
}
