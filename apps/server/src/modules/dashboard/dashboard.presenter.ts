import type { BoundaryGeometry, CaseState, DashboardArea, DashboardCase, SlaLight } from '@shanzhi/shared';
import type { FreeTextMasking } from '../../platform/auth/free-text-masking.js';
import type { AreaRow, DashboardCaseRow } from './dashboard.repository.js';

/** What a 保密 case shows on a wall that visitors see. */
const PRIVATE_TITLE = '（保密诉求）';

/** A case as the wall shows it: its title masked as the viewer must read it, a 保密 case's title withheld. */
export function presentDashboardCase(row: DashboardCaseRow, masking: FreeTextMasking): DashboardCase {
  return {
    id: row.id,
    number: row.number,
    title: row.keep_private ? PRIVATE_TITLE : masking.text(row.title),
    categoryName: row.category_name,
    placeName: row.place_name,
    state: row.state as CaseState,
    light: row.light as SlaLight,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** An area of the map with its open cases. */
export function presentArea(row: AreaRow, openCases: Map<number, number>): DashboardArea {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    boundary: (row.boundary as BoundaryGeometry | null) ?? null,
    center:
      row.center_lng === null || row.center_lat === null
        ? null
        : [Number(row.center_lng), Number(row.center_lat)],
    openCases: openCases.get(row.id) ?? 0,
  };
}
