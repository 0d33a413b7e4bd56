import { once } from 'node:events';
import type { Writable } from 'node:stream';
import {
  codeLabel,
  GENDERS,
  HOUSE_OCCUPANCIES,
  HOUSE_USES,
  HOUSEHOLD_RELATIONS,
  type HouseExportQuery,
  maskIdNumber,
  maskPersonName,
  maskPhone,
  ORGANISATION_KINDS,
  ORGANISATION_TAGS,
  type OrganisationExportQuery,
  POPULATION_TYPES,
  RESIDENCE_STATUSES,
  RESIDENT_FLAGS,
  type RegisterKind,
  type ResidentExportQuery,
} from '@shanzhi/shared';
import ExcelJS from 'exceljs';
import type { Actor } from '../../../../platform/auth/actor.js';
import {
  type FreeTextMasking,
  freeTextMaskingFor,
  readsPersonalData,
} from '../../../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../../../platform/context.js';
import { AppError } from '../../../../platform/errors/app-error.js';
import { countHouses, type HouseListRow, listHousesAfter } from '../houses.repository.js';
import { houseFilterOf } from '../houses.service.js';
import {
  countOrganisations,
  listOrganisationsAfter,
  type OrganisationListRow,
} from '../organisations.repository.js';
import { organisationFilterOf } from '../organisations.service.js';
import { auditRegister } from '../register-audit.js';
import { openSealed } from '../register-sealing.js';
import { countResidents, listResidentsAfter, type ResidentListRow } from '../residents.repository.js';
import { residentFilterOf } from '../residents.service.js';
import { REGISTER_SHEETS } from './register-sheets.js';

/** The most rows one register export may hold; a larger one is refused (narrow the filter). */
export const REGISTER_EXPORT_MAX_ROWS = 100_000;
const BATCH = 1_000;

type Cell = string | number | null;
type Values = Record<string, Cell>;

/** The filters of an export of each register. */
export type RegisterExportQuery = HouseExportQuery | ResidentExportQuery | OrganisationExportQuery;

/** One register's export: its rows in batches, and each row's cells by column key. */
interface ExportSource<R> {
  count(): Promise<number>;
  after(afterId: number, limit: number): Promise<R[]>;
  values(row: R): Values;
}

const dateTime = (at: Date | null) =>
  at ? new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null;

function houseValues(row: HouseListRow, masking: FreeTextMasking): Values {
  return {
    gridCode: row.gridCode,
    address: row.address,
    building: row.building,
    unit: row.unit,
    room: row.room,
    use: codeLabel(HOUSE_USES, row.use),
    occupancy: codeLabel(HOUSE_OCCUPANCIES, row.occupancy),
    area: row.area,
    longitude: row.lng,
    latitude: row.lat,
    note: masking.text(row.note),
    gridName: row.gridName,
    residentCount: row.residentCount,
    lastVisitedAt: dateTime(row.lastVisitedAt),
  };
}

function residentValues(ctx: AppContext, row: ResidentListRow, masking: FreeTextMasking): Values {
  const inFull = masking.inFull;
  const idNumber = openSealed(ctx, 'resident.id_number', row.idNumberSealed);
  const phone = openSealed(ctx, 'resident.phone', row.phoneSealed);
  return {
    gridCode: row.gridCode,
    address: row.houseAddress,
    building: row.houseBuilding,
    unit: row.houseUnit,
    room: row.houseRoom,
    name: inFull ? row.name : maskPersonName(row.name),
    idNumber: inFull ? idNumber : maskIdNumber(idNumber),
    phone: inFull ? phone : maskPhone(phone),
    ethnicity: row.ethnicity,
    householdRelation: row.householdRelation && codeLabel(HOUSEHOLD_RELATIONS, row.householdRelation),
    populationType: codeLabel(POPULATION_TYPES, row.populationType),
    residenceStatus: row.residenceStatus && codeLabel(RESIDENCE_STATUSES, row.residenceStatus),
    registeredAddress: row.registeredAddress,
    currentAddress: row.currentAddress,
    employer: row.employer,
    flags: row.flags.map((flag) => codeLabel(RESIDENT_FLAGS, flag)).join('、'),
    note: masking.text(row.note),
    gender: codeLabel(GENDERS, row.gender),
    birthDate: inFull ? row.birthDate : `${row.birthDate.slice(0, 4)}年`,
    gridName: row.gridName,
  };
}

function organisationValues(ctx: AppContext, row: OrganisationListRow, masking: FreeTextMasking): Values {
  const inFull = masking.inFull;
  const phone = openSealed(ctx, 'organisation.contact_phone', row.contactPhoneSealed);
  return {
    gridCode: row.gridCode,
    name: row.name,
    kind: codeLabel(ORGANISATION_KINDS, row.kind),
    creditCode: row.creditCode,
    address: row.address,
    contactName: inFull ? row.contactName : maskPersonName(row.contactName),
    contactPhone: inFull ? phone : maskPhone(phone),
    employees: row.employees,
    tags: row.tags.map((tag) => codeLabel(ORGANISATION_TAGS, tag)).join('、'),
    longitude: row.lng,
    latitude: row.lat,
    note: masking.text(row.note),
    gridName: row.gridName,
  };
}

async function sourceOf(
  ctx: AppContext,
  actor: Actor,
  kind: RegisterKind,
  query: RegisterExportQuery,
): Promise<ExportSource<unknown>> {
  const masking = freeTextMaskingFor(actor);
  if (kind === 'houses') {
    const filter = await houseFilterOf(ctx, actor, query as HouseExportQuery);
    return {
      count: () => countHouses(ctx.db, filter),
      after: (id, limit) => listHousesAfter(ctx.db, filter, id, limit),
      values: (row) => houseValues(row as HouseListRow, masking),
    };
  }
  if (kind === 'residents') {
    const filter = await residentFilterOf(ctx, actor, query as ResidentExportQuery);
    return {
      count: () => countResidents(ctx.db, filter),
      after: (id, limit) => listResidentsAfter(ctx.db, filter, id, limit),
      values: (row) => residentValues(ctx, row as ResidentListRow, masking),
    };
  }
  const filter = await organisationFilterOf(ctx, actor, query as OrganisationExportQuery);
  return {
    count: () => countOrganisations(ctx.db, filter),
    after: (id, limit) => listOrganisationsAfter(ctx.db, filter, id, limit),
    values: (row) => organisationValues(ctx, row as OrganisationListRow, masking),
  };
}

/** An export checked and counted, ready to stream. */
export interface PreparedRegisterExport {
  kind: RegisterKind;
  total: number;
  source: ExportSource<unknown>;
}

/**
 * Checks an export before anything is sent (the list's filters and scope; at most
 * `REGISTER_EXPORT_MAX_ROWS` rows: 400 EXPORT_TOO_LARGE otherwise) and writes it to the audit trail: who
 * exported how many rows of which register, with what filter, and whether the numbers were in full — they
 * are for a holder of `personal_data.read`, masked for everyone else.
 */
export async function prepareRegisterExport(
  ctx: AppContext,
  actor: Actor,
  kind: RegisterKind,
  query: RegisterExportQuery,
): Promise<PreparedRegisterExport> {
  const source = await sourceOf(ctx, actor, kind, query);
  const total = await source.count();
  if (total > REGISTER_EXPORT_MAX_ROWS) {
    throw new AppError(
      'EXPORT_TOO_LARGE',
      `符合条件的记录有 ${total} 条，超过单次导出上限 ${REGISTER_EXPORT_MAX_ROWS} 条，请缩小范围后再导出`,
    );
  }
  await auditRegister(ctx.db, actor, ctx.clock.now(), {
    action: 'grid_register.exported',
    targetType: 'register',
    targetId: kind,
    detail: { rows: total, unmasked: readsPersonalData(actor), filter: query },
  });
  return { kind, total, source };
}

/** Resolves when `out` drains, or closes (the client went away): never waits forever. */
async function drainedOrClosed(out: Writable): Promise<void> {
  const controller = new AbortController();
  try {
    await Promise.race([
      once(out, 'drain', { signal: controller.signal }),
      once(out, 'close', { signal: controller.signal }),
    ]);
  } finally {
    controller.abort();
  }
}

/** Streams a prepared export into `out` as an .xlsx workbook (the import template's columns, then facts). */
export async function writeRegisterExport(prepared: PreparedRegisterExport, out: Writable): Promise<number> {
  const { title, columns, exportOnly } = REGISTER_SHEETS[prepared.kind];
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = '善治 市域社会治理智能化综合平台';
  const sheet = workbook.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  const all = [
    ...columns.map((c) => ({ key: c.key, header: c.required ? `*${c.header}` : c.header, width: c.width })),
    ...exportOnly,
  ];
  sheet.columns = all.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let written = 0;
  let afterId = 0;
  for (;;) {
    const rows = (await prepared.source.after(afterId, BATCH)) as { id: number }[];
    for (const row of rows) {
      const values = prepared.source.values(row);
      sheet.addRow(all.map((c) => values[c.key] ?? null)).commit();
    }
    written += rows.length;
    if (rows.length < BATCH || out.destroyed) break;
    afterId = rows.at(-1)!.id;
    if (out.writableNeedDrain) await drainedOrClosed(out);
  }
  sheet.commit();
  await workbook.commit();
  return written;
}

/** `实有人口_20261123.xlsx`: an export's file name on a Beijing day. */
export function registerExportFileName(kind: RegisterKind, now: Date): string {
  const day = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `${REGISTER_SHEETS[kind].title}_${day}.xlsx`;
}
