import {
  houseLabel,
  type KeysetPage,
  type PlacePoint,
  type RecordVisitInput,
  type VisitListQuery,
  type VisitView,
} from '@shanzhi/shared';
import type { Actor } from '../../../platform/auth/actor.js';
import { isInScope } from '../../../platform/auth/actor.js';
import { freeTextMaskingFor } from '../../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../../platform/context.js';
import { AlreadyReceivedError, AppError, fieldError } from '../../../platform/errors/app-error.js';
import { decodeCursor, keysetPage } from '../../../platform/http/lists.js';
import { findOrg } from '../../orgs/orgs.repository.js';
import { findPhotosOf } from '../findings.repository.js';
import { type PreparedFinding, prepareFinding, writeFinding } from '../findings.service.js';
import { decodePhotos, recordPhotos, storePhotos } from '../grid-photos.js';
import { assertGridRecordInScope } from '../grid-scope.policy.js';
import { findHouse, type HouseListRow } from '../registers/houses.repository.js';
import { registerListPath } from '../registers/register-scope.js';
import { findResidentNames } from '../registers/residents.repository.js';
import { presentVisit } from './visits.presenter.js';
import {
  findVisit,
  findVisitByClientKey,
  insertVisit,
  listVisits,
  markHouseVisited,
  type VisitListRow,
} from './visits.repository.js';

/** Visits as one actor sees them: photos, the people met, masked text. */
async function present(ctx: AppContext, actor: Actor, rows: readonly VisitListRow[]): Promise<VisitView[]> {
  const [photos, residents] = await Promise.all([
    findPhotosOf(
      ctx.db,
      'visit',
      rows.map((r) => r.id),
    ),
    findResidentNames(
      ctx.db,
      rows.flatMap((r) => r.metResidentIds),
    ),
  ]);
  const masking = freeTextMaskingFor(actor);
  return rows.map((row) => presentVisit(row, { photos: photos.get(row.id) ?? [], residents, masking }));
}

/** The house a visit goes to: 400 on `houseId` when there is none, 403 when it is not in the actor's scope. */
async function houseToVisit(ctx: AppContext, actor: Actor, houseId: number): Promise<HouseListRow> {
  const house = await findHouse(ctx.db, houseId);
  if (!house) throw fieldError('houseId', 'not_found', `走访户 ${houseId} 不在基础信息中`);
  if (!isInScope(actor, house.gridPath)) {
    throw new AppError('OUT_OF_SCOPE', '该户不在您的管辖范围内', [
      { field: 'houseId', code: 'out_of_scope', message: '该户不在您的管辖范围内' },
    ]);
  }
  return house;
}

/** Where what a visit finds happened: where the phone was, else the house, else the middle of its grid. */
async function placeOfVisit(
  ctx: AppContext,
  input: RecordVisitInput,
  house: HouseListRow,
): Promise<PlacePoint> {
  if (input.location) return input.location;
  if (house.lng !== null && house.lat !== null) return { longitude: house.lng, latitude: house.lat };
  const grid = await findOrg(ctx.db, house.gridId);
  return { longitude: grid?.centerLng ?? 0, latitude: grid?.centerLat ?? 0 };
}

/** A failure of need `index`'s finding, its fields named under `needs.<index>.` for the form. */
function underNeed(error: unknown, index: number): unknown {
  if (!(error instanceof AppError) || !error.fields) return error;
  const fields = error.fields.map((f) => ({ ...f, field: `needs.${index}.${f.field}` }));
  return new AppError(error.code, error.message, fields);
}

/** The findings the reported needs become, checked (and their photos stored) before the transaction. */
async function prepareNeedFindings(
  ctx: AppContext,
  actor: Actor,
  input: RecordVisitInput,
  house: HouseListRow,
  visitedAt: Date,
): Promise<(PreparedFinding | null)[]> {
  const needs = input.needs ?? [];
  if (!needs.some((need) => need.report)) return needs.map(() => null);
  const location = await placeOfVisit(ctx, input, house);
  const prepared: (PreparedFinding | null)[] = [];
  for (const [index, need] of needs.entries()) {
    if (!need.report) {
      prepared.push(null);
      continue;
    }
    try {
      prepared.push(
        await prepareFinding(ctx, actor, {
          description: `入户走访发现：${need.description}`,
          location,
          address: houseLabel(house),
          occurredAt: visitedAt.toISOString(),
          categoryId: need.categoryId,
          admissionItemCode: need.admissionItemCode,
        }),
      );
    } catch (error) {
      throw underNeed(error, index);
    }
  }
  return prepared;
}

/** Checks the rest of a visit: its time, and that the people met live in the house. */
async function checkVisit(ctx: AppContext, input: RecordVisitInput, house: HouseListRow): Promise<Date> {
  const now = ctx.clock.now();
  const visitedAt = input.visitedAt ? new Date(input.visitedAt) : now;
  if (visitedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw fieldError('visitedAt', 'in_future', '走访时间不能晚于当前时间');
  }
  const met = input.metResidentIds ?? [];
  const residents = await findResidentNames(ctx.db, met);
  const stranger = met.find((id) => residents.get(id)?.houseId !== house.id);
  if (stranger !== undefined) {
    throw fieldError('metResidentIds', 'not_in_household', `居民 ${stranger} 不是该户的登记人员`);
  }
  return visitedAt;
}

/**
 * 入户走访: records a visit to a household of the actor's scope — purpose, who was met, what was learned, the
 * needs found and a photo (checked by its magic bytes). A need marked `report` becomes a finding of the grid
 * (through the findings' own mechanism), in the same transaction as the visit, so that both or neither exist.
 * A retried upload (same `Idempotency-Key`) is answered 409 ALREADY_RECEIVED naming the first one.
 */
export async function recordVisit(
  ctx: AppContext,
  actor: Actor,
  input: RecordVisitInput,
  clientKey: string | undefined,
): Promise<VisitView> {
  if (clientKey) {
    const earlier = await findVisitByClientKey(ctx.db, actor.userId, clientKey);
    if (earlier) throw new AlreadyReceivedError(`/api/v1/grid/visits/${earlier.id}`);
  }
  const house = await houseToVisit(ctx, actor, input.houseId);
  const visitedAt = await checkVisit(ctx, input, house);
  const photo = await storePhotos(ctx, decodePhotos(input.photo ? [input.photo] : [], 'photo'));
  const findings = await prepareNeedFindings(ctx, actor, input, house, visitedAt);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const needs = [];
    for (const [index, need] of (input.needs ?? []).entries()) {
      const finding = findings[index];
      const row = finding ? await writeFinding(tx, ctx, actor, finding, undefined) : null;
      needs.push({ description: need.description, findingId: row?.id ?? null });
    }
    const visit = await insertVisit(tx, {
      houseId: house.id,
      gridId: house.gridId,
      gridPath: house.gridPath,
      visitorUserId: actor.userId,
      visitorName: actor.displayName,
      visitedAt,
      purpose: input.purpose,
      met: input.met || null,
      metResidentIds: input.metResidentIds ?? [],
      note: input.note,
      needs,
      lng: input.location?.longitude ?? null,
      lat: input.location?.latitude ?? null,
      clientKey: clientKey ?? null,
      createdAt: now,
    });
    const owner = { ownerType: 'visit' as const, ownerId: visit.id, gridPath: house.gridPath };
    await recordPhotos(tx, { ...owner, userId: actor.userId, at: now }, 'visit', photo);
    await markHouseVisited(tx, house.id, visitedAt);
    return visit.id;
  });
  return getVisit(ctx, actor, id);
}

/** A visit in the actor's scope. */
export async function getVisit(ctx: AppContext, actor: Actor, id: number): Promise<VisitView> {
  const row = await findVisit(ctx.db, id);
  if (!row) throw new AppError('VISIT_NOT_FOUND', `走访记录 ${id} 不存在`);
  assertGridRecordInScope(actor, row.gridPath);
  const [view] = await present(ctx, actor, [row]);
  return view!;
}

const isPosition = (value: unknown[]): value is [string, number] =>
  value.length === 2 &&
  typeof value[0] === 'string' &&
  !Number.isNaN(Date.parse(value[0])) &&
  Number.isInteger(value[1]);

/** A keyset page of the visits in the actor's scope, newest first. */
export async function listVisitsForActor(
  ctx: AppContext,
  actor: Actor,
  query: VisitListQuery,
): Promise<KeysetPage<VisitView>> {
  const after = query.cursor ? decodeCursor(query.cursor, isPosition) : undefined;
  const rows = await listVisits(ctx.db, {
    path: await registerListPath(ctx.db, actor, query.within),
    houseId: query.houseId,
    visitorUserId: query.visitor === 'me' ? actor.userId : query.visitor,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    after: after && { visitedAt: new Date(after[0]), id: after[1] },
    limit: query.limit,
  });
  const views = await present(ctx, actor, rows.slice(0, query.limit));
  return keysetPage(
    rows,
    query.limit,
    (r) => [r.visitedAt.toISOString(), r.id],
    () => views,
  );
}

/** The latest visits of a house (in the actor's scope), newest first. */
export async function latestVisitsOfHouse(
  ctx: AppContext,
  actor: Actor,
  house: { id: number; gridPath: string },
  limit: number,
): Promise<VisitView[]> {
  const rows = await listVisits(ctx.db, { path: house.gridPath, houseId: house.id, limit });
  return present(ctx, actor, rows.slice(0, limit));
}
