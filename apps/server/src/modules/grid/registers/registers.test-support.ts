import { and, asc, eq, like } from 'drizzle-orm';
import { orgs } from '../../orgs/orgs.tables.js';
import type { GridWorld } from '../grid.test-support.js';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/**
 * A valid resident ID number (GB 11643 check digit) for a test: area, birth date and a serial that makes it
 * unique in the file (serials 0–999 per birth date; the birth date moves on by the thousand). The default area (北京朝阳) is
 * none the demo register draws from, so a test's people never clash with the demo city's.
 */
export function idNumberFor(serial: number, area = '110105', born = new Date(Date.UTC(1956, 2, 12))): string {
  const day = new Date(born.getTime() + Math.floor(serial / 1000) * 86_400_000);
  const birth = day.toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `${area}${birth}${String(serial % 1000).padStart(3, '0')}`;
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return `${first17}${'10X98765432'[sum % 11]}`;
}

/** The same number with its check character wrong. */
export function withWrongCheckDigit(id: string): string {
  const last = id.at(-1) === '0' ? '1' : '0';
  return `${id.slice(0, 17)}${last}`;
}

/** The first grid of a district (by its code), as the seeded demo city has it. */
export async function firstGridOf(w: GridWorld, districtCode: string) {
  const [district] = await w.api.ctx.db
    .select({ path: orgs.path })
    .from(orgs)
    .where(eq(orgs.code, districtCode));
  const [grid] = await w.api.ctx.db
    .select({ id: orgs.id, code: orgs.code, path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.kind, 'grid'), like(orgs.path, `${district!.path}%`)))
    .orderBy(asc(orgs.id))
    .limit(1);
  return grid!;
}

/** The body of a house in `gridId` at a unique room. */
export function houseBody(gridId: number, room: string, extra: Record<string, unknown> = {}) {
  return {
    gridId,
    address: '测试小区',
    building: '9号楼',
    unit: '1单元',
    room,
    use: 'residential',
    occupancy: 'owner_occupied',
    ...extra,
  };
}

/** Registers a house as `user` and answers its id. */
export async function createHouseAs(
  w: GridWorld,
  user: string,
  body: Record<string, unknown>,
): Promise<number> {
  const response = await w.send(user, 'POST', '/api/v1/grid/houses', body);
  if (response.statusCode !== 201) throw new Error(`house not created: ${response.body}`);
  return response.json().id;
}

/** Registers a resident of `houseId` as `user` and answers his view. */
export async function createResidentAs(
  w: GridWorld,
  user: string,
  houseId: number,
  idNumber: string,
  extra: Record<string, unknown> = {},
) {
  const response = await w.send(user, 'POST', '/api/v1/grid/residents', {
    houseId,
    name: '王秀英',
    idNumber,
    phone: '13947301234',
    populationType: 'registered',
    householdRelation: 'head',
    flags: ['elderly_alone'],
    ...extra,
  });
  if (response.statusCode !== 201) throw new Error(`resident not created: ${response.body}`);
  return response.json();
}
