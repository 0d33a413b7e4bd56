import {
  type CreateResidentInput,
  canonicalIdNumber,
  canonicalPhone,
  type Page,
  type ResidentListQuery,
  type ResidentPersonalData,
  type ResidentView,
  toBeijingDate,
  type UpdateResidentInput,
} from '@shanzhi/shared';
import type { Actor } from '../../../platform/auth/actor.js';
import { freeTextMaskingFor, readsPersonalData } from '../../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../../platform/context.js';
import type { DbOrTx } from '../../../platform/db/database.js';
import { AppError, versionConflict } from '../../../platform/errors/app-error.js';
import { offsetOf, pageAnswer } from '../../../platform/http/lists.js';
import { assertGridRecordInScope } from '../grid-scope.policy.js';
import { loadHouseInScope } from './houses.service.js';
import { assertReadsPersonalNumbers, auditRegister } from './register-audit.js';
import { registerListPath } from './register-scope.js';
import { idNumberIndexOf, openSealed, phoneIndexOf, storeIdNumber, storePhone } from './register-sealing.js';
import { presentResident, residentPresentation } from './residents.presenter.js';
import {
  findResident,
  findResidentByIdNumberIndex,
  insertResidents,
  listResidents,
  type ResidentFilter,
  type ResidentListRow,
  updateResidentAtVersion,
} from './residents.repository.js';

/** A resident the actor may see, or 404 RESIDENT_NOT_FOUND / 403 OUT_OF_SCOPE. */
export async function loadResidentInScope(db: DbOrTx, actor: Actor, id: number): Promise<ResidentListRow> {
  const row = await findResident(db, id);
  if (!row) throw new AppError('RESIDENT_NOT_FOUND', `实有人口 ${id} 不存在`);
  assertGridRecordInScope(actor, row.gridPath);
  return row;
}

/** The Beijing date `years` years before `today` (`YYYY-MM-DD`), 29 February falling back to the 28th. */
function yearsBefore(today: string, years: number): string {
  const year = String(Number(today.slice(0, 4)) - years).padStart(4, '0');
  const day = today.slice(5) === '02-29' ? '02-28' : today.slice(5);
  return `${year}-${day}`;
}

/**
 * What `q` asks for: a whole ID number or phone is looked up exactly through its blind index (only a holder of
 * `personal_data.read` may search by a number: 403 otherwise); anything else is part of a name.
 */
function keywordFilter(
  ctx: AppContext,
  actor: Actor,
  q: string | undefined,
): Pick<ResidentFilter, 'name' | 'idNumberIndex' | 'phoneIndex'> {
  if (!q) return {};
  const idNumber = canonicalIdNumber(q);
  const phone = canonicalPhone(q);
  const isNumber = /^\d{17}[\dX]$/.test(idNumber) || phone !== null;
  if (isNumber && !readsPersonalData(actor)) {
    throw new AppError('FORBIDDEN', '按身份证号码或电话查找需要“查看完整个人信息”权限', [
      { field: 'q', code: 'forbidden', message: '无权按身份证号码或电话查找' },
    ]);
  }
  if (/^\d{17}[\dX]$/.test(idNumber)) return { idNumberIndex: idNumberIndexOf(ctx, idNumber) };
  if (phone) return { phoneIndex: phoneIndexOf(ctx, 'resident.phone', phone) };
  return { name: q };
}

/** The repository filter of a resident list or export, checked against the actor's scope. */
export async function residentFilterOf(
  ctx: AppContext,
  actor: Actor,
  query: Omit<ResidentListQuery, 'page' | 'pageSize'>,
): Promise<ResidentFilter> {
  const today = toBeijingDate(ctx.clock.now());
  return {
    path: await registerListPath(ctx.db, actor, query.within),
    houseId: query.houseId,
    ...keywordFilter(ctx, actor, query.q),
    flag: query.flag,
    populationType: query.populationType,
    gender: query.gender,
    // aged `ageTo` at most: born after the day `ageTo + 1` years ago
    bornFrom: query.ageTo === undefined ? undefined : nextDay(yearsBefore(today, query.ageTo + 1)),
    bornTo: query.ageFrom === undefined ? undefined : yearsBefore(today, query.ageFrom),
  };
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** A page of the residents in the actor's scope, their numbers masked. */
export async function listResidentsForActor(
  ctx: AppContext,
  actor: Actor,
  query: ResidentListQuery,
): Promise<Page<ResidentView>> {
  const filter = await residentFilterOf(ctx, actor, query);
  const { rows, total } = await listResidents(ctx.db, filter, {
    limit: query.pageSize,
    offset: offsetOf(query),
  });
  const presentation = residentPresentation(ctx, ctx.clock.now(), freeTextMaskingFor(actor));
  return pageAnswer(
    rows.map((row) => presentResident(row, presentation)),
    total,
    query,
  );
}

/** One resident in the actor's scope, his numbers masked. */
export async function getResident(ctx: AppContext, actor: Actor, id: number): Promise<ResidentView> {
  const row = await loadResidentInScope(ctx.db, actor, id);
  return presentResident(row, residentPresentation(ctx, ctx.clock.now(), freeTextMaskingFor(actor)));
}

/** The residents of one house, as its household page lists them. */
export async function residentsOfHouse(
  ctx: AppContext,
  actor: Actor,
  houseId: number,
  gridPath: string,
): Promise<ResidentView[]> {
  const { rows } = await listResidents(ctx.db, { path: gridPath, houseId }, { limit: 200, offset: 0 });
  const presentation = residentPresentation(ctx, ctx.clock.now(), freeTextMaskingFor(actor));
  return rows.map((row) => presentResident(row, presentation));
}

function alreadyRegistered(): AppError {
  return new AppError('ALREADY_REGISTERED', '该公民身份号码已登记，同一人只登记一次', [
    { field: 'idNumber', code: 'duplicate', message: '该公民身份号码已登记' },
  ]);
}

/** The columns of a resident's form apart from his numbers. */
function residentValues(input: CreateResidentInput | UpdateResidentInput) {
  return {
    houseId: input.houseId,
    name: input.name,
    ethnicity: input.ethnicity || null,
    householdRelation: input.householdRelation ?? null,
    populationType: input.populationType,
    residenceStatus: input.residenceStatus ?? null,
    registeredAddress: input.registeredAddress || null,
    currentAddress: input.currentAddress || null,
    employer: input.employer || null,
    flags: input.flags,
    note: input.note || null,
  };
}

/**
 * 登记实有人口: a resident of a house in the actor's scope. His ID number and phone are sealed before they reach
 * the database; an ID number the register already holds (anywhere in the city) is refused.
 */
export async function createResident(
  ctx: AppContext,
  actor: Actor,
  input: CreateResidentInput,
): Promise<ResidentView> {
  const house = await loadHouseInScope(ctx.db, actor, input.houseId);
  const idNumber = storeIdNumber(ctx, input.idNumber);
  if (await findResidentByIdNumberIndex(ctx.db, idNumber.idNumberIndex)) throw alreadyRegistered();
  const phone = input.phone ? storePhone(ctx, 'resident.phone', input.phone) : null;
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await insertResidents(tx, [
      {
        ...residentValues(input),
        ...idNumber,
        phoneSealed: phone?.sealed ?? null,
        phoneIndex: phone?.index ?? null,
        gridId: house.gridId,
        gridPath: house.gridPath,
        createdByUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    await auditRegister(tx, actor, now, {
      action: 'grid_register.resident_created',
      targetType: 'resident',
      targetId: row!.id,
      detail: { houseId: house.id },
    });
    return row!.id;
  });
  return getResident(ctx, actor, id);
}

/**
 * Changes a resident at the version read; his numbers change only when sent (`idNumber`, `phone`; a null phone
 * removes it). Moving him to another house of the actor's scope moves him to its grid.
 */
export async function updateResident(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: UpdateResidentInput,
): Promise<ResidentView> {
  const current = await loadResidentInScope(ctx.db, actor, id);
  const house = await loadHouseInScope(ctx.db, actor, input.houseId);
  const idNumber = input.idNumber === undefined ? undefined : storeIdNumber(ctx, input.idNumber);
  if (idNumber && (await findResidentByIdNumberIndex(ctx.db, idNumber.idNumberIndex, id))) {
    throw alreadyRegistered();
  }
  const phone =
    input.phone === undefined
      ? undefined
      : input.phone === null
        ? { phoneSealed: null, phoneIndex: null }
        : (({ sealed, index }) => ({ phoneSealed: sealed, phoneIndex: index }))(
            storePhone(ctx, 'resident.phone', input.phone),
          );
  const changed = [
    ...(idNumber ? ['idNumber'] : []),
    ...(phone ? ['phone'] : []),
    ...(house.id === current.houseId ? [] : ['houseId']),
  ];
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const updated = await updateResidentAtVersion(tx, id, input.version, {
      ...residentValues(input),
      ...idNumber,
      ...phone,
      gridId: house.gridId,
      gridPath: house.gridPath,
      updatedAt: now,
    });
    if (!updated) throw versionConflict('实有人口信息', current.version);
    await auditRegister(tx, actor, now, {
      action: 'grid_register.resident_updated',
      targetType: 'resident',
      targetId: id,
      detail: { numbersOrHouseChanged: changed },
    });
  });
  return getResident(ctx, actor, id);
}

/**
 * 查看完整号码: a resident's ID number and phone in full, for a caller holding `personal_data.read` and the
 * resident in his scope. Every answer is written to the audit trail first (who read whose numbers, when, from
 * where); a read that cannot be audited is not answered.
 */
export async function revealResidentNumbers(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<ResidentPersonalData> {
  assertReadsPersonalNumbers(actor);
  const row = await loadResidentInScope(ctx.db, actor, id);
  await auditRegister(ctx.db, actor, ctx.clock.now(), {
    action: 'grid_register.personal_data_read',
    targetType: 'resident',
    targetId: id,
    detail: { fields: row.phoneSealed ? ['idNumber', 'phone'] : ['idNumber'] },
  });
  return {
    id,
    idNumber: openSealed(ctx, 'resident.id_number', row.idNumberSealed),
    phone: openSealed(ctx, 'resident.phone', row.phoneSealed),
  };
}
