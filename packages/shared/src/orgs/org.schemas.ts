import { z } from 'zod';
import { BoundaryGeometry } from '../geo/geo.schemas.js';
import { PageQuery } from '../lists/list.schemas.js';
import { GridStaffRole, OrgKind } from './org-kinds.js';

const name = z.string().trim().min(1, '名称不能为空').max(100, '名称不超过 100 个字');
const code = z
  .string()
  .trim()
  .min(1, '编码不能为空')
  .max(40, '编码不超过 40 个字符')
  .regex(/^[0-9A-Za-z._-]+$/, '编码只能包含字母、数字和 . _ -');

/** `POST /api/v1/orgs` body. */
export const CreateOrgInput = z
  .object({
    /** parent org; required for every kind but a city */
    parentId: z.number().int().positive().nullable(),
    code,
    name,
    kind: OrgKind,
    /** GeoJSON Polygon/MultiPolygon for territorial orgs */
    boundary: BoundaryGeometry.optional(),
    sort: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();
export type CreateOrgInput = z.infer<typeof CreateOrgInput>;

/** `PATCH /api/v1/orgs/:id` body: only the fields to change, plus the version the client read. */
export const UpdateOrgInput = z
  .object({
    version: z.number().int().min(0),
    parentId: z.number().int().positive().optional(),
    code: code.optional(),
    name: name.optional(),
    boundary: BoundaryGeometry.optional(),
    sort: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();
export type UpdateOrgInput = z.infer<typeof UpdateOrgInput>;

/** One member of a grid's staff. */
export const GridStaffMember = z
  .object({
    role: GridStaffRole,
    name: z.string().trim().min(1).max(40),
    phone: z
      .string()
      .regex(/^1\d{10}$/, '手机号应为 11 位数字')
      .nullable()
      .optional(),
  })
  .strict();
export type GridStaffMember = z.infer<typeof GridStaffMember>;

/** `PUT /api/v1/orgs/:id/staff` body: the whole staff of a grid (一格一长一警一专多兼). */
export const SetGridStaffInput = z
  .object({ staff: z.array(GridStaffMember).max(30) })
  .strict()
  .superRefine((value, ctx) => {
    for (const role of ['leader', 'police', 'full_time'] as const) {
      const n = value.staff.filter((s) => s.role === role).length;
      if (n > 1) ctx.addIssue({ code: 'custom', path: ['staff'], message: `${role} 只能有一人` });
    }
  });
export type SetGridStaffInput = z.infer<typeof SetGridStaffInput>;

/** `GET /api/v1/orgs` query. */
export const OrgListQuery = z
  .object({
    /** restrict to this org's subtree (default: the caller's whole scope) */
    within: z.coerce.number().int().positive().optional(),
    /** direct children of this org only */
    parentId: z.coerce.number().int().positive().optional(),
    kind: OrgKind.optional(),
    /** name or code contains */
    q: z.string().trim().max(50).optional(),
    active: z.enum(['true', 'false', 'all']).default('true'),
  })
  .extend(PageQuery.shape)
  .extend({ pageSize: PageQuery.shape.pageSize.unwrap().default(50) })
  .strict();
export type OrgListQuery = z.infer<typeof OrgListQuery>;

/** `GET /api/v1/orgs/locate` query. */
export const LocateQuery = z
  .object({
    lat: z.coerce.number().min(-90).max(90),
    lng: z.coerce.number().min(-180).max(180),
  })
  .strict();
export type LocateQuery = z.infer<typeof LocateQuery>;
