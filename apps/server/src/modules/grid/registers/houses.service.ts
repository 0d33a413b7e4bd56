import {
  type CreateHouseInput,
  DAY_MS,
  type HouseListQuery,
  type HouseView,
  houseKeyOf,
  type Page,
  type UpdateHouseInput,
} from '@shanzhi/shared';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import { freeTextMaskingFor } from '../../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../../platform/context.js';
import type { DbOrTx } from '../../../platform/db/database.js';
import { AppError, versionConflict } from '../../../platform/errors/app-error.js';
import { offsetOf, pageAnswer } from '../../../platform/http/lists.js';
import { assertGridRecordInScope } from '../grid-scope.policy.js';
import { presentHouse } from './houses.presenter.js';
import {
  findHouse,
  findHouseByKey,
  type HouseFilter,
  type HouseListRow,
  insertHouses,
  listHouses,
  updateHouseAtVersion,
} from './houses.repository.js';
import { auditRegister } from './register-audit.js';
import { loadGridForRegister, registerListPath } from './register-scope.js';
import { gridResidents } from './registers.tables.js';

/** A house the actor may see, or 404 HOUSE_NOT_FOUND / 403 OUT_OF_SCOPE. */
export async function loadHouseInScope(db: DbOrTx, actor: Actor, id: number): Promise<HouseListRow> {
  const row = await findHouse(db, id);
  if (!row) throw new AppError('HOUSE_NOT_FOUND', `房屋 ${id} 不存在`);
  assertGridRecordInScope(actor, row.gridPath);
  return row;
}

/** The repository filter of a house list or export, checked against the actor's scope. */
export async function houseFilterOf(
  ctx: AppContext,
  actor: Actor,
  query: Omit<HouseListQuery, 'page' | 'pageSize'>,
): Promise<HouseFilter> {
  return {
    path: await registerListPath(ctx.db, actor, query.within),
    q: query.q,
    use: query.use,
    occupancy: query.occupancy,
    notVisitedSince:
      query.notVisitedForDays === undefined
        ? undefined
        : new Date(ctx.clock.now().getTime() - query.notVisitedForDays * DAY_MS),
  };
}

/** A page of the houses in the actor's scope. */
export async function listHousesForActor(
  ctx: AppContext,
  actor: Actor,
  query: HouseListQuery,
): Promise<Page<HouseView>> {
  const filter = await houseFilterOf(ctx, actor, query);
  const { rows, total } = await listHouses(ctx.db, filter, {
    limit: query.pageSize,
    offset: offsetOf(query),
  });
  const masking = freeTextMaskingFor(actor);
  return pageAnswer(
    rows.map((row) => presentHouse(row, masking)),
    total,
    query,
  );
}

function alreadyRegistered(): AppError {
  return new AppError('ALREADY_REGISTERED', '该网格已登记同一地址的房屋', [
    { field: 'address', code: 'duplicate', message: '同一网格内已有该地址（楼栋、单元、房号）的房屋' },
  ]);
}

/** The columns of a house from its form, in its grid. */
function houseValues(input: CreateHouseInput, grid: { id: number; path: string }) {
  return {
    gridId: grid.id,
    gridPath: grid.path,
    address: input.address,
    building: input.building || null,
    unit: input.unit || null,
    room: input.room || null,
    houseKey: houseKeyOf(input),
    use: input.use,
    occupancy: input.occupancy,
    area: input.area ?? null,
    lng: input.location?.longitude ?? null,
    lat: input.location?.latitude ?? null,
    note: input.note || null,
  };
}

/** 登记房屋: a house in a grid of the actor's scope; the same address twice in a grid is refused. */
export async function createHouse(
  ctx: AppContext,
  actor: Actor,
  input: CreateHouseInput,
): Promise<HouseView> {
  const grid = await loadGridForRegister(ctx.db, actor, input.gridId);
  const values = houseValues(input, grid);
  if (await findHouseByKey(ctx.db, grid.id, values.houseKey)) throw alreadyRegistered();
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const [house] = await insertHouses(tx, [
      { ...values, createdByUserId: actor.userId, createdAt: now, updatedAt: now },
    ]);
    await auditRegister(tx, actor, now, {
      action: 'grid_register.house_created',
      targetType: 'house',
      targetId: house!.id,
      detail: { gridId: grid.id },
    });
    return house!.id;
  });
  return presentHouse((await findHouse(ctx.db, id))!, freeTextMaskingFor(actor));
}

/**
 * Changes a house at the version read. Moving it to another grid (of the actor's scope) moves its residents
 * with it, in the same transaction; its visits stay where they were made.
 */
export async function updateHouse(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: UpdateHouseInput,
): Promise<HouseView> {
  const current = await loadHouseInScope(ctx.db, actor, id);
  const grid =
    input.gridId === current.gridId
      ? { id: current.gridId, path: current.gridPath }
      : await loadGridForRegister(ctx.db, actor, input.gridId);
  const values = houseValues(input, grid);
  if (await findHouseByKey(ctx.db, grid.id, values.houseKey, id)) throw alreadyRegistered();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const updated = await updateHouseAtVersion(tx, id, input.version, { ...values, updatedAt: now });
    if (!updated) throw versionConflict('房屋', current.version);
    if (grid.id !== current.gridId) {
      await tx
        .update(gridResidents)
        .set({ gridId: grid.id, gridPath: grid.path, updatedAt: now })
        .where(eq(gridResidents.houseId, id));
    }
    await auditRegister(tx, actor, now, {
      action: 'grid_register.house_updated',
      targetType: 'house',
      targetId: id,
      detail: grid.id === current.gridId ? {} : { fromGridId: current.gridId, toGridId: grid.id },
    });
  });
  return presentHouse((await findHouse(ctx.db, id))!, freeTextMaskingFor(actor));
}
