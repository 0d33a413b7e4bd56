import {
  type GridPhotoRole,
  houseLabel,
  maskPersonName,
  type VisitPurpose,
  type VisitView,
} from '@shanzhi/shared';
import type { FreeTextMasking } from '../../../platform/auth/free-text-masking.js';
import type { PhotoRow } from '../findings.repository.js';
import { gridPhotoUrl } from '../grid-photos.js';
import type { VisitListRow } from './visits.repository.js';

/** What a visit's view is made from besides its row. */
export interface VisitExtras {
  photos: readonly PhotoRow[];
  /** names of residents by id (the people met) */
  residents: ReadonlyMap<number, { name: string }>;
  masking: FreeTextMasking;
}

/** A visit as the API shows it: its free text masked, and the people met by name (masked) for the caller. */
export function presentVisit(row: VisitListRow, extras: VisitExtras): VisitView {
  const { masking } = extras;
  return {
    id: row.id,
    houseId: row.houseId,
    houseLabel: houseLabel({
      address: row.houseAddress,
      building: row.houseBuilding,
      unit: row.houseUnit,
      room: row.houseRoom,
    }),
    gridId: row.gridId,
    gridName: row.gridName,
    visitorUserId: row.visitorUserId,
    visitorName: row.visitorName,
    visitedAt: row.visitedAt.toISOString(),
    purpose: row.purpose as VisitPurpose,
    met: masking.text(row.met),
    metResidents: row.metResidentIds.flatMap((id) => {
      const resident = extras.residents.get(id);
      if (!resident) return [];
      return [{ id, name: masking.inFull ? resident.name : maskPersonName(resident.name)! }];
    }),
    note: masking.text(row.note),
    needs: row.needs.map((need) => ({
      description: masking.text(need.description),
      findingId: need.findingId,
    })),
    photos: extras.photos.map((p) => ({ id: p.id, role: p.role as GridPhotoRole, url: gridPhotoUrl(p.id) })),
    location: row.lng === null || row.lat === null ? null : { longitude: row.lng, latitude: row.lat },
    createdAt: row.createdAt.toISOString(),
  };
}
