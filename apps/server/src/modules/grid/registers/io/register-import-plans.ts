import {
  CreateHouseInput,
  CreateOrganisationInput,
  CreateResidentInput,
  houseKeyOf,
  type RegisterKind,
} from '@shanzhi/shared';
import { and, eq, inArray, like } from 'drizzle-orm';
import type { Actor } from '../../../../platform/auth/actor.js';
import { isInScope } from '../../../../platform/auth/actor.js';
import type { AppContext } from '../../../../platform/context.js';
import type { DbOrTx, Tx } from '../../../../platform/db/database.js';
import { orgs } from '../../../orgs/orgs.tables.js';
import { findHouseIdsByKeys, insertHouses } from '../houses.repository.js';
import { findTakenOrganisations, insertOrganisations } from '../organisations.repository.js';
import { storeIdNumber, storePhone } from '../register-sealing.js';
import type { gridHouses, gridOrganisations, gridResidents } from '../registers.tables.js';
import { findTakenIdNumberIndexes, insertResidents } from '../residents.repository.js';
import { checkRow, problemAt, type ReadRow, type RowProblem } from './register-rows.js';
import { REGISTER_SHEETS } from './register-sheets.js';

/** Rows written per statement: small enough for PostgreSQL's parameter limit, large enough to be quick. */
const CHUNK = 500;

/** What an import created. */
export interface ImportCreated {
  houses: number;
  residents: number;
  organisations: number;
}

/** Rows that passed every check, and how to write them all in the caller's transaction. */
export interface ImportPlan {
  rows: number;
  write(tx: Tx, progress: (done: number) => void): Promise<ImportCreated>;
}

/** The rows read, the problems found so far, and who imports when: what every plan starts from. */
export interface PlanInput {
  ctx: AppContext;
  actor: Actor;
  now: Date;
  rows: ReadRow[];
  problems: RowProblem[];
}

type Grid = { id: number; path: string };

/**
 * The grids the file names by code: each must be an active grid of the importer's scope. Answers the grid of
 * each row that names a usable one, and a problem for each that does not.
 */
async function resolveGrids(input: PlanInput, kind: RegisterKind): Promise<Map<number, Grid>> {
  const sheet = REGISTER_SHEETS[kind];
  const codes = [...new Set(input.rows.map((r) => r.fields.gridCode).filter((c) => typeof c === 'string'))];
  const found =
    codes.length === 0
      ? []
      : await input.ctx.db
          .select({ id: orgs.id, code: orgs.code, path: orgs.path })
          .from(orgs)
          .where(and(inArray(orgs.code, codes as string[]), eq(orgs.kind, 'grid'), eq(orgs.active, true)));
  const byCode = new Map(found.map((g) => [g.code, g]));
  const gridOfRow = new Map<number, Grid>();
  for (const { row, fields } of input.rows) {
    const code = fields.gridCode as string | undefined;
    if (code === undefined) continue;
    const grid = byCode.get(code);
    if (!grid)
      input.problems.push(problemAt(sheet, row, 'gridCode', 'unknown_grid', `网格编码 ${code} 不存在`));
    else if (!isInScope(input.actor, grid.path))
      input.problems.push(
        problemAt(sheet, row, 'gridCode', 'out_of_scope', `网格 ${code} 不在您的管辖范围内`),
      );
    else gridOfRow.set(row, grid);
  }
  return gridOfRow;
}

/** The location fields of a row as the API's `location`. */
function locationOf(fields: Record<string, unknown>) {
  if (fields.longitude === undefined && fields.latitude === undefined) return undefined;
  return { longitude: fields.longitude, latitude: fields.latitude };
}

/** Marks the second and later rows with the same key as duplicates of the first. */
function firstOfKey(
  seen: Map<string, number>,
  key: string,
  row: number,
  onDuplicate: (firstRow: number) => void,
): boolean {
  const first = seen.get(key);
  if (first !== undefined) {
    onDuplicate(first);
    return false;
  }
  seen.set(key, row);
  return true;
}

/** Inserts in chunks, telling `progress` the rows written so far. */
async function insertInChunks<V>(
  values: readonly V[],
  insert: (chunk: V[]) => Promise<unknown>,
  progress: (done: number) => void,
  doneBefore = 0,
): Promise<void> {
  for (let start = 0; start < values.length; start += CHUNK) {
    const chunk = values.slice(start, start + CHUNK);
    await insert(chunk);
    progress(doneBefore + start + chunk.length);
  }
}

/** 房屋: each row a house; the same house twice in the file, or one already registered, is refused. */
export async function planHouses(input: PlanInput): Promise<ImportPlan> {
  const sheet = REGISTER_SHEETS.houses;
  const grids = await resolveGrids(input, 'houses');
  const seen = new Map<string, number>();
  const planned: {
    row: number;
    key: { gridId: number; houseKey: string };
    values: typeof gridHouses.$inferInsert;
  }[] = [];
  for (const read of input.rows) {
    const { row, fields } = read;
    const grid = grids.get(row);
    const { gridCode: _code, longitude: _lng, latitude: _lat, ...rest } = fields;
    // a row whose grid is unknown is still checked, so that all its problems show at once
    const candidate = { ...rest, gridId: grid?.id ?? 1, location: locationOf(fields) };
    const { value, problems } = checkRow(sheet, read, CreateHouseInput, candidate);
    input.problems.push(...problems);
    if (!value || !grid) continue;
    const houseKey = houseKeyOf(value);
    const fresh = firstOfKey(seen, `${grid.id}|${houseKey}`, row, (first) =>
      input.problems.push(
        problemAt(sheet, row, 'address', 'duplicate_in_file', `与第 ${first} 行是同一房屋`),
      ),
    );
    if (!fresh) continue;
    planned.push({
      row,
      key: { gridId: grid.id, houseKey },
      values: {
        gridId: grid.id,
        gridPath: grid.path,
        address: value.address,
        building: value.building || null,
        unit: value.unit || null,
        room: value.room || null,
        houseKey,
        use: value.use,
        occupancy: value.occupancy,
        area: value.area ?? null,
        lng: value.location?.longitude ?? null,
        lat: value.location?.latitude ?? null,
        note: value.note || null,
        createdByUserId: input.actor.userId,
        createdAt: input.now,
        updatedAt: input.now,
      },
    });
  }
  const existing = await findHouseIdsByKeys(
    input.ctx.db,
    planned.map((p) => p.key),
  );
  for (const p of planned) {
    if (existing.has(`${p.key.gridId}|${p.key.houseKey}`))
      input.problems.push(problemAt(sheet, p.row, 'address', 'already_registered', '该房屋已登记'));
  }
  return {
    rows: input.rows.length,
    async write(tx, progress) {
      await insertInChunks(
        planned.map((p) => p.values),
        (chunk) => insertHouses(tx, chunk),
        progress,
      );
      return { houses: planned.length, residents: 0, organisations: 0 };
    },
  };
}

/** A resident's row checked by the API's rules, with the address of his house in place of its id. */
const ResidentRow = CreateResidentInput.omit({ houseId: true }).extend(
  CreateHouseInput.pick({ address: true, building: true, unit: true, room: true }).shape,
);

/**
 * 实有人口: each row a person, sealed as the form seals him; his house (by grid and address) is found in the
 * register or created with him. An ID number twice in the file, or one already registered, is refused.
 */
export async function planResidents(input: PlanInput): Promise<ImportPlan> {
  const sheet = REGISTER_SHEETS.residents;
  const grids = await resolveGrids(input, 'residents');
  const seen = new Map<string, number>();
  type Planned = {
    row: number;
    houseKey: string;
    values: Omit<typeof gridResidents.$inferInsert, 'houseId'>;
  };
  const planned: Planned[] = [];
  const newHouses = new Map<string, typeof gridHouses.$inferInsert>();
  for (const read of input.rows) {
    const { row, fields } = read;
    const grid = grids.get(row);
    const { gridCode: _code, ...candidate } = fields;
    const { value, problems } = checkRow(sheet, read, ResidentRow, candidate);
    input.problems.push(...problems);
    if (!value || !grid) continue;
    const idNumber = storeIdNumber(input.ctx, value.idNumber);
    const fresh = firstOfKey(seen, idNumber.idNumberIndex, row, (first) =>
      input.problems.push(
        problemAt(sheet, row, 'idNumber', 'duplicate_in_file', `与第 ${first} 行的号码重复`),
      ),
    );
    if (!fresh) continue;
    const houseKey = `${grid.id}|${houseKeyOf(value)}`;
    if (!newHouses.has(houseKey)) {
      newHouses.set(houseKey, {
        gridId: grid.id,
        gridPath: grid.path,
        address: value.address,
        building: value.building || null,
        unit: value.unit || null,
        room: value.room || null,
        houseKey: houseKeyOf(value),
        use: 'residential',
        // a house its people rent, unless they are its registered household
        occupancy: value.populationType === 'registered' ? 'owner_occupied' : 'rented',
        createdByUserId: input.actor.userId,
        createdAt: input.now,
        updatedAt: input.now,
      });
    }
    const phone = value.phone ? storePhone(input.ctx, 'resident.phone', value.phone) : null;
    planned.push({
      row,
      houseKey,
      values: {
        gridId: grid.id,
        gridPath: grid.path,
        name: value.name,
        ...idNumber,
        phoneSealed: phone?.sealed ?? null,
        phoneIndex: phone?.index ?? null,
        ethnicity: value.ethnicity || null,
        householdRelation: value.householdRelation ?? null,
        populationType: value.populationType,
        residenceStatus: value.residenceStatus ?? null,
        registeredAddress: value.registeredAddress || null,
        currentAddress: value.currentAddress || null,
        employer: value.employer || null,
        flags: value.flags,
        note: value.note || null,
        createdByUserId: input.actor.userId,
        createdAt: input.now,
        updatedAt: input.now,
      },
    });
  }
  const taken = await findTakenIdNumberIndexes(
    input.ctx.db,
    planned.map((p) => p.values.idNumberIndex),
  );
  for (const p of planned) {
    if (taken.has(p.values.idNumberIndex))
      input.problems.push(problemAt(sheet, p.row, 'idNumber', 'already_registered', '该公民身份号码已登记'));
  }
  return {
    rows: input.rows.length,
    async write(tx, progress) {
      const houseIds = await findHouseIdsByKeys(tx, [...newHouses.values()]);
      const missing = [...newHouses.entries()].filter(([key]) => !houseIds.has(key));
      for (let start = 0; start < missing.length; start += CHUNK) {
        const created = await insertHouses(
          tx,
          missing.slice(start, start + CHUNK).map(([, values]) => values),
        );
        for (const house of created) houseIds.set(`${house.gridId}|${house.houseKey}`, house.id);
      }
      await insertInChunks(
        planned.map((p) => ({ ...p.values, houseId: houseIds.get(p.houseKey)! })),
        (chunk) => insertResidents(tx, chunk),
        progress,
      );
      return { houses: missing.length, residents: planned.length, organisations: 0 };
    },
  };
}

/** 单位/组织/场所: a credit code, or a name in its grid, already in the file or the register is refused. */
export async function planOrganisations(input: PlanInput): Promise<ImportPlan> {
  const sheet = REGISTER_SHEETS.organisations;
  const grids = await resolveGrids(input, 'organisations');
  const seenCodes = new Map<string, number>();
  const seenNames = new Map<string, number>();
  const planned: { row: number; values: typeof gridOrganisations.$inferInsert }[] = [];
  for (const read of input.rows) {
    const { row, fields } = read;
    const grid = grids.get(row);
    const { gridCode: _code, longitude: _lng, latitude: _lat, ...rest } = fields;
    const candidate = { ...rest, gridId: grid?.id ?? 1, location: locationOf(fields) };
    const { value, problems } = checkRow(sheet, read, CreateOrganisationInput, candidate);
    input.problems.push(...problems);
    if (!value || !grid) continue;
    const duplicate = (column: string, first: number) =>
      input.problems.push(problemAt(sheet, row, column, 'duplicate_in_file', `与第 ${first} 行重复`));
    if (value.creditCode && !firstOfKey(seenCodes, value.creditCode, row, (f) => duplicate('creditCode', f)))
      continue;
    if (!firstOfKey(seenNames, `${grid.id}|${value.name}`, row, (f) => duplicate('name', f))) continue;
    const phone = value.contactPhone
      ? storePhone(input.ctx, 'organisation.contact_phone', value.contactPhone)
      : null;
    planned.push({
      row,
      values: {
        gridId: grid.id,
        gridPath: grid.path,
        name: value.name,
        kind: value.kind,
        creditCode: value.creditCode ?? null,
        address: value.address,
        lng: value.location?.longitude ?? null,
        lat: value.location?.latitude ?? null,
        contactName: value.contactName || null,
        contactPhoneSealed: phone?.sealed ?? null,
        contactPhoneIndex: phone?.index ?? null,
        employees: value.employees ?? null,
        tags: value.tags,
        note: value.note || null,
        createdByUserId: input.actor.userId,
        createdAt: input.now,
        updatedAt: input.now,
      },
    });
  }
  const taken = await findTakenOrganisations(
    input.ctx.db,
    planned.flatMap((p) => (p.values.creditCode ? [p.values.creditCode] : [])),
    planned.map((p) => p.values.gridId),
  );
  for (const { row, values } of planned) {
    if (values.creditCode && taken.creditCodes.has(values.creditCode))
      input.problems.push(
        problemAt(sheet, row, 'creditCode', 'already_registered', '该统一社会信用代码已登记'),
      );
    else if (taken.names.has(`${values.gridId}|${values.name}`))
      input.problems.push(problemAt(sheet, row, 'name', 'already_registered', '该网格已登记同名单位'));
  }
  return {
    rows: input.rows.length,
    async write(tx, progress) {
      await insertInChunks(
        planned.map((p) => p.values),
        (chunk) => insertOrganisations(tx, chunk),
        progress,
      );
      return { houses: 0, residents: 0, organisations: planned.length };
    },
  };
}

/** The grids of the importer's scope, by code: the template's 网格清单. */
export async function gridsInScope(db: DbOrTx, scopePath: string) {
  return db
    .select({ id: orgs.id, code: orgs.code, name: orgs.name, parentId: orgs.parentId })
    .from(orgs)
    .where(and(eq(orgs.kind, 'grid'), eq(orgs.active, true), like(orgs.path, `${scopePath}%`)))
    .orderBy(orgs.code);
}
