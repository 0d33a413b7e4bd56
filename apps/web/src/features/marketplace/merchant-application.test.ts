import { completeCreditCode, MerchantApplicationInput } from '@shanzhi/shared';
import { describe, expect, it } from 'vitest';
import { applicationInputOf, OPENING_CLOCKS } from './merchant-application.js';

const values = {
  name: '海勃湾安家开锁服务部',
  licenceNo: completeCreditCode('91150302MA0AB1230'),
  contactName: '王师傅',
  contactPhone: '13947300001',
  itemIds: [3, 7],
  areaOrgIds: [12],
  opensAt: '08:00',
  closesAt: '24:00',
};

describe('the merchant application form', () => {
  it('offers every half hour from 00:00 to 24:00', () => {
    expect(OPENING_CLOCKS).toHaveLength(49);
    expect(OPENING_CLOCKS.slice(0, 3)).toEqual(['00:00', '00:30', '01:00']);
    expect(OPENING_CLOCKS.at(-1)).toBe('24:00');
  });

  it('sends one price per item chosen, in order, dropping an item unchosen', () => {
    const input = applicationInputOf({
      ...values,
      prices: { '7': { min: 80, max: 200 }, '3': { min: 50, max: 120 }, '9': { min: 1, max: 2 } },
    });
    expect(input.prices).toEqual([
      { itemId: 3, min: 50, max: 120 },
      { itemId: 7, min: 80, max: 200 },
    ]);
  });

  it('reads a single price typed in one box as both ends of the range', () => {
    const input = applicationInputOf({ ...values, itemIds: [3], prices: { '3': { max: 60, min: null } } });
    expect(input.prices).toEqual([{ itemId: 3, min: 60, max: 60 }]);
  });

  it('gives the API an application its schema accepts, a price for every item', () => {
    const parsed = MerchantApplicationInput.safeParse(
      applicationInputOf({ ...values, prices: { '3': { min: 1 } } }),
    );
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('sends the base point and radius given, and the schema names the one missing', () => {
    const base = {
      point: { lng: 106.82, lat: 39.67 },
      located: {} as never,
      areaName: '海勃湾区',
    };
    const withRadius = applicationInputOf({
      ...values,
      itemIds: [3],
      prices: { '3': { min: 1 } },
      base,
      radiusKm: 3,
    });
    expect(withRadius).toMatchObject({ baseLocation: { longitude: 106.82, latitude: 39.67 }, radiusKm: 3 });
    expect(MerchantApplicationInput.safeParse(withRadius).success).toBe(true);
    const noBase = applicationInputOf({ ...values, itemIds: [3], prices: { '3': { min: 1 } }, radiusKm: 3 });
    expect(noBase).not.toHaveProperty('baseLocation');
    const parsed = MerchantApplicationInput.safeParse(noBase);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['baseLocation']);
  });
});
