import { type HouseOccupancy, type HouseUse, type HouseView, houseLabel } from '@shanzhi/shared';
import type { FreeTextMasking } from '../../../platform/auth/free-text-masking.js';
import type { HouseListRow } from './houses.repository.js';

/** A house row as the API shows it to a caller (his masking of free text). */
export function presentHouse(row: HouseListRow, masking: FreeTextMasking): HouseView {
  return {
    id: row.id,
    version: row.version,
    gridId: row.gridId,
    gridName: row.gridName,
    communityName: row.communityName,
    address: row.address,
    building: row.building,
    unit: row.unit,
    room: row.room,
    label: houseLabel(row),
    use: row.use as HouseUse,
    occupancy: row.occupancy as HouseOccupancy,
    area: row.area,
    location: row.lng === null || row.lat === null ? null : { longitude: row.lng, latitude: row.lat },
    note: masking.text(row.note),
    residentCount: row.residentCount,
    lastVisitedAt: row.lastVisitedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
