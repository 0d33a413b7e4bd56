import { z } from 'zod';
import { CaseType } from '../cases/case-enums.js';
import { CaseState } from '../cases/case-states.js';
import { HazardState } from '../hazards/hazard-lifecycle.js';
import { HazardLevel } from '../hazards/safety-enums.js';
import { actionBody, bodyError, id, optionalText, text } from '../lifecycle/action-body.js';
import { KeysetQuery } from '../lists/list.schemas.js';
import { GridPhotoView, Instant, PhotoUploads, PlacePoint } from './grid-common.schemas.js';
import { GridFindingAction, GridFindingState } from './grid-finding-lifecycle.js';

/** An admission-list item code (`GA01.003`). */
export const AdmissionItemCode = z.string().regex(/^GA\d{2}\.\d{3}$/, '事项编码须形如 GA01.003');

/** `POST /api/v1/grid/findings` 登记发现, sent from the phone (with an `Idempotency-Key` header). */
export const RecordFindingInput = z.strictObject(
  {
    /** 情况描述 */
    description: text('情况描述', 2, 1000),
    /** 发现位置 */
    location: PlacePoint,
    /** 详细地址 (the phone's reverse geocoding, or typed) */
    address: optionalText('详细地址', 200),
    /** when it was found; now when absent (an offline record keeps the time it was taken) */
    occurredAt: Instant.optional(),
    /** 事项: a catalog category (what the case will be about if reported up) */
    categoryId: id('事项').optional(),
    /** 网格事项: the admission-list item it falls under */
    admissionItemCode: AdmissionItemCode.optional(),
    /** the patrol it was found on */
    patrolId: id('巡查').optional(),
    /** the task it was found doing */
    taskId: id('任务').optional(),
    /** 现场照片 */
    photos: PhotoUploads.optional(),
  },
  { error: bodyError },
);
export type RecordFindingInput = z.infer<typeof RecordFindingInput>;

/** `solve_on_spot` 就地解决: what was done, with the photo after (and before, if taken). */
export const SolveOnSpotInput = actionBody({
  /** 处置情况 */
  note: text('处置情况', 2, 1000),
  /** 处置前照片 */
  beforePhotos: PhotoUploads.optional(),
  /** 处置后照片 */
  afterPhotos: PhotoUploads.min(1, '请上传处置后的照片'),
});
export type SolveOnSpotInput = z.infer<typeof SolveOnSpotInput>;

/** `report_up` 上报: the finding becomes a case on the spine (source 网格上报), located to the grid. */
export const ReportUpInput = actionBody({
  /** 上报说明: added to the case's content */
  note: optionalText('上报说明', 1000),
  /** 事项: the case's category; the finding's when absent */
  categoryId: id('事项').optional(),
  /** 诉求类型; 举报 when absent */
  type: CaseType.optional(),
});
export type ReportUpInput = z.infer<typeof ReportUpInput>;

/**
 * `refer_hazard` 转安全隐患: the finding becomes a safety-production hazard of an enterprise in the worker's
 * reach (source 网格发现), and follows it until it is closed (销号).
 */
export const ReferHazardInput = actionBody({
  /** 企业: the enterprise the hazard is of */
  enterpriseId: id('企业'),
  /** 隐患等级 */
  level: HazardLevel,
  /** 隐患描述; the finding's description when absent */
  description: text('隐患描述', 2, 1000).optional(),
  /** 隐患部位: where in the enterprise */
  place: optionalText('隐患部位', 200),
});
export type ReferHazardInput = z.infer<typeof ReferHazardInput>;

/** `conclude` 随工单或隐患办结: the platform's step when the finding's case ends or its hazard is closed. */
export const ConcludeFindingInput = actionBody({});
export type ConcludeFindingInput = z.infer<typeof ConcludeFindingInput>;

/** `dismiss` 撤销: a mistaken report, withdrawn. */
export const DismissFindingInput = actionBody({ reason: text('撤销原因', 2, 500) });
export type DismissFindingInput = z.infer<typeof DismissFindingInput>;

/** The body of each action on an existing finding. */
export const GRID_FINDING_ACTION_INPUTS = {
  solve_on_spot: SolveOnSpotInput,
  report_up: ReportUpInput,
  refer_hazard: ReferHazardInput,
  conclude: ConcludeFindingInput,
  dismiss: DismissFindingInput,
} as const;
/** An action on an existing finding. */
export type GridFindingActionOnFinding = keyof typeof GRID_FINDING_ACTION_INPUTS;
/** The body of action `A`. */
export type GridFindingActionInput<A extends GridFindingActionOnFinding> = z.infer<
  (typeof GRID_FINDING_ACTION_INPUTS)[A]
>;

/** A timeline event of a finding. */
export const GridFindingEventView = z.object({
  seq: z.number().int(),
  action: z.string(),
  event: z.string(),
  actorName: z.string(),
  at: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  note: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
});

/** A finding as the API shows it, with the actions the caller may take on it. */
export const GridFindingView = z.object({
  id: z.number().int(),
  version: z.number().int(),
  gridId: z.number().int(),
  gridName: z.string(),
  reporterUserId: z.number().int(),
  reporterName: z.string(),
  description: z.string(),
  location: PlacePoint,
  address: z.string().nullable(),
  occurredAt: z.string(),
  categoryId: z.number().int().nullable(),
  categoryName: z.string().nullable(),
  admissionItemCode: z.string().nullable(),
  admissionItemName: z.string().nullable(),
  patrolId: z.number().int().nullable(),
  taskId: z.number().int().nullable(),
  state: GridFindingState,
  /** the note of its resolution (就地解决), dismissal, report up or referral */
  resolutionNote: z.string().nullable(),
  /** the case it was reported up as, and where that case stands */
  caseId: z.number().int().nullable(),
  caseNumber: z.string().nullable(),
  caseState: CaseState.nullable(),
  /** the safety hazard it was referred as, and where that hazard stands */
  hazardId: z.number().int().nullable(),
  hazardState: HazardState.nullable(),
  photos: z.array(GridPhotoView),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  actions: z.array(GridFindingAction),
});
export type GridFindingView = z.infer<typeof GridFindingView>;

/** A finding with its timeline. */
export const GridFindingDetail = GridFindingView.extend({ timeline: z.array(GridFindingEventView) });
export type GridFindingDetail = z.infer<typeof GridFindingDetail>;

/** `GET /api/v1/grid/findings`: newest first, in the caller's scope. */
export const GridFindingListQuery = KeysetQuery.extend({
  state: GridFindingState.optional(),
  within: z.coerce.number().int().positive().optional(),
  /** one reporter's findings (`me` is the caller) */
  reporter: z.union([z.literal('me'), z.coerce.number().int().positive()]).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  /** 关键词 in the description */
  q: z.string().trim().min(1).max(100).optional(),
}).strict();
export type GridFindingListQuery = z.infer<typeof GridFindingListQuery>;
