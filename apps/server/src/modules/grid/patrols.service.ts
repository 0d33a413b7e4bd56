import {
  beijingMidnight,
  type EndPatrolInput,
  findImpossibleStep,
  formatDayNumber,
  type KeysetPage,
  type MissedPatrolItem,
  type MissedPatrolQuery,
  type Page,
  type PatrolDetail,
  type PatrolListQuery,
  type PatrolPlanListQuery,
  type PatrolPlanView,
  type PatrolView,
  type StartPatrolInput,
  type TrackAnswer,
  type TrackInput,
  type TrackPoint,
  toBeijingDate,
  toBeijingDayNumber,
  trackLengthMeters,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AlreadyReceivedError, AppError, fieldError } from '../../platform/errors/app-error.js';
import {
  decodeCursor,
  isInstantIdPosition,
  keysetPage,
  offsetOf,
  pageAnswer,
} from '../../platform/http/lists.js';
import { locateChainAt } from '../orgs/grid-index.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { assertGridRecordInScope, ownGridOf } from './grid-scope.policy.js';
import {
  findMissedPatrols,
  findOngoingPatrol,
  findPatrol,
  findPatrolByClientKey,
  findPointBefore,
  findPoints,
  insertPatrol,
  insertPoints,
  listPatrolPlans,
  listPatrols,
  lockPatrol,
  type PatrolListRow,
  type PatrolPointRow,
  type PatrolRow,
  updatePatrol,
  upsertPatrolPlan,
} from './patrols.repository.js';
import { changeOnce } from './upload-receipts.js';

/** How far ahead of the server's clock a phone's time may be (clocks drift). */
const CLOCK_SKEW_MS = 5 * 60_000;

function patrolNotFound(id: number): AppError {
  return new AppError('PATROL_NOT_FOUND', `巡查 ${id} 不存在`);
}

/** A patrol as the API shows it. */
export function presentPatrol(row: PatrolListRow, now: Date): PatrolView {
  const end = row.endedAt ?? now;
  return {
    id: row.id,
    gridId: row.gridId,
    gridName: row.gridName,
    workerUserId: row.workerUserId,
    workerName: row.workerName,
    state: row.state as PatrolView['state'],
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    distanceMeters: Math.round(row.distanceMeters),
    durationSeconds: Math.max(0, Math.round((end.getTime() - row.startedAt.getTime()) / 1000)),
    pointCount: row.pointCount,
    outsidePointCount: row.outsidePointCount,
    findingCount: row.findingCount,
    note: row.note,
  };
}

/** A phone's instant, checked not to lie in the future beyond clock drift. */
function phoneTime(value: string | undefined, now: Date, field: string): Date {
  if (value === undefined) return now;
  const at = new Date(value);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw fieldError(field, 'in_future', '时间不能晚于当前时间');
  return at;
}

/**
 * 开始巡查: a grid worker starts a patrol of his own grid. A retried start (same `Idempotency-Key`) is
 * answered 409 ALREADY_RECEIVED naming the patrol; a start while his last patrol is still going, 409
 * PATROL_IN_PROGRESS (the phone resumes or ends it).
 */
export async function startPatrol(
  ctx: AppContext,
  actor: Actor,
  input: StartPatrolInput,
  clientKey: string | undefined,
): Promise<PatrolView> {
  const { gridId, gridPath } = ownGridOf(actor);
  const now = ctx.clock.now();
  if (clientKey) {
    const earlier = await findPatrolByClientKey(ctx.db, actor.userId, clientKey);
    if (earlier) throw new AlreadyReceivedError(`/api/v1/grid/patrols/${earlier.id}`);
  }
  const ongoing = await findOngoingPatrol(ctx.db, actor.userId);
  if (ongoing) {
    throw new AppError('PATROL_IN_PROGRESS', `您还有一次巡查（编号 ${ongoing.id}）未结束，请先结束它`);
  }
  const row = await insertPatrol(ctx.db, {
    gridId,
    gridPath,
    workerUserId: actor.userId,
    state: 'ongoing',
    startedAt: phoneTime(input.startedAt, now, 'startedAt'),
    clientKey: clientKey ?? null,
    createdAt: now,
  });
  return presentPatrol(
    { ...row, gridName: actor.orgName, workerName: actor.displayName, findingCount: 0 },
    now,
  );
}

/** The patrol, locked, if it is the actor's own and still going. */
async function loadOwnOngoing(tx: Tx, actor: Actor, id: number): Promise<PatrolRow> {
  const row = await lockPatrol(tx, id);
  if (!row || row.workerUserId !== actor.userId) throw patrolNotFound(id);
  if (row.state !== 'ongoing') throw new AppError('PATROL_ENDED', `巡查 ${id} 已结束`);
  return row;
}

function asTrackPoint(row: PatrolPointRow): TrackPoint {
  return {
    longitude: row.lng,
    latitude: row.lat,
    accuracy: row.accuracy,
    recordedAt: row.recordedAt.toISOString(),
  };
}

/** Refuses points before the patrol's start or ahead of the clock, and steps no one could walk. */
async function checkBatch(tx: Tx, patrol: PatrolRow, points: (TrackPoint & { index: number })[], now: Date) {
  for (const point of points) {
    const at = Date.parse(point.recordedAt);
    const field = `points.${point.index}.recordedAt`;
    if (at > now.getTime() + CLOCK_SKEW_MS)
      throw fieldError(field, 'in_future', '轨迹点时间不能晚于当前时间');
    if (at < patrol.startedAt.getTime() - CLOCK_SKEW_MS) {
      throw fieldError(field, 'before_start', '轨迹点时间早于巡查开始时间');
    }
  }
  const before = await findPointBefore(tx, patrol.id, new Date(points[0]!.recordedAt));
  const step = findImpossibleStep(points, before ? asTrackPoint(before) : null);
  if (step) {
    const kmh = Number.isFinite(step.speedMps) ? `${Math.round(step.speedMps * 3.6)} km/h` : '同一时刻两地';
    throw fieldError(
      `points.${step.index}`,
      'impossible_speed',
      `轨迹点移动速度不可能（${kmh}），请检查定位`,
    );
  }
}

/**
 * 巡查轨迹: stores a batch of the phone's points (sorted by time; a point already stored is skipped, so a
 * retried batch adds nothing), flags those outside the patrol's grid, and brings the patrol's length and counts
 * up to date — one transaction under the patrol's lock.
 */
export async function addTrackPoints(
  ctx: AppContext,
  actor: Actor,
  patrolId: number,
  input: TrackInput,
): Promise<TrackAnswer> {
  const now = ctx.clock.now();
  const points = input.points
    .map((p, index) => ({ ...p, index }))
    .sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt));
  const chains = await Promise.all(
    points.map((p) => locateChainAt(ctx, { lng: p.longitude, lat: p.latitude })),
  );
  return ctx.db.transaction(async (tx) => {
    const patrol = await loadOwnOngoing(tx, actor, patrolId);
    await checkBatch(tx, patrol, points, now);
    const outside = points.map((_, i) => chains[i]?.grid?.id !== patrol.gridId);
    const accepted = await insertPoints(
      tx,
      points.map((p, i) => ({
        patrolId,
        recordedAt: new Date(p.recordedAt),
        lng: p.longitude,
        lat: p.latitude,
        accuracy: p.accuracy,
        outsideGrid: outside[i]!,
      })),
    );
    const all = await findPoints(tx, patrolId);
    const distanceMeters = trackLengthMeters(all.map(asTrackPoint));
    const outsideCount = all.filter((p) => p.outsideGrid).length;
    await updatePatrol(tx, patrolId, {
      distanceMeters,
      pointCount: all.length,
      outsidePointCount: outsideCount,
    });
    return {
      accepted,
      duplicates: points.length - accepted,
      outside: outside.filter(Boolean).length,
      distanceMeters: Math.round(distanceMeters),
    };
  });
}

/** 结束巡查. An end sent again from the phone (same `Idempotency-Key`) is answered 409 ALREADY_RECEIVED. */
export async function endPatrol(
  ctx: AppContext,
  actor: Actor,
  patrolId: number,
  input: EndPatrolInput,
  clientKey?: string,
): Promise<PatrolView> {
  const now = ctx.clock.now();
  await changeOnce(
    ctx,
    { userId: actor.userId, clientKey, location: `/api/v1/grid/patrols/${patrolId}` },
    async () => undefined,
    async (tx) => {
      const patrol = await loadOwnOngoing(tx, actor, patrolId);
      const endedAt = phoneTime(input.endedAt, now, 'endedAt');
      if (endedAt < patrol.startedAt) throw fieldError('endedAt', 'before_start', '结束时间早于开始时间');
      await updatePatrol(tx, patrolId, { state: 'ended', endedAt, note: input.note || null });
    },
  );
  return getPatrol(ctx, actor, patrolId).then(({ route: _route, ...view }) => view);
}

/** A patrol with its route, in the actor's scope. */
export async function getPatrol(ctx: AppContext, actor: Actor, id: number): Promise<PatrolDetail> {
  const row = await findPatrol(ctx.db, id);
  if (!row) throw patrolNotFound(id);
  assertGridRecordInScope(actor, row.gridPath);
  const points = await findPoints(ctx.db, id);
  return {
    ...presentPatrol(row, ctx.clock.now()),
    route: points.map((p): [number, number, boolean] => [p.lng, p.lat, p.outsideGrid]),
  };
}

/** A keyset page of the patrols in the actor's scope. */
export async function listPatrolsForActor(
  ctx: AppContext,
  actor: Actor,
  query: PatrolListQuery,
): Promise<KeysetPage<PatrolView>> {
  const withinPath =
    query.within === undefined ? undefined : (await loadOrgInScope(ctx.db, actor, query.within)).path;
  const after = query.cursor ? decodeCursor(query.cursor, isInstantIdPosition) : undefined;
  const rows = await listPatrols(ctx.db, {
    scopePath: actor.scopePath,
    withinPath,
    workerUserId: query.workerUserId,
    state: query.state,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    after: after && { startedAt: new Date(after[0]), id: after[1] },
    limit: query.limit,
  });
  const now = ctx.clock.now();
  return keysetPage(
    rows,
    query.limit,
    (r) => [r.startedAt.toISOString(), r.id],
    (page) => page.map((r) => presentPatrol(r, now)),
  );
}

/** 巡查计划: sets how many patrols a grid of the actor's scope requires per day. */
export async function setPatrolPlan(
  ctx: AppContext,
  actor: Actor,
  gridId: number,
  perDay: number,
): Promise<{ gridId: number; perDay: number }> {
  const grid = await loadOrgInScope(ctx.db, actor, gridId);
  if (grid.kind !== 'grid') throw fieldError('gridId', 'not_a_grid', '只能为网格设置巡查计划');
  const now = ctx.clock.now();
  await ctx.db.transaction((tx) =>
    upsertPatrolPlan(tx, { gridId, perDay, now, effectiveOn: toBeijingDate(now), userId: actor.userId }),
  );
  return { gridId, perDay };
}

/** 巡查计划: a page of the grids of the actor's scope (or under `within`) with their plans. */
export async function listPatrolPlansForActor(
  ctx: AppContext,
  actor: Actor,
  query: PatrolPlanListQuery,
): Promise<Page<PatrolPlanView>> {
  const path =
    query.within === undefined ? actor.scopePath : (await loadOrgInScope(ctx.db, actor, query.within)).path;
  const { rows, total } = await listPatrolPlans(ctx.db, {
    path,
    offset: offsetOf(query),
    limit: query.pageSize,
  });
  const items = rows.map((r) => ({
    gridId: r.grid_id,
    gridName: r.grid_name,
    communityName: r.community_name,
    perDay: r.per_day,
    updatedAt: r.updated_at === null ? null : new Date(r.updated_at).toISOString(),
  }));
  return pageAnswer(items, total, query);
}

/** 漏巡: the grids of the actor's scope (or under `within`) that did fewer patrols on a day than the plan then in force. */
export async function listMissedPatrols(
  ctx: AppContext,
  actor: Actor,
  query: MissedPatrolQuery,
): Promise<MissedPatrolItem[]> {
  const path =
    query.within === undefined ? actor.scopePath : (await loadOrgInScope(ctx.db, actor, query.within)).path;
  const today = toBeijingDayNumber(ctx.clock.now().getTime());
  const dayNumber = query.day ? toBeijingDayNumber(Date.parse(`${query.day}T12:00:00+08:00`)) : today - 1;
  const day = formatDayNumber(dayNumber);
  const rows = await findMissedPatrols(ctx.db, path, new Date(beijingMidnight(dayNumber)), day);
  return rows.map((r) => ({
    gridId: r.grid_id,
    gridName: r.grid_name,
    communityName: r.community_name,
    day,
    planned: r.planned,
    done: r.done,
    workerName: r.worker_name,
  }));
}
