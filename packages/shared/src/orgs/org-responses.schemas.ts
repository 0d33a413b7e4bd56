import { z } from 'zod';
import { BoundaryGeometry } from '../geo/geo.schemas.js';
import { GridStaffRole, OrgKind } from './org-kinds.js';

/** An org in lists and the tree (`OrgSummary`). */
export const OrgSummary = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    /** official code (行政区划代码, grid code) or the platform's code of a functional unit */
    code: z.string(),
    name: z.string(),
    kind: OrgKind,
    active: z.boolean(),
    depth: z.number().int(),
    /** the middle of its boundary (GCJ-02), for the map */
    center: z.object({ lng: z.number(), lat: z.number() }).nullable(),
    hasBoundary: z.boolean(),
    childCount: z.number().int(),
    sort: z.number().int(),
    /** the version a change must name (optimistic locking) */
    version: z.number().int(),
  })
  .meta({ id: 'OrgSummary' });
export type OrgSummary = z.output<typeof OrgSummary>;

/** An org above another, as its detail names it. */
export const OrgAncestor = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: OrgKind,
  /** whether the caller may open this ancestor (above one's scope it is shown, not linked) */
  inScope: z.boolean(),
});
export type OrgAncestor = z.output<typeof OrgAncestor>;

/** One member of a grid's staff; the phone masked for callers without `personal_data.read`. */
export const GridStaffView = z.object({
  id: z.number().int(),
  role: GridStaffRole,
  name: z.string(),
  phone: z.string().nullable(),
});
export type GridStaffView = z.output<typeof GridStaffView>;

/** One org in full: boundary, ancestors and, for grids, staff (`GET /api/v1/orgs/:id`). */
export const OrgDetail = OrgSummary.extend({
  /** GeoJSON Polygon or MultiPolygon (GCJ-02) of a territorial org */
  boundary: BoundaryGeometry.nullable(),
  ancestors: z.array(OrgAncestor),
  staff: z.array(GridStaffView),
}).meta({ id: 'OrgDetail' });
export type OrgDetail = z.output<typeof OrgDetail>;

/** One level of the org tree: the scope's root, or the children of an org. */
export const OrgTreeLevel = z.object({ items: z.array(OrgSummary) });
export type OrgTreeLevel = z.output<typeof OrgTreeLevel>;

/** A grid's staff after it was set. */
export const GridStaffAnswer = z.object({ staff: z.array(GridStaffView) });
export type GridStaffAnswer = z.output<typeof GridStaffAnswer>;

/** An org a located point lies in. */
export const LocatedOrg = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
});
export type LocatedOrg = z.output<typeof LocatedOrg>;

/** Where a point lies: its grid and the community, town, district and city above it (null when none). */
export const LocatedPointView = z
  .object({
    grid: LocatedOrg.nullable(),
    community: LocatedOrg.nullable(),
    town: LocatedOrg.nullable(),
    district: LocatedOrg.nullable(),
    city: LocatedOrg.nullable(),
  })
  .meta({ id: 'LocatedPointView' });
export type LocatedPointView = z.output<typeof LocatedPointView>;

/** `GET /api/v1/orgs/tree` query: the children of `parentId`, or the caller's scope root. */
export const OrgTreeQuery = z.object({ parentId: z.coerce.number().int().positive().optional() }).strict();
export type OrgTreeQuery = z.output<typeof OrgTreeQuery>;

/** Body of an org's version-checked actions (deactivate, activate): the version the user read. */
export const OrgVersionInput = z.object({ version: z.number().int().min(0) }).strict();
export type OrgVersionInput = z.output<typeof OrgVersionInput>;
