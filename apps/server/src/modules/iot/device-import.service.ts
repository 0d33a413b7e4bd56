import {
  DEFAULT_HEARTBEAT_SECONDS,
  DEVICE_TYPE_LABELS,
  DEVICE_TYPES,
  type DeviceImportError,
  type DeviceImportResult,
  DeviceInput,
  type DeviceType,
} from '@shanzhi/shared';
import ExcelJS from 'exceljs';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { type CellValue, readFirstSheet, type SheetRow } from '../grid/registers/io/xlsx-rows.js';
import { newDeviceRow, newSecret } from './devices.service.js';
import { presentDevice } from './iot.presenter.js';
import {
  type EstateRow,
  findBuildingsOf,
  findDevices,
  findEstatesByName,
  findTakenSerials,
  insertDevices,
} from './iot.repository.js';

/** The most rows one import takes. */
const MAX_DEVICE_ROWS = 2_000;

/** The columns of the import sheet, in order: header and the input field each fills. */
export const DEVICE_IMPORT_COLUMNS = [
  { header: '小区', field: 'estateId' },
  { header: '楼栋', field: 'buildingId' },
  { header: '设备类型', field: 'type' },
  { header: '序列号', field: 'serial' },
  { header: '厂商', field: 'vendor' },
  { header: '型号', field: 'model' },
  { header: '楼层', field: 'floor' },
  { header: '点位', field: 'point' },
  { header: '心跳间隔（秒）', field: 'heartbeatSeconds' },
] as const;

const TYPE_BY_LABEL = new Map(DEVICE_TYPES.map((t) => [DEVICE_TYPE_LABELS[t], t] as [string, DeviceType]));

/** The import template: the header row, one example, and the device types on a second sheet. */
export async function buildDeviceTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('感知设备');
  sheet.addRow(DEVICE_IMPORT_COLUMNS.map((c) => c.header)).font = { bold: true };
  sheet.addRow([
    '谱翔A区',
    '1号楼',
    '烟感火情探测器',
    'PX01-SMOKE-9-1',
    '海康威视',
    'NP-FY300',
    3,
    '1单元3楼楼道',
    '',
  ]);
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  const types = workbook.addWorksheet('设备类型');
  types.addRow(['设备类型', '默认心跳间隔（秒）']).font = { bold: true };
  for (const t of DEVICE_TYPES) types.addRow([DEVICE_TYPE_LABELS[t], DEFAULT_HEARTBEAT_SECONDS[t]]);
  types.getColumn(1).width = 24;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const textOf = (cell: CellValue | undefined) =>
  cell === null || cell === undefined ? undefined : String(cell).trim();
const numberOf = (cell: CellValue | undefined) =>
  cell === null || cell === undefined ? undefined : typeof cell === 'number' ? cell : Number(cell);

/** The estates the sheet names, in the caller's scope, by name (a name of two communities is ambiguous). */
async function estatesByName(ctx: AppContext, actor: Actor, rows: readonly SheetRow[]) {
  const names = [...new Set(rows.map((r) => textOf(r.cells[0])).filter((n): n is string => Boolean(n)))];
  const estates = await findEstatesByName(ctx.db, actor.scopePath, names);
  const byName = new Map<string, EstateRow[]>();
  for (const e of estates) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
  const buildings = await findBuildingsOf(
    ctx.db,
    estates.map((e) => e.id),
  );
  return { byName, buildings };
}

type Checked = { row: number; input: DeviceInput; estate: EstateRow } | { error: DeviceImportError };

/** One sheet row checked as `POST /api/v1/iot/devices` would check it, its estate and building by name. */
function checkRow({ number, cells }: SheetRow, known: Awaited<ReturnType<typeof estatesByName>>): Checked {
  const [estateName, buildingName, type, serial, vendor, model, floor, point, heartbeat] = cells;
  const refuse = (field: string, message: string): Checked => ({ error: { row: number, field, message } });
  const name = textOf(estateName);
  if (!name) return refuse('小区', '请填写小区');
  const estates = known.byName.get(name) ?? [];
  if (estates.length === 0) return refuse('小区', `「${name}」不是您管辖范围内的小区`);
  if (estates.length > 1) return refuse('小区', `「${name}」在多个社区都有，请联系管理员逐个登记`);
  const estate = estates[0]!;
  const building = textOf(buildingName);
  const buildingId = building
    ? known.buildings.get(estate.id)?.find((b) => b.name === building)?.id
    : undefined;
  if (building && buildingId === undefined) return refuse('楼栋', `「${name}」没有楼栋「${building}」`);
  const typeText = textOf(type);
  const parsed = DeviceInput.safeParse({
    estateId: estate.id,
    buildingId,
    type: typeText ? (TYPE_BY_LABEL.get(typeText) ?? typeText) : undefined,
    serial: textOf(serial),
    vendor: textOf(vendor),
    model: textOf(model),
    floor: numberOf(floor),
    point: textOf(point),
    heartbeatSeconds: numberOf(heartbeat),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = DEVICE_IMPORT_COLUMNS.find((c) => c.field === issue.path.join('.'))?.header;
    return refuse(field ?? issue.path.join('.'), issue.message);
  }
  return { row: number, input: parsed.data, estate };
}

/** Refuses serials registered already or twice in the sheet. */
async function checkSerials(ctx: AppContext, good: { row: number; input: DeviceInput }[]) {
  const taken = await findTakenSerials(
    ctx.db,
    good.map((g) => g.input.serial),
  );
  const errors: DeviceImportError[] = [];
  const seen = new Set<string>();
  for (const { row, input } of good) {
    if (taken.has(input.serial)) errors.push({ row, field: '序列号', message: `${input.serial} 已登记` });
    else if (seen.has(input.serial))
      errors.push({ row, field: '序列号', message: `${input.serial} 在表中重复` });
    seen.add(input.serial);
  }
  return errors;
}

/**
 * 设备导入: reads the first sheet and checks every row as `POST /api/v1/iot/devices` would (the estate and
 * building by name, in the caller's scope; the type by its Chinese label). Any row refused, nothing is
 * registered and every refused row is named (row, column, why); all good, every device is registered in one
 * transaction and answered with its signing secret, this once.
 */
export async function importDevices(
  ctx: AppContext,
  actor: Actor,
  bytes: Buffer,
): Promise<DeviceImportResult> {
  const { rows } = await readFirstSheet(bytes, MAX_DEVICE_ROWS);
  const known = await estatesByName(ctx, actor, rows);
  const checked = rows.map((r) => checkRow(r, known));
  const good = checked.flatMap((c) => ('error' in c ? [] : [c]));
  const errors = [
    ...checked.flatMap((c) => ('error' in c ? [c.error] : [])),
    ...(await checkSerials(ctx, good)),
  ];
  if (errors.length > 0) return { created: [], errors: errors.sort((a, b) => a.row - b.row) };
  const now = ctx.clock.now();
  const secrets = new Map(good.map((g) => [g.input.serial, newSecret()]));
  const ids = await ctx.db.transaction(async (tx) => {
    const inserted = await insertDevices(
      tx,
      good.map(({ input, estate }) => newDeviceRow(ctx, estate, input, secrets.get(input.serial)!, now)),
    );
    // a serial registered meanwhile by someone else: roll back, nothing half-imported
    if (inserted.length !== good.length)
      throw new AppError('DUPLICATE_DEVICE_SERIAL', '导入期间有序列号被他人登记，请重新导入');
    return inserted;
  });
  const devices = await findDevices(ctx.db, ids);
  return {
    created: devices.map((d) => ({ ...presentDevice(d, now), secret: secrets.get(d.serial)! })),
    errors: [],
  };
}
