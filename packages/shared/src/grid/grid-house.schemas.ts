import { z } from 'zod';
import { bodyError, id, optionalText, text, version } from '../lifecycle/action-body.js';
import { PageQuery } from '../lists/list.schemas.js';
import { PlacePoint } from './grid-common.schemas.js';
import { HouseOccupancy, HouseUse } from './register-taxonomy.js';

/** The fields of a house (房屋) in the register, as a form or an import row gives them. */
const houseFields = {
  /** 所属网格 */
  gridId: id('所属网格'),
  /** 小区/街路巷及门牌: where the house is, down to the compound or the street number */
  address: text('小区/街路巷', 2, 100),
  /** 楼栋 (3号楼); empty for a bungalow */
  building: optionalText('楼栋', 20),
  /** 单元 */
  unit: optionalText('单元', 20),
  /** 房号 (301) */
  room: optionalText('房号', 20),
  /** 房屋用途 */
  use: HouseUse,
  /** 居住情况 */
  occupancy: HouseOccupancy,
  /** 建筑面积, in square metres */
  area: z
    .number({ error: '建筑面积须为数字' })
    .positive('建筑面积须大于 0')
    .max(100_000, '建筑面积不能超过 100000 ㎡')
    .optional(),
  /** 位置 (GCJ-02), for the map and as the place of what a visit finds */
  location: PlacePoint.optional(),
  /** 备注 */
  note: optionalText('备注', 500),
};

/** `POST /api/v1/grid/houses` 登记房屋. */
export const CreateHouseInput = z.strictObject(houseFields, { error: bodyError });
export type CreateHouseInput = z.infer<typeof CreateHouseInput>;

/** `PUT /api/v1/grid/houses/:id`: the whole house as it should now be, with the version it was read at. */
export const UpdateHouseInput = z.strictObject({ version, ...houseFields }, { error: bodyError });
export type UpdateHouseInput = z.infer<typeof UpdateHouseInput>;

/** A house as the API shows it. */
export const HouseView = z.object({
  id: z.number().int(),
  version: z.number().int(),
  gridId: z.number().int(),
  gridName: z.string(),
  communityName: z.string().nullable(),
  address: z.string(),
  building: z.string().nullable(),
  unit: z.string().nullable(),
  room: z.string().nullable(),
  /** the whole address as people write it: 幸福小区3号楼2单元301 */
  label: z.string(),
  use: HouseUse,
  occupancy: HouseOccupancy,
  area: z.number().nullable(),
  location: PlacePoint.nullable(),
  note: z.string().nullable(),
  /** residents registered in it */
  residentCount: z.number().int(),
  /** its last household visit, if any */
  lastVisitedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type HouseView = z.infer<typeof HouseView>;

/** `GET /api/v1/grid/houses`: a page of houses in the caller's scope. */
export const HouseListQuery = PageQuery.extend({
  /** an org (district … grid) of the caller's scope: only houses under it */
  within: z.coerce.number().int().positive().optional(),
  /** 关键词: in the address, building, unit or room */
  q: z.string().trim().min(1).max(100).optional(),
  use: HouseUse.optional(),
  occupancy: HouseOccupancy.optional(),
  /**
   * households not visited for this many days (never visited included), the longest-unvisited first: the
   * worker's list of whom to see next
   */
  notVisitedForDays: z.coerce.number().int().min(1).max(3650).optional(),
}).strict();
export type HouseListQuery = z.infer<typeof HouseListQuery>;

/** `address` `building` `unit` `room` as one line: 幸福小区 + 3号楼 + 2单元 + 301. */
export function houseLabel(house: {
  address: string;
  building?: string | null;
  unit?: string | null;
  room?: string | null;
}): string {
  return [house.address, house.building, house.unit, house.room].filter(Boolean).join('');
}

/**
 * What makes two houses one: their address parts with spaces dropped, full-width folded and the usual
 * suffixes (号楼/栋/幢, 单元, 室/号) read alike, so that `3号楼 2单元 301室` and `3栋2单元301` are the same house.
 */
export function houseKeyOf(house: {
  address: string;
  building?: string | null;
  unit?: string | null;
  room?: string | null;
}): string {
  const fold = (part: string | null | undefined, suffixes: RegExp) =>
    (part ?? '').normalize('NFKC').replace(/\s+/g, '').toUpperCase().replace(suffixes, '');
  return [
    fold(house.address, /$^/),
    fold(house.building, /(号楼|号|栋|幢|楼)$/),
    fold(house.unit, /(单元)$/),
    fold(house.room, /(室|号)$/),
  ].join('|');
}
