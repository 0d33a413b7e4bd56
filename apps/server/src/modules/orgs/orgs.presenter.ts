import {
  type BoundaryGeometry,
  type GridStaffRole,
  type GridStaffView,
  type LocatedPointView,
  maskPhone,
  type OrgDetail,
  type OrgKind,
  type OrgSummary,
} from '@shanzhi/shared';
import { type Actor, isInScope } from '../../platform/auth/actor.js';
import { seesPersonalData } from './orgs.policy.js';
import type { OrgListRow, OrgRow } from './orgs.repository.js';
import type { getOrgDetail, LocatedChain } from './orgs.service.js';

function centerOf(row: { centerLng: number | null; centerLat: number | null }) {
  return row.centerLng === null || row.centerLat === null ? null : { lng: row.centerLng, lat: row.centerLat };
}

/** A list row as the API shows it. */
export function presentOrgSummary(row: OrgListRow): OrgSummary {
  return {
    id: row.id,
    parentId: row.parentId,
    code: row.code,
    name: row.name,
    kind: row.kind as OrgKind,
    active: row.active,
    depth: row.depth,
    center: centerOf(row),
    hasBoundary: row.hasBoundary,
    childCount: row.childCount,
    sort: row.sort,
    version: row.version,
  };
}

/** An org row (after a write) as the API shows it. */
export function presentOrgRow(row: OrgRow, childCount = 0): OrgSummary {
  return presentOrgSummary({ ...row, hasBoundary: row.boundary !== null, childCount });
}

/** The detail answer; staff phones are masked for those without `personal_data.read`. */
export function presentOrgDetail(detail: Awaited<ReturnType<typeof getOrgDetail>>, actor: Actor): OrgDetail {
  return {
    ...presentOrgRow(detail.org, detail.childCount),
    // boundaries are validated as they are written
    boundary: (detail.org.boundary as BoundaryGeometry | null) ?? null,
    ancestors: detail.ancestors.map(({ id, code, name, kind, path }) => ({
      id,
      code,
      name,
      kind: kind as OrgKind,
      inScope: isInScope(actor, path),
    })),
    staff: presentGridStaff(detail.staff, actor),
  };
}

/** A grid's staff; their phones masked for those without `personal_data.read`. */
export function presentGridStaff(
  staff: readonly { id: number; role: string; name: string; phone: string | null }[],
  actor: Actor,
): GridStaffView[] {
  const unmasked = seesPersonalData(actor);
  return staff.map((s) => ({
    id: s.id,
    role: s.role as GridStaffRole,
    name: s.name,
    phone: unmasked ? s.phone : maskPhone(s.phone),
  }));
}

/** A located chain as the API shows it: id, code, name and kind of each level. */
export function presentLocatedChain(chain: LocatedChain): LocatedPointView {
  const brief = (o: LocatedChain['grid']) =>
    o ? { id: o.id, code: o.code, name: o.name, kind: o.kind } : null;
  return {
    grid: brief(chain.grid),
    community: brief(chain.community),
    town: brief(chain.town),
    district: brief(chain.district),
    city: brief(chain.city),
  };
}
