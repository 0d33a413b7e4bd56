import { z } from 'zod';
import { bodyError, id, optionalText, text } from '../lifecycle/action-body.js';
import { KeysetQuery, PageQuery } from '../lists/list.schemas.js';
import { GridPhotoView, Instant, PhotoUpload, PlacePoint } from './grid-common.schemas.js';
import { AdmissionItemCode } from './grid-finding.schemas.js';
import { VisitPurpose } from './register-taxonomy.js';

/** Needs one visit may note. */
export const MAX_VISIT_NEEDS = 5;

/** A need found on a visit; `report` makes it a finding (网格事件) of the grid, which may then go up as a case. */
export const VisitNeed = z.strictObject(
  {
    /** 需求/问题 */
    description: text('需求描述', 2, 500),
    /** 登记为网格事件: the need becomes a finding at the house, recorded by the visitor */
    report: z.boolean({ error: '是否登记为网格事件须为真或假' }).default(false),
    /** 事项 of the finding (a catalog category) */
    categoryId: id('事项').optional(),
    /** 网格事项 of the finding (admission list) */
    admissionItemCode: AdmissionItemCode.optional(),
  },
  { error: bodyError },
);
export type VisitNeed = z.infer<typeof VisitNeed>;

/**
 * `POST /api/v1/grid/visits` 入户走访, from the phone or the console, with an `Idempotency-Key` header: a retried
 * upload is answered 409 ALREADY_RECEIVED with `Location` of the visit the first one made, and makes nothing
 * new. Minimal body: `{houseId, purpose, note}`.
 */
export const RecordVisitInput = z.strictObject(
  {
    /** 走访户: a house of the register, in the visitor's scope */
    houseId: id('走访户'),
    /** 走访事由 */
    purpose: VisitPurpose,
    /** 走访情况: what was learned */
    note: text('走访情况', 2, 1000),
    /** 见到的人, as the visitor writes it (户主张某及其配偶) */
    met: optionalText('见到的人', 200),
    /** 见到的人, as residents of the house */
    metResidentIds: z
      .array(id('见到的居民'))
      .max(20, '见到的居民最多 20 人')
      .refine((ids) => new Set(ids).size === ids.length, '见到的居民不能重复')
      .optional(),
    /** 发现的需求 */
    needs: z.array(VisitNeed).max(MAX_VISIT_NEEDS, `需求最多 ${MAX_VISIT_NEEDS} 条`).optional(),
    /** 走访照片 (base64 or a data URL; checked by its magic bytes) */
    photo: PhotoUpload.optional(),
    /** when the visit took place; now when absent (an offline record keeps its own time) */
    visitedAt: Instant.optional(),
    /** where the phone was */
    location: PlacePoint.optional(),
  },
  { error: bodyError },
);
export type RecordVisitInput = z.infer<typeof RecordVisitInput>;

/** A need of a visit as recorded: with the finding it became, if it was reported. */
export const VisitNeedView = z.object({
  description: z.string(),
  findingId: z.number().int().nullable(),
});

/** A visit as the API shows it. */
export const VisitView = z.object({
  id: z.number().int(),
  houseId: z.number().int(),
  houseLabel: z.string(),
  gridId: z.number().int(),
  gridName: z.string(),
  visitorUserId: z.number().int().nullable(),
  visitorName: z.string(),
  visitedAt: z.string(),
  purpose: VisitPurpose,
  met: z.string().nullable(),
  metResidents: z.array(z.object({ id: z.number().int(), name: z.string() })),
  note: z.string(),
  needs: z.array(VisitNeedView),
  photos: z.array(GridPhotoView),
  location: PlacePoint.nullable(),
  createdAt: z.string(),
});
export type VisitView = z.infer<typeof VisitView>;

/** `GET /api/v1/grid/visits`: newest first, in the caller's scope. */
export const VisitListQuery = KeysetQuery.extend({
  houseId: z.coerce.number().int().positive().optional(),
  within: z.coerce.number().int().positive().optional(),
  /** one visitor's visits (`me` is the caller) */
  visitor: z.union([z.literal('me'), z.coerce.number().int().positive()]).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
}).strict();
export type VisitListQuery = z.infer<typeof VisitListQuery>;

/** The two windows of visit coverage, in days. */
export const COVERAGE_WINDOWS = [30, 90] as const;

/**
 * 走访覆盖率: the share of households (houses of the register) visited at least once in the window, or null when
 * there are none. A house counts in the window that ends at the moment asked about.
 */
export function visitCoverageShare(visited: number, households: number): number | null {
  return households > 0 ? visited / households : null;
}

/** Coverage of a set of households. */
export const VisitCoverageFigures = z.object({
  households: z.number().int(),
  visited30: z.number().int(),
  visited90: z.number().int(),
  /** visited30 / households; null without households */
  share30: z.number().nullable(),
  share90: z.number().nullable(),
});
export type VisitCoverageFigures = z.infer<typeof VisitCoverageFigures>;

/** `GET /api/v1/grid/visit-coverage`: per grid, the households visited in the last 30 and 90 days. */
export const VisitCoverageQuery = PageQuery.extend({
  /** an org of the caller's scope; his scope when absent */
  within: z.coerce.number().int().positive().optional(),
  /** the end of both windows; now when absent */
  at: Instant.optional(),
  /** `share30` (default) or `share90`, lowest first: the grids to steer */
  sort: z.enum(['share30', 'share90']).default('share30'),
}).strict();
export type VisitCoverageQuery = z.infer<typeof VisitCoverageQuery>;

/** One grid's coverage. */
export const GridVisitCoverage = VisitCoverageFigures.extend({
  gridId: z.number().int(),
  gridName: z.string(),
  communityName: z.string().nullable(),
});
export type GridVisitCoverage = z.infer<typeof GridVisitCoverage>;

/** The coverage answer: a page of grids (those with households), and the figures of them all together. */
export const VisitCoverageAnswer = z.object({
  at: z.string(),
  summary: VisitCoverageFigures,
  items: z.array(GridVisitCoverage),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type VisitCoverageAnswer = z.infer<typeof VisitCoverageAnswer>;
