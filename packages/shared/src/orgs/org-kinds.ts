import { z } from 'zod';

/**
 * Kinds of organisation. The five territorial levels (市 → 区 → 镇/街道 → 村/社区 → 网格) plus the functional
 * units (bureaus, utilities, companies) and the social-governance centres that stand beside the tree.
 */
export const ORG_KINDS = ['city', 'district', 'town', 'community', 'grid', 'unit', 'center'] as const;
export const OrgKind = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof OrgKind>;

/** The five territorial levels, from the top: the kinds whose subtree is a piece of the city's land. */
export const TERRITORIAL_ORG_KINDS = [
  'city',
  'district',
  'town',
  'community',
  'grid',
] as const satisfies readonly OrgKind[];

/** Chinese labels for the UI. */
export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  city: '市',
  district: '区',
  town: '镇/街道',
  community: '村/社区',
  grid: '网格',
  unit: '职能单位',
  center: '社会治理中心',
};

/** Which kinds may sit directly under which parent kind (null = a root). */
export const ALLOWED_PARENT_KINDS: Record<OrgKind, readonly (OrgKind | null)[]> = {
  city: [null],
  district: ['city'],
  town: ['district'],
  community: ['town'],
  grid: ['community'],
  unit: ['city', 'district', 'town', 'unit'],
  center: ['city', 'district', 'town'],
};

/** Whether an org of `kind` may be placed under a parent of `parentKind` (null for a root). */
export function isParentKindAllowed(kind: OrgKind, parentKind: OrgKind | null): boolean {
  return ALLOWED_PARENT_KINDS[kind].includes(parentKind);
}

/** Roles a grid's staff hold under 一格一长一警一专多兼. */
export const GRID_STAFF_ROLES = ['leader', 'police', 'full_time', 'part_time'] as const;
export const GridStaffRole = z.enum(GRID_STAFF_ROLES);
export type GridStaffRole = z.infer<typeof GridStaffRole>;
export const GRID_STAFF_ROLE_LABELS: Record<GridStaffRole, string> = {
  leader: '格长',
  police: '网格警',
  full_time: '专职网格员',
  part_time: '兼职网格员',
};
