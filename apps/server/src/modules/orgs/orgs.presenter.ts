import { maskPhone } from '@shanzhi/shared';
import { z } from 'zod';
import { type Actor, isInScope } from '../../platform/auth/actor.js';
import { seesPersonalData } from './orgs.policy.js';
import type { OrgListRow, OrgRow } from './orgs.repository.js';
import type { getOrgDetail, LocatedChain } from './orgs.service.js';

/** An org in lists and trees. */
export const OrgSummary = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  active: z.boolean(),
  depth: z.number().int(),
  center: z.object({ lng: z.number(), lat: z.number() }).nullable(),
  hasBoundary: z.boolean(),
  childCount: z.number().int(),
  sort: z.number().int(),
  version: z.number().int(),
});
export type OrgSummary = z.infer<typeof OrgSummary>;

const Ancestor = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  /** whether the caller may open this ancestor (above one's scope it is shown, not linked) */
  inScope: z.boolean(),
});

/** One org in full: boundary, ancestors and, for grids, staff. */
export const OrgDetail = OrgSummary.extend({
  boundary: z.unknown().nullable(),
  ancestors: z.array(Ancestor),
  staff: z.array(
    z.object({ id: z.number().int(), role: z.string(), name: z.string(), phone: z.string().nullable() }),
  ),
});

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
    kind: row.kind,
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
export function presentOrgDetail(detail: Awaited<ReturnType<typeof getOrgDetail>>, actor: Actor) {
  const unmasked = seesPersonalData(actor);
  return {
    ...presentOrgRow(detail.org, detail.childCount),
    boundary: detail.org.boundary ?? null,
    ancestors: detail.ancestors.map(({ id, code, name, kind, path }) => ({
      id,
      code,
      name,
      kind,
      inScope: isInScope(actor, path),
    })),
    staff: detail.staff.map((s) => ({
      id: s.id,
      role: s.role,
      name: s.name,
      phone: unmasked ? s.phone : maskPhone(s.phone),
    })),
  };
}

const LocatedOrg = z
  .object({ id: z.number().int(), code: z.string(), name: z.string(), kind: z.string() })
  .nullable();

/** Where a point lies: its grid and the community, town, district and city above it (null when none). */
export const LocatedPointView = z.object({
  grid: LocatedOrg,
  community: LocatedOrg,
  town: LocatedOrg,
  district: LocatedOrg,
  city: LocatedOrg,
});
export type LocatedPointView = z.infer<typeof LocatedPointView>;

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
