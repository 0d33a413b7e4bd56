import { createHash } from 'node:crypto';
import { DEFAULT_HEARTBEAT_SECONDS, type DeviceType } from '@shanzhi/shared';
import { count, inArray } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { personalDataCipher } from '../../../platform/crypto/personal-data-cipher.js';
import type { DemoCity } from '../../demo/demo-city.js';
import { orgs } from '../../orgs/orgs.tables.js';
import { iotBuildings, iotDevices, iotEstates } from '../iot.tables.js';
import {
  DEMO_BUILDING_DEVICES,
  DEMO_BUILDINGS_PER_ESTATE,
  DEMO_ESTATES,
  DEMO_GROUND_DEVICES,
  DEMO_VENDORS,
  type DemoEstate,
  SERIAL_CODES,
} from './demo-estates.js';

/**
 * The signing secret of a demo device, derived from its serial: the demo's devices (and the simulator
 * speaking for them) can sign without a secret handed out — demo data only, like the demo password.
 */
export function demoDeviceSecret(serial: string): string {
  return createHash('sha256').update(`shanzhi demo device ${serial}`).digest('hex');
}

/** The serial of a demo device: estate number, type code, building (0 for the grounds) and number. */
export function demoSerial(estate: number, type: DeviceType, building: number, n: number): string {
  return `PX${String(estate + 1).padStart(2, '0')}-${SERIAL_CODES[type]}-${building}-${n}`;
}

/** The community code of a pilot estate: the demo grid worker's and the demo town's come first. */
function communityOf(city: DemoCity, estate: DemoEstate): DemoCity['communities'][number] {
  const demoGridCommunity = city.grids.find((g) => g.code.startsWith('150302'))!.parentCode;
  const demoTown = city.towns.find((t) => t.parentCode === '150304')!.code;
  const first = estate.district === '150302' ? demoGridCommunity : null;
  const inDistrict = city.communities.filter((c) => c.code.startsWith(estate.district));
  const ordered = [
    ...inDistrict.filter((c) => c.code === first || c.parentCode === demoTown),
    ...inDistrict.filter((c) => c.code !== first && c.parentCode !== demoTown),
  ];
  return ordered[estate.community % ordered.length]!;
}

/** The devices of a pilot estate, as rows to insert (secrets sealed). */
function devicesOf(
  ctx: AppContext,
  e: number,
  estate: { id: number; orgPath: string },
  buildingIds: number[],
) {
  const cipher = personalDataCipher(ctx.dataKey);
  const now = ctx.clock.now();
  const row = (
    type: DeviceType,
    building: number,
    n: number,
    place: { floor: number | null; point: string },
  ) => {
    const serial = demoSerial(e, type, building, n);
    return {
      estateId: estate.id,
      buildingId: building === 0 ? null : buildingIds[building - 1]!,
      orgPath: estate.orgPath,
      type,
      serial,
      ...DEMO_VENDORS[type],
      floor: place.floor,
      point: place.point,
      secretSealed: cipher.seal('iot_device.secret', demoDeviceSecret(serial)),
      heartbeatSeconds: DEFAULT_HEARTBEAT_SECONDS[type],
      createdAt: now,
    };
  };
  return [
    ...DEMO_GROUND_DEVICES.map((d, i) => row(d.type, 0, i + 1, { floor: null, point: d.point })),
    ...buildingIds.flatMap((_, b) => DEMO_BUILDING_DEVICES.map((d, i) => row(d.type, b + 1, i + 1, d))),
  ];
}

/**
 * The 11 pilot smart-safe estates of the demo city (谱翔A区、B区 in Wuda), each at the centre of one of its
 * community's grids, with buildings and their devices (a few hundred in all): three inserts, so the seed
 * stays fast. Idempotent: nothing is written when any estate exists.
 */
export async function seedDemoIot(ctx: AppContext, city: DemoCity): Promise<number> {
  const [existing] = await ctx.db.select({ n: count() }).from(iotEstates);
  if ((existing?.n ?? 0) > 0) return 0;
  const placed = DEMO_ESTATES.map((estate) => {
    const community = communityOf(city, estate);
    const grid = city.grids.find((g) => g.parentCode === community.code)!;
    return { estate, community, grid };
  });
  const orgRows = await ctx.db
    .select({ id: orgs.id, code: orgs.code, path: orgs.path })
    .from(orgs)
    .where(
      inArray(
        orgs.code,
        placed.flatMap((p) => [p.community.code, p.grid.code]),
      ),
    );
  const byCode = new Map(orgRows.map((c) => [c.code, c]));
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const estates = await tx
      .insert(iotEstates)
      .values(
        placed.map(({ estate, community, grid }) => ({
          name: estate.name,
          communityId: byCode.get(community.code)!.id,
          // the grid the estate lies in: its grid worker, community, town and district all reach it
          orgPath: byCode.get(grid.code)!.path,
          address: `${community.name}${estate.name}`,
          propertyCompany: estate.propertyCompany,
          lng: grid.center.lng,
          lat: grid.center.lat,
          createdAt: now,
        })),
      )
      .returning({ id: iotEstates.id, orgPath: iotEstates.orgPath });
    const buildings = await tx
      .insert(iotBuildings)
      .values(
        estates.flatMap((e) =>
          Array.from({ length: DEMO_BUILDINGS_PER_ESTATE }, (_, b) => ({
            estateId: e.id,
            name: `${b + 1}号楼`,
          })),
        ),
      )
      .returning({ id: iotBuildings.id, estateId: iotBuildings.estateId });
    const devices = estates.flatMap((estate, e) =>
      devicesOf(
        ctx,
        e,
        estate,
        buildings.filter((b) => b.estateId === estate.id).map((b) => b.id),
      ),
    );
    await tx.insert(iotDevices).values(devices);
    return devices.length;
  });
}
