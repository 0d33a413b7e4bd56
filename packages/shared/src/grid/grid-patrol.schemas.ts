import { z } from 'zod';
import { optionalText } from '../lifecycle/action-body.js';
import { KeysetQuery, PageQuery } from '../lists/list.schemas.js';
import { Instant, PlacePoint } from './grid-common.schemas.js';

/** A point of a patrol's GPS track. */
export const TrackPoint = z.strictObject({
  ...PlacePoint.shape,
  /** horizontal accuracy reported by the phone, in metres */
  accuracy: z.number({ error: '请提供定位精度' }).min(0, '定位精度无效').max(10_000, '定位精度无效'),
  /** when the phone took the point */
  recordedAt: Instant,
});
export type TrackPoint = z.infer<typeof TrackPoint>;

/** Points sent in one batch. */
export const MAX_TRACK_BATCH = 500;

/** `POST /api/v1/grid/patrols` 开始巡查: the start may have been taken offline, hence its own time. */
export const StartPatrolInput = z.strictObject({
  /** when the patrol began on the phone; now when absent */
  startedAt: Instant.optional(),
});
export type StartPatrolInput = z.infer<typeof StartPatrolInput>;

/** `POST /api/v1/grid/patrols/:id/track`: a batch of points, in any order (sorted by time on arrival). */
export const TrackInput = z.strictObject({
  points: z
    .array(TrackPoint)
    .min(1, '至少提供一个轨迹点')
    .max(MAX_TRACK_BATCH, `每批最多 ${MAX_TRACK_BATCH} 个轨迹点`),
});
export type TrackInput = z.infer<typeof TrackInput>;

/** `POST /api/v1/grid/patrols/:id/end` 结束巡查. */
export const EndPatrolInput = z.strictObject({
  /** when the patrol ended on the phone; now when absent */
  endedAt: Instant.optional(),
  /** 巡查小结 */
  note: optionalText('巡查小结', 500),
});
export type EndPatrolInput = z.infer<typeof EndPatrolInput>;

/** What a batch of points did. */
export const TrackAnswer = z.object({
  /** points stored */
  accepted: z.number().int(),
  /** points already stored (a batch sent again after a lost answer) */
  duplicates: z.number().int(),
  /** of the stored points, those outside the patrol's grid (flagged, not refused) */
  outside: z.number().int(),
  /** the patrol's length so far, in metres */
  distanceMeters: z.number(),
});
export type TrackAnswer = z.infer<typeof TrackAnswer>;

/** `ongoing` (巡查中) or `ended` (已结束). */
export const PatrolState = z.enum(['ongoing', 'ended']);
export type PatrolState = z.infer<typeof PatrolState>;

/** A patrol as the API shows it. */
export const PatrolView = z.object({
  id: z.number().int(),
  gridId: z.number().int(),
  gridName: z.string(),
  workerUserId: z.number().int(),
  workerName: z.string(),
  state: PatrolState,
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  distanceMeters: z.number(),
  durationSeconds: z.number().int(),
  pointCount: z.number().int(),
  outsidePointCount: z.number().int(),
  findingCount: z.number().int(),
  note: z.string().nullable(),
});
export type PatrolView = z.infer<typeof PatrolView>;

/** A patrol with its route: the track as `[longitude, latitude, outside?]` in time order. */
export const PatrolDetail = PatrolView.extend({
  route: z.array(z.tuple([z.number(), z.number(), z.boolean()])),
});
export type PatrolDetail = z.infer<typeof PatrolDetail>;

/** `GET /api/v1/grid/patrols`: newest first, in the caller's scope. */
export const PatrolListQuery = KeysetQuery.extend({
  /** within this org's subtree (a town, a community, a grid) */
  within: z.coerce.number().int().positive().optional(),
  /** one worker's patrols */
  workerUserId: z.coerce.number().int().positive().optional(),
  state: PatrolState.optional(),
  /** started from (inclusive) */
  from: Instant.optional(),
  /** started before (exclusive) */
  to: Instant.optional(),
}).strict();
export type PatrolListQuery = z.infer<typeof PatrolListQuery>;

/** 巡查计划: how many patrols a grid requires per day. */
export const PatrolPlanInput = z.strictObject({
  /** 每日巡查次数 (0: none required) */
  perDay: z
    .number({ error: '请填写每日巡查次数' })
    .int('次数须为整数')
    .min(0, '次数不能为负')
    .max(12, '每日最多 12 次'),
});
export type PatrolPlanInput = z.infer<typeof PatrolPlanInput>;

/** `GET /api/v1/grid/patrol-plans`: the grids of the caller's scope (or under `within`) with their plans. */
export const PatrolPlanListQuery = PageQuery.extend({
  /** within this org's subtree (a town, a community) */
  within: z.coerce.number().int().positive().optional(),
}).strict();
export type PatrolPlanListQuery = z.infer<typeof PatrolPlanListQuery>;

/** A grid and its plan. */
export const PatrolPlanView = z.object({
  gridId: z.number().int(),
  gridName: z.string(),
  communityName: z.string().nullable(),
  /** 每日巡查次数 (0: none required) */
  perDay: z.number().int(),
  /** when the plan was last set; null when the grid never had one */
  updatedAt: z.string().nullable(),
});
export type PatrolPlanView = z.infer<typeof PatrolPlanView>;

/** A grid's plan and how a day went against it. */
export const MissedPatrolItem = z.object({
  gridId: z.number().int(),
  gridName: z.string(),
  /** the community the grid belongs to */
  communityName: z.string().nullable(),
  /** the Beijing day (`YYYY-MM-DD`) */
  day: z.string(),
  planned: z.number().int(),
  done: z.number().int(),
  /** the grid's full-time worker, when it has one */
  workerName: z.string().nullable(),
});
export type MissedPatrolItem = z.infer<typeof MissedPatrolItem>;

/** `GET /api/v1/grid/patrols/missed`: grids of the caller's scope that did fewer patrols than planned on a day. */
export const MissedPatrolQuery = z.strictObject({
  /** the Beijing day; yesterday when absent */
  day: z.iso.date({ error: '日期须为 YYYY-MM-DD' }).optional(),
  within: z.coerce.number().int().positive().optional(),
});
export type MissedPatrolQuery = z.infer<typeof MissedPatrolQuery>;
