import { randomBytes } from 'node:crypto';
import {
  DEFAULT_HEARTBEAT_SECONDS,
  type DeviceCreated,
  type DeviceInput,
  type DeviceListQuery,
  type DevicePage,
  type EstateInput,
  type EstateListQuery,
  type EstatePage,
  type EstateView,
} from '@shanzhi/shared';
import { type Actor, isInScope } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { personalDataCipher } from '../../platform/crypto/personal-data-cipher.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { offsetOf, pageAnswer } from '../../platform/http/lists.js';
import { locateChainAt } from '../orgs/grid-index.js';
import { presentDevice, presentEstate } from './iot.presenter.js';
import {
  countEstateDevices,
  findBuildingsOf,
  findDevice,
  findEstate,
  insertDevice,
  insertEstate,
  listDevices,
  listEstates,
} from './iot.repository.js';

/** 智安小区 in the caller's scope, by name, with their buildings and device numbers. */
export async function listEstatesForActor(
  ctx: AppContext,
  actor: Actor,
  query: EstateListQuery,
): Promise<EstatePage> {
  const { rows, total } = await listEstates(ctx.db, {
    scopePath: actor.scopePath,
    q: query.q,
    limit: query.pageSize,
    offset: offsetOf(query),
  });
  const ids = rows.map((r) => r.id);
  const [buildings, counts] = await Promise.all([
    findBuildingsOf(ctx.db, ids),
    countEstateDevices(ctx.db, ids, ctx.clock.now()),
  ]);
  const items = rows.map((r) => presentEstate(r, buildings.get(r.id) ?? [], counts.get(r.id)!));
  return pageAnswer(items, total, query);
}

/** The devices in the caller's scope, by estate and serial. */
export async function listDevicesForActor(
  ctx: AppContext,
  actor: Actor,
  query: DeviceListQuery,
): Promise<DevicePage> {
  const { rows, total } = await listDevices(ctx.db, {
    scopePath: actor.scopePath,
    estateId: query.estate,
    type: query.type,
    serial: query.serial,
    limit: query.pageSize,
    offset: offsetOf(query),
  });
  const now = ctx.clock.now();
  return pageAnswer(
    rows.map((r) => presentDevice(r, now)),
    total,
    query,
  );
}

/**
 * 登记小区: an estate at a point of the city, located to the grid the point lies in (its scope path), which must
 * be a grid of the chosen community and within the caller's scope; with its buildings. A name its community
 * has already is refused (409).
 */
export async function registerEstate(ctx: AppContext, actor: Actor, input: EstateInput): Promise<EstateView> {
  const chain = await locateChainAt(ctx, { lng: input.lng, lat: input.lat });
  if (!chain?.grid) throw fieldError('lng', 'outside_grids', '所选位置不在任何网格内，请重新选点');
  if (chain.community?.id !== input.communityId) {
    throw fieldError(
      'communityId',
      'mismatch',
      `所选位置属于${chain.community?.name ?? '其他社区'}，与所选社区不符`,
    );
  }
  if (!isInScope(actor, chain.grid.path)) throw new AppError('OUT_OF_SCOPE', '该位置不在您的管辖范围内');
  const id = await ctx.db.transaction((tx) =>
    insertEstate(
      tx,
      {
        name: input.name,
        communityId: input.communityId,
        orgPath: chain.grid!.path,
        address: input.address || null,
        propertyCompany: input.propertyCompany || null,
        lng: input.lng,
        lat: input.lat,
        createdAt: ctx.clock.now(),
      },
      input.buildings,
    ),
  );
  if (id === undefined)
    throw new AppError('DUPLICATE_ESTATE_NAME', `${chain.community.name}已有小区「${input.name}」`);
  const row = (await findEstate(ctx.db, id))!;
  const [buildings, counts] = await Promise.all([
    findBuildingsOf(ctx.db, [id]),
    countEstateDevices(ctx.db, [id], ctx.clock.now()),
  ]);
  return presentEstate(row, buildings.get(id) ?? [], counts.get(id)!);
}

/** A new device's signing secret: 32 random bytes, as hex. */
export function newSecret(): string {
  return randomBytes(32).toString('hex');
}

/** The row of a new device of `estate`, its secret sealed under the data key. */
export function newDeviceRow(
  ctx: AppContext,
  estate: { id: number; orgPath: string },
  input: Omit<DeviceInput, 'estateId'>,
  secret: string,
  now: Date,
) {
  return {
    estateId: estate.id,
    buildingId: input.buildingId ?? null,
    orgPath: estate.orgPath,
    type: input.type,
    serial: input.serial,
    vendor: input.vendor,
    model: input.model || null,
    floor: input.floor ?? null,
    point: input.point || null,
    secretSealed: personalDataCipher(ctx.dataKey).seal('iot_device.secret', secret),
    heartbeatSeconds: input.heartbeatSeconds ?? DEFAULT_HEARTBEAT_SECONDS[input.type],
    createdAt: now,
  };
}

/**
 * 登记设备: a device of an estate in the caller's scope (a building of that estate, if given), with a new
 * signing secret sealed under the data key and answered this once. A serial already taken is refused (409).
 */
export async function registerDevice(
  ctx: AppContext,
  actor: Actor,
  input: DeviceInput,
): Promise<DeviceCreated> {
  const estate = await findEstate(ctx.db, input.estateId);
  if (!estate) throw fieldError('estateId', 'not_found', `小区 ${input.estateId} 不存在`);
  if (!isInScope(actor, estate.orgPath)) throw new AppError('OUT_OF_SCOPE', '该小区不在您的管辖范围内');
  if (input.buildingId !== undefined) {
    const buildings = (await findBuildingsOf(ctx.db, [estate.id])).get(estate.id) ?? [];
    if (!buildings.some((b) => b.id === input.buildingId)) {
      throw fieldError('buildingId', 'not_found', '该楼栋不属于所选小区');
    }
  }
  const secret = newSecret();
  const now = ctx.clock.now();
  const id = await insertDevice(ctx.db, newDeviceRow(ctx, estate, input, secret, now));
  if (id === undefined) throw new AppError('DUPLICATE_DEVICE_SERIAL', `序列号 ${input.serial} 已登记`);
  const row = (await findDevice(ctx.db, id))!;
  return { ...presentDevice(row, now), secret };
}
