import { type BoundaryGeometry, bboxOfGeometry, houseKeyOf, pointInGeometry } from '@shanzhi/shared';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { queryRows, type Tx } from '../../../platform/db/database.js';
import { storeIdNumber, storePhone } from '../../grid/registers/register-sealing.js';
import { gridHouses, gridOrganisations } from '../../grid/registers/registers.tables.js';
import { readSetting, writeSetting } from '../../settings/settings.repository.js';
import { DEFAULT_DEMO_CITY_SEED } from '../demo-city.js';
import { createDemoRandom, type DemoRandom, deriveSeed } from '../demo-random.js';
import { type BulkColumn, insertByColumns } from './demo-bulk-insert.js';
import { type DemoHouse, drawGridHouseholds, type RegisterGrid } from './demo-households.js';
import { drawGridOrganisations } from './demo-organisations.js';

/** Settings key that marks the demo register as written (what makes the seeding idempotent). */
export const DEMO_REGISTERS_KEY = 'demo.registers';
/** Households of the demo grid worker's own grid: enough for his list of whom to visit next. */
const DEMO_WORKER_HOUSEHOLDS = 36;
/** How long ago the demo register was taken (its rows' `created_at`): before its year of visits. */
const REGISTERED_DAYS_AGO = 400;
/** Rows per insert statement (well inside PostgreSQL's 65,535 parameters). */
const CHUNK = 1_000;

interface GridRecord {
  id: number;
  path: string;
  boundary: BoundaryGeometry;
  community_name: string;
  district_code: string;
  district_name: string;
}

/** The demo grid worker: his grid gets a fuller register. */
interface Worker {
  orgId: number;
}

async function loadGrids(tx: Tx): Promise<{ grids: GridRecord[]; worker: Worker | undefined }> {
  const grids = await queryRows<GridRecord>(
    tx,
    sql`select g.id, g.path, g.boundary, c.name as community_name, d.code as district_code,
               d.name as district_name
          from orgs g
          join orgs c on c.id = g.parent_id
          join orgs t on t.id = c.parent_id
          join orgs d on d.id = t.parent_id
         where g.kind = 'grid' and g.active and g.boundary is not null
         order by g.id`,
  );
  const [worker] = await queryRows<{ org_id: number }>(
    tx,
    sql`select org_id from users where username = 'grid'`,
  );
  return { grids, worker: worker && { orgId: worker.org_id } };
}

/** A point of the grid drawn at random inside its boundary (its bounding box's centre if none falls in). */
function pointsIn(random: DemoRandom, boundary: BoundaryGeometry): () => { lng: number; lat: number } {
  const box = bboxOfGeometry(boundary);
  return () => {
    for (let tries = 0; tries < 30; tries++) {
      const point = {
        lng: box.minLng + random.next() * (box.maxLng - box.minLng),
        lat: box.minLat + random.next() * (box.maxLat - box.minLat),
      };
      if (pointInGeometry(point, boundary)) return point;
    }
    return { lng: (box.minLng + box.maxLng) / 2, lat: (box.minLat + box.maxLat) / 2 };
  };
}

function areaKm2(boundary: BoundaryGeometry): number {
  const box = bboxOfGeometry(boundary);
  return (box.maxLng - box.minLng) * 85.5 * (box.maxLat - box.minLat) * 111;
}

async function insertChunks<T>(
  values: readonly T[],
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < values.length; i += CHUNK) await insert(values.slice(i, i + CHUNK));
}

/** What the demo register came to. */
export interface DemoRegisterReport {
  skipped: boolean;
  houses: number;
  residents: number;
  organisations: number;
}

/** A generated household and where it went. */
interface PlacedHouse {
  grid: GridRecord;
  house: DemoHouse;
  key: string;
}

/** The register drawn for every grid: houses with their people, and organisations (nothing written yet). */
function drawRegister(
  ctx: AppContext,
  seed: number,
  grids: readonly GridRecord[],
  worker: Worker | undefined,
  now: Date,
) {
  const endYear = Number(new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  const used = { ids: new Set<string>(), phones: new Set<string>(), creditCodes: new Set<string>() };
  const houses: PlacedHouse[] = [];
  const organisations: (typeof gridOrganisations.$inferInsert)[] = [];
  for (const grid of grids) {
    const random = createDemoRandom(deriveSeed(seed, `register:${grid.id}`));
    const registerGrid: RegisterGrid = {
      id: grid.id,
      path: grid.path,
      communityName: grid.community_name,
      districtCode: grid.district_code,
      districtName: grid.district_name,
      areaKm2: areaKm2(grid.boundary),
      pointIn: pointsIn(random, grid.boundary),
      ...(worker?.orgId === grid.id && { households: DEMO_WORKER_HOUSEHOLDS }),
    };
    const drawn = drawGridHouseholds(random, registerGrid, used, endYear);
    for (const house of drawn) houses.push({ grid, house, key: `${grid.id}|${houseKeyOf(house)}` });
    const address = drawn[0]?.address ?? grid.community_name;
    for (const org of drawGridOrganisations(random, { ...registerGrid, address }, used)) {
      const phone = storePhone(ctx, 'organisation.contact_phone', org.contactPhone);
      organisations.push({
        gridId: grid.id,
        gridPath: grid.path,
        name: org.name,
        kind: org.kind,
        creditCode: org.creditCode,
        address: org.address,
        contactName: org.contactName,
        contactPhoneSealed: phone.sealed,
        contactPhoneIndex: phone.index,
        employees: org.employees,
        tags: org.tags,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  return { houses, organisations };
}

/** Writes the houses; answers their ids by `gridId|houseKey`. */
async function writeHouses(tx: Tx, houses: readonly PlacedHouse[], now: Date): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  await insertChunks(houses, async (chunk) => {
    const inserted = await tx
      .insert(gridHouses)
      .values(
        chunk.map(({ grid, house }) => ({
          gridId: grid.id,
          gridPath: grid.path,
          address: house.address,
          building: house.building,
          unit: house.unit,
          room: house.room,
          houseKey: houseKeyOf(house),
          use: 'residential',
          occupancy: house.occupancy,
          area: house.area,
          lng: house.point.lng,
          lat: house.point.lat,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: gridHouses.id, gridId: gridHouses.gridId, houseKey: gridHouses.houseKey });
    for (const row of inserted) ids.set(`${row.gridId}|${row.houseKey}`, row.id);
  });
  return ids;
}

/** Writes the people of the houses, their numbers sealed as the register seals anyone's. */
async function writeResidents(
  ctx: AppContext,
  tx: Tx,
  houses: readonly PlacedHouse[],
  houseIds: ReadonlyMap<string, number>,
  now: Date,
): Promise<number> {
  const people = houses.flatMap(({ grid, house, key }) =>
    house.residents.map((person) => ({ grid, houseId: houseIds.get(key)!, person })),
  );
  const sealed = people.map(({ person }) => ({
    id: storeIdNumber(ctx, person.idNumber),
    phone: person.phone ? storePhone(ctx, 'resident.phone', person.phone) : null,
  }));
  const at = now.toISOString();
  const column = <T>(
    name: string,
    type: BulkColumn['type'],
    value: (i: number) => T,
    as?: BulkColumn['as'],
  ): BulkColumn => ({ name, type, values: people.map((_, i) => value(i)), ...(as && { as }) });
  await insertByColumns(tx, 'grid_residents', [
    column('grid_id', 'int', (i) => people[i]!.grid.id),
    column('grid_path', 'text', (i) => people[i]!.grid.path),
    column('house_id', 'int', (i) => people[i]!.houseId),
    column('name', 'text', (i) => people[i]!.person.name),
    column('gender', 'text', (i) => sealed[i]!.id.gender),
    column('birth_date', 'date', (i) => sealed[i]!.id.birthDate),
    column('id_number_sealed', 'text', (i) => sealed[i]!.id.idNumberSealed.toString('hex'), 'bytea'),
    column('id_number_index', 'text', (i) => sealed[i]!.id.idNumberIndex),
    column('phone_sealed', 'text', (i) => sealed[i]!.phone?.sealed.toString('hex') ?? null, 'bytea'),
    column('phone_index', 'text', (i) => sealed[i]!.phone?.index ?? null),
    column('ethnicity', 'text', (i) => people[i]!.person.ethnicity),
    column('household_relation', 'text', (i) => people[i]!.person.householdRelation),
    column('population_type', 'text', (i) => people[i]!.person.populationType),
    column('residence_status', 'text', (i) => people[i]!.person.residenceStatus),
    column('registered_address', 'text', (i) => people[i]!.person.registeredAddress),
    column('employer', 'text', (i) => people[i]!.person.employer),
    column('flags', 'text', (i) => `{${people[i]!.person.flags.join(',')}}`, 'text[]'),
    column('created_at', 'timestamptz', () => at),
    column('updated_at', 'timestamptz', () => at),
  ]);
  return people.length;
}

/**
 * `shanzhi seed --demo`: the grid's registers of the demo city — a few thousand households with synthetic
 * people (ID numbers and phones sealed like any other) and the organisations of each grid; their year of
 * visits comes with the demo history (`seedDemoVisits`). Deterministic for the city's seed; written once (a
 * settings key says so).
 */
export async function seedDemoRegisters(
  ctx: AppContext,
  seed = DEFAULT_DEMO_CITY_SEED,
): Promise<DemoRegisterReport> {
  if (await readSetting(ctx.db, DEMO_REGISTERS_KEY)) {
    return { skipped: true, houses: 0, residents: 0, organisations: 0 };
  }
  // registered before the year of visits it gets, as a city's register is
  const now = new Date(ctx.clock.now().getTime() - REGISTERED_DAYS_AGO * 86_400_000);
  return ctx.db.transaction(async (tx) => {
    const { grids, worker } = await loadGrids(tx);
    const { houses, organisations } = drawRegister(ctx, seed, grids, worker, now);
    const houseIds = await writeHouses(tx, houses, now);
    const residents = await writeResidents(ctx, tx, houses, houseIds, now);
    await insertChunks(organisations, (chunk) => tx.insert(gridOrganisations).values(chunk));
    const report = {
      skipped: false,
      houses: houses.length,
      residents,
      organisations: organisations.length,
    };
    await writeSetting(tx, DEMO_REGISTERS_KEY, { ...report, at: now.toISOString() }, now);
    return report;
  });
}
