import type { MerchantApplicationInput } from '@shanzhi/shared';
import type { PickedPlace } from '../cases/components/LocationField.js';

/** The opening hours a merchant picks from: every half hour, and `24:00` (until midnight) to close. */
export const OPENING_CLOCKS: readonly string[] = Array.from({ length: 49 }, (_, n) => {
  const minute = n * 30;
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${minute % 60 === 0 ? '00' : '30'}`;
});

/** The application form's values: the price list keyed by item id, as the form holds it. */
export interface MerchantApplicationValues {
  name: string;
  licenceNo: string;
  contactName: string;
  contactPhone: string;
  itemIds: number[];
  areaOrgIds: number[];
  /** 商户位置, the centre of the service radius (optional) */
  base?: PickedPlace | null;
  /** 服务半径 in km (optional, with `base`) */
  radiusKm?: number | null;
  opensAt: string;
  closesAt: string;
  prices?: Record<string, { min?: number | null; max?: number | null } | undefined>;
}

/**
 * The API's application from the form: one price entry per item chosen, in the order chosen (a price typed
 * for an item since unchosen is dropped); a single price typed in one box stands for both ends. The base point
 * and radius go as they were given (the server names the one missing).
 */
export function applicationInputOf(values: MerchantApplicationValues): MerchantApplicationInput {
  const { prices = {}, base, radiusKm, ...rest } = values;
  return {
    ...rest,
    ...(base ? { baseLocation: { longitude: base.point.lng, latitude: base.point.lat } } : {}),
    ...(radiusKm !== null && radiusKm !== undefined ? { radiusKm } : {}),
    prices: values.itemIds.map((itemId) => {
      const typed = prices[String(itemId)] ?? {};
      const min = typed.min ?? typed.max ?? 0;
      const max = typed.max ?? typed.min ?? 0;
      return { itemId, min, max };
    }),
  };
}
