import { chooseRule, OFFLINE_AFTER_INTERVALS } from '@shanzhi/shared';
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNull,
  like,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/database.js';
import { cases } from '../cases/cases.tables.js';
import { catalogCategories } from '../catalog/catalog.tables.js';
import { orgs } from '../orgs/orgs.tables.js';
import {
  iotAlertEvents,
  iotAlertMessages,
  iotAlerts,
  iotBuildings,
  iotDevices,
  iotEstates,
  iotRules,
  iotSignatures,
} from './iot.tables.js';

export type EstateRow = typeof iotEstates.$inferSelect;
export type DeviceRow = typeof iotDevices.$inferSelect;
export type AlertRow = typeof iotAlerts.$inferSelect;
export type RuleRow = typeof iotRules.$inferSelect;

/** An estate with its community's name. */
export interface EstateListRow extends EstateRow {
  communityName: string;
}

/** A device with where it stands: its estate (name, point, community) and building. */
export interface DeviceListRow extends DeviceRow {
  estateName: string;
  communityId: number;
  lng: number;
  lat: number;
  buildingName: string | null;
}

/** An alert with its device, estate and case number. */
export interface AlertListRow extends AlertRow {
  deviceSerial: string;
  deviceType: string;
  estateName: string;
  buildingName: string | null;
  floor: number | null;
  point: string | null;
  caseNumber: string | null;
}

/** A rule with its category's and estate's names. */
export interface RuleListRow extends RuleRow {
  categoryName: string | null;
  estateName: string | null;
}

const scoped = (column: PgColumn, scopePath: string) => like(column, `${scopePath}%`);

// the moment a device heard from turns offline: two heartbeat intervals after it was last heard from
const offlineAtSql = sql`${iotDevices.lastSeenAt} + make_interval(secs => ${OFFLINE_AFTER_INTERVALS} * ${iotDevices.heartbeatSeconds})`;

// ── estates ──────────────────────────────────────────────────────────────────────────────────────────────

/** An estate by id with its community's name. */
export async function findEstate(db: DbOrTx, id: number): Promise<EstateListRow | undefined> {
  const [row] = await db
    .select({ estate: iotEstates, communityName: orgs.name })
    .from(iotEstates)
    .innerJoin(orgs, eq(orgs.id, iotEstates.communityId))
    .where(eq(iotEstates.id, id));
  return row && { ...row.estate, communityName: row.communityName };
}

/** A page of the estates under `scopePath`, by name. */
export async function listEstates(
  db: DbOrTx,
  filter: { scopePath: string; q?: string; limit: number; offset: number },
): Promise<{ rows: EstateListRow[]; total: number }> {
  const where = and(
    scoped(iotEstates.orgPath, filter.scopePath),
    filter.q ? ilike(iotEstates.name, `%${filter.q}%`) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ estate: iotEstates, communityName: orgs.name })
      .from(iotEstates)
      .innerJoin(orgs, eq(orgs.id, iotEstates.communityId))
      .where(where)
      .orderBy(asc(iotEstates.name), asc(iotEstates.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(iotEstates).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.estate, communityName: r.communityName })), total: total?.n ?? 0 };
}

/** Every estate under `scopePath` with where it lies, by name (the map's pins: all of them, not a page). */
export async function listEstatePlaces(db: DbOrTx, scopePath: string) {
  return db
    .select({ id: iotEstates.id, name: iotEstates.name, lng: iotEstates.lng, lat: iotEstates.lat })
    .from(iotEstates)
    .where(scoped(iotEstates.orgPath, scopePath))
    .orderBy(asc(iotEstates.name), asc(iotEstates.id));
}

/** Inserts an estate and its buildings; undefined when its community has an estate of that name. */
export async function insertEstate(
  db: DbOrTx,
  values: typeof iotEstates.$inferInsert,
  buildings: readonly string[],
): Promise<number | undefined> {
  const [row] = await db
    .insert(iotEstates)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: iotEstates.id });
  if (!row) return undefined;
  if (buildings.length > 0) {
    await db.insert(iotBuildings).values(buildings.map((name) => ({ estateId: row.id, name })));
  }
  return row.id;
}

/** The estates under `scopePath` named so (one name may be taken in several communities). */
export async function findEstatesByName(db: DbOrTx, scopePath: string, names: readonly string[]) {
  if (names.length === 0) return [];
  return db
    .select()
    .from(iotEstates)
    .where(and(scoped(iotEstates.orgPath, scopePath), inArray(iotEstates.name, [...names])));
}

/** The buildings of estates, by estate. */
export async function findBuildingsOf(db: DbOrTx, estateIds: readonly number[]) {
  if (estateIds.length === 0) return new Map<number, { id: number; name: string }[]>();
  const rows = await db
    .select()
    .from(iotBuildings)
    .where(inArray(iotBuildings.estateId, [...estateIds]))
    .orderBy(asc(iotBuildings.id));
  const byEstate = new Map<number, { id: number; name: string }[]>();
  for (const b of rows)
    byEstate.set(b.estateId, [...(byEstate.get(b.estateId) ?? []), { id: b.id, name: b.name }]);
  return byEstate;
}

/** Per estate: its devices, those online at `now` (`isDeviceOnline`), its active alerts. */
export async function countEstateDevices(db: DbOrTx, estateIds: readonly number[], now: Date) {
  const counts = new Map<number, { devices: number; online: number; activeAlerts: number }>();
  if (estateIds.length === 0) return counts;
  const ids = [...estateIds];
  const [devices, alerts] = await Promise.all([
    db
      .select({
        estateId: iotDevices.estateId,
        devices: count(),
        online: sql<number>`count(*) filter (where ${offlineAtSql} >= ${now}::timestamptz)`.mapWith(Number),
      })
      .from(iotDevices)
      .where(inArray(iotDevices.estateId, ids))
      .groupBy(iotDevices.estateId),
    db
      .select({ estateId: iotAlerts.estateId, n: count() })
      .from(iotAlerts)
      .where(
        and(
          inArray(iotAlerts.estateId, ids),
          inArray(iotAlerts.state, ['raised', 'acknowledged', 'case_opened']),
        ),
      )
      .groupBy(iotAlerts.estateId),
  ]);
  for (const id of ids) counts.set(id, { devices: 0, online: 0, activeAlerts: 0 });
  for (const d of devices) Object.assign(counts.get(d.estateId)!, { devices: d.devices, online: d.online });
  for (const a of alerts) counts.get(a.estateId)!.activeAlerts = a.n;
  return counts;
}

/** An estate's alerts by type, most first. */
export async function countAlertsByType(db: DbOrTx, estateId: number) {
  return db
    .select({ type: iotAlerts.type, count: count() })
    .from(iotAlerts)
    .where(eq(iotAlerts.estateId, estateId))
    .groupBy(iotAlerts.type)
    .orderBy(desc(count()), asc(iotAlerts.type));
}

/** An estate's alerts per device type: all, and those dismissed as false (排除误报). */
export async function countFalseAlarms(db: DbOrTx, estateId: number) {
  return db
    .select({
      deviceType: iotDevices.type,
      alerts: count(),
      dismissed: sql<number>`count(*) filter (where ${iotAlerts.state} = 'dismissed')`.mapWith(Number),
    })
    .from(iotAlerts)
    .innerJoin(iotDevices, eq(iotDevices.id, iotAlerts.deviceId))
    .where(eq(iotAlerts.estateId, estateId))
    .groupBy(iotDevices.type)
    .orderBy(asc(iotDevices.type));
}

/**
 * An estate's alert totals: all, those that became cases, and the median minutes from raised to the first
 * action a person took on it (an event with a user: 确认、立案、排除), null when none was handled by a person.
 */
export async function summariseEstateAlerts(db: DbOrTx, estateId: number) {
  const firstHandled = db
    .select({
      alertId: iotAlertEvents.alertId,
      at: sql<Date>`min(${iotAlertEvents.at})`.as('at'),
    })
    .from(iotAlertEvents)
    .where(sql`${iotAlertEvents.actorUserId} is not null`)
    .groupBy(iotAlertEvents.alertId)
    .as('first_handled');
  const [row] = await db
    .select({
      alerts: count(),
      casesOpened: sql<number>`count(${iotAlerts.caseId})`.mapWith(Number),
      medianMinutes: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from (${firstHandled.at} - ${iotAlerts.raisedAt})) / 60)`.mapWith(
        (v: unknown) => (v === null ? null : Number(v)),
      ),
    })
    .from(iotAlerts)
    .leftJoin(firstHandled, eq(firstHandled.alertId, iotAlerts.id))
    .where(eq(iotAlerts.estateId, estateId));
  return row!;
}

// ── devices ──────────────────────────────────────────────────────────────────────────────────────────────

function deviceQuery(db: DbOrTx) {
  return db
    .select({
      device: iotDevices,
      estateName: iotEstates.name,
      communityId: iotEstates.communityId,
      lng: iotEstates.lng,
      lat: iotEstates.lat,
      buildingName: iotBuildings.name,
    })
    .from(iotDevices)
    .innerJoin(iotEstates, eq(iotEstates.id, iotDevices.estateId))
    .leftJoin(iotBuildings, eq(iotBuildings.id, iotDevices.buildingId));
}

type DeviceJoin = Awaited<ReturnType<ReturnType<typeof deviceQuery>['where']>>[number];
const flattenDevice = ({ device, ...rest }: DeviceJoin): DeviceListRow => ({ ...device, ...rest });

/** A device by id. */
export async function findDevice(db: DbOrTx, id: number): Promise<DeviceListRow | undefined> {
  const [row] = await deviceQuery(db).where(eq(iotDevices.id, id));
  return row && flattenDevice(row);
}

/** A device by its serial (how it names itself in a message). */
export async function findDeviceBySerial(db: DbOrTx, serial: string): Promise<DeviceListRow | undefined> {
  const [row] = await deviceQuery(db).where(eq(iotDevices.serial, serial));
  return row && flattenDevice(row);
}

/** The devices of these serials, by serial (the unknown ones absent). */
export async function findDevicesBySerials(
  db: DbOrTx,
  serials: string[],
): Promise<Map<string, DeviceListRow>> {
  const rows = serials.length === 0 ? [] : await deviceQuery(db).where(inArray(iotDevices.serial, serials));
  return new Map(rows.map((row) => [row.device.serial, flattenDevice(row)]));
}

/** Inserts a device; undefined when its serial is taken. */
export async function insertDevice(db: DbOrTx, values: typeof iotDevices.$inferInsert) {
  const [row] = await db
    .insert(iotDevices)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: iotDevices.id });
  return row?.id;
}

/** Inserts devices; the ids of those inserted (a serial already taken is skipped). */
export async function insertDevices(
  db: DbOrTx,
  values: (typeof iotDevices.$inferInsert)[],
): Promise<number[]> {
  if (values.length === 0) return [];
  const rows = await db
    .insert(iotDevices)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: iotDevices.id });
  return rows.map((r) => r.id);
}

/** Which of `serials` are registered already. */
export async function findTakenSerials(db: DbOrTx, serials: readonly string[]): Promise<Set<string>> {
  if (serials.length === 0) return new Set();
  const rows = await db
    .select({ serial: iotDevices.serial })
    .from(iotDevices)
    .where(inArray(iotDevices.serial, [...serials]));
  return new Set(rows.map((r) => r.serial));
}

/** Devices by id, in the order asked. */
export async function findDevices(db: DbOrTx, ids: readonly number[]): Promise<DeviceListRow[]> {
  if (ids.length === 0) return [];
  const rows = await deviceQuery(db).where(inArray(iotDevices.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.device.id, flattenDevice(r)]));
  return ids.map((id) => byId.get(id)!);
}

/** A page of the devices under `scopePath`, by estate and serial. */
export async function listDevices(
  db: DbOrTx,
  filter: {
    scopePath: string;
    estateId?: number;
    type?: string;
    serial?: string;
    limit: number;
    offset: number;
  },
): Promise<{ rows: DeviceListRow[]; total: number }> {
  const where = and(
    scoped(iotDevices.orgPath, filter.scopePath),
    filter.estateId ? eq(iotDevices.estateId, filter.estateId) : undefined,
    filter.type ? eq(iotDevices.type, filter.type) : undefined,
    filter.serial ? like(iotDevices.serial, `${filter.serial.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    deviceQuery(db)
      .where(where)
      .orderBy(asc(iotDevices.estateId), asc(iotDevices.serial))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(iotDevices).where(where),
  ]);
  return { rows: rows.map(flattenDevice), total: total?.n ?? 0 };
}

/**
 * Up to `limit` devices heard from once that have turned offline at `now` and are not yet recorded so,
 * locked (`SKIP LOCKED`: another process's sweep takes the others).
 */
export async function lockNewlyOfflineDevices(db: DbOrTx, now: Date, limit: number): Promise<DeviceRow[]> {
  return db
    .select()
    .from(iotDevices)
    .where(and(isNull(iotDevices.offlineSince), sql`${offlineAtSql} < ${now}::timestamptz`))
    .orderBy(asc(iotDevices.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Up to `limit` devices recorded offline that were heard from since, locked (`SKIP LOCKED`). */
export async function lockRecoveredDevices(db: DbOrTx, limit: number): Promise<DeviceRow[]> {
  return db
    .select()
    .from(iotDevices)
    .where(sql`${iotDevices.lastSeenAt} > ${iotDevices.offlineSince}`)
    .orderBy(asc(iotDevices.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Records a device offline since `at` (null: online again). */
export async function setDeviceOffline(db: DbOrTx, deviceId: number, at: Date | null): Promise<void> {
  await db.update(iotDevices).set({ offlineSince: at }).where(eq(iotDevices.id, deviceId));
}

/** How long a signature is kept against replays: the 5 minutes a timestamp is accepted, and some. */
const SIGNATURE_MEMORY_MS = 10 * 60_000;

/**
 * Records a signed message's signature for its device: false when it was recorded before (a replay). The
 * device's signatures too old to be accepted again are forgotten on the way.
 */
export async function claimSignature(
  db: DbOrTx,
  deviceId: number,
  signature: string,
  at: Date,
): Promise<boolean> {
  await db
    .delete(iotSignatures)
    .where(
      and(
        eq(iotSignatures.deviceId, deviceId),
        lt(iotSignatures.signedAt, new Date(at.getTime() - SIGNATURE_MEMORY_MS)),
      ),
    );
  const rows = await db
    .insert(iotSignatures)
    .values({ deviceId, signature, signedAt: at })
    .onConflictDoNothing()
    .returning({ deviceId: iotSignatures.deviceId });
  return rows.length > 0;
}

// ── alerts ───────────────────────────────────────────────────────────────────────────────────────────────

function alertQuery(db: DbOrTx) {
  return db
    .select({
      alert: iotAlerts,
      deviceSerial: iotDevices.serial,
      deviceType: iotDevices.type,
      estateName: iotEstates.name,
      buildingName: iotBuildings.name,
      floor: iotDevices.floor,
      point: iotDevices.point,
      caseNumber: cases.number,
    })
    .from(iotAlerts)
    .innerJoin(iotDevices, eq(iotDevices.id, iotAlerts.deviceId))
    .innerJoin(iotEstates, eq(iotEstates.id, iotAlerts.estateId))
    .leftJoin(iotBuildings, eq(iotBuildings.id, iotDevices.buildingId))
    .leftJoin(cases, eq(cases.id, iotAlerts.caseId));
}

type AlertJoin = Awaited<ReturnType<ReturnType<typeof alertQuery>['where']>>[number];
const flattenAlert = ({ alert, ...rest }: AlertJoin): AlertListRow => ({ ...alert, ...rest });

/** An alert by id, locked for the transaction (the first step of every action). */
export async function lockAlert(db: DbOrTx, id: number): Promise<AlertRow | undefined> {
  const [row] = await db.select().from(iotAlerts).where(eq(iotAlerts.id, id)).for('update');
  return row;
}

/** An alert by id with its device, estate and case. */
export async function findAlert(db: DbOrTx, id: number): Promise<AlertListRow | undefined> {
  const [row] = await alertQuery(db).where(eq(iotAlerts.id, id));
  return row && flattenAlert(row);
}

/** Inserts an alert. */
export async function insertAlert(db: DbOrTx, values: typeof iotAlerts.$inferInsert): Promise<AlertRow> {
  const [row] = await db.insert(iotAlerts).values(values).returning();
  return row!;
}

/** A device's message, by the device's own id of the alert. */
export interface MessageKey {
  deviceId: number;
  vendorAlertId: string;
}

/** The alerts these messages were taken into before, by `<device id>/<vendor alert id>` (new ones absent). */
export async function findAlertsOfMessages(db: DbOrTx, keys: MessageKey[]): Promise<Map<string, AlertRow>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select({
      deviceId: iotAlertMessages.deviceId,
      vendorAlertId: iotAlertMessages.vendorAlertId,
      alert: iotAlerts,
    })
    .from(iotAlertMessages)
    .innerJoin(iotAlerts, eq(iotAlerts.id, iotAlertMessages.alertId))
    .where(
      or(
        ...keys.map((k) =>
          and(eq(iotAlertMessages.deviceId, k.deviceId), eq(iotAlertMessages.vendorAlertId, k.vendorAlertId)),
        ),
      ),
    );
  return new Map(rows.map((r) => [`${r.deviceId}/${r.vendorAlertId}`, r.alert]));
}

/** Records that devices' messages were taken into alerts. */
export async function recordAlertMessages(db: DbOrTx, values: (typeof iotAlertMessages.$inferInsert)[]) {
  if (values.length > 0) await db.insert(iotAlertMessages).values(values);
}

/** A device and an alert type, with the start of its suppression window. */
export interface ActivePair {
  deviceId: number;
  type: string;
  since: Date;
}

/**
 * Each pair's active alert last raised within its window (the newest, when there are several), locked, by
 * `<device id>/<type>`.
 */
export async function lockActiveAlerts(db: DbOrTx, pairs: ActivePair[]): Promise<Map<string, AlertRow>> {
  if (pairs.length === 0) return new Map();
  const rows = await db
    .select()
    .from(iotAlerts)
    .where(
      and(
        inArray(iotAlerts.state, ['raised', 'acknowledged', 'case_opened']),
        or(
          ...pairs.map((p) =>
            and(
              eq(iotAlerts.deviceId, p.deviceId),
              eq(iotAlerts.type, p.type),
              gte(iotAlerts.lastRaisedAt, p.since),
            ),
          ),
        ),
      ),
    )
    .orderBy(asc(iotAlerts.id))
    .for('update');
  return new Map(rows.map((row) => [`${row.deviceId}/${row.type}`, row]));
}

/** Counts repeats on active alerts (抑制: no new alert within the window), `repeats` by alert id. */
export async function countRepeats(db: DbOrTx, repeats: Map<number, number>, at: Date): Promise<AlertRow[]> {
  if (repeats.size === 0) return [];
  const ids = [...repeats.keys()];
  const added = sql.join(
    ids.map((id) => sql`when ${id} then ${repeats.get(id)!}::int`),
    sql` `,
  );
  return db
    .update(iotAlerts)
    .set({ count: sql`${iotAlerts.count} + (case ${iotAlerts.id} ${added} end)`, lastRaisedAt: at })
    .where(inArray(iotAlerts.id, ids))
    .returning();
}

/** Marks devices heard from at `at`. */
export async function touchDevices(db: DbOrTx, deviceIds: number[], at: Date): Promise<void> {
  if (deviceIds.length > 0) {
    await db.update(iotDevices).set({ lastSeenAt: at }).where(inArray(iotDevices.id, deviceIds));
  }
}

/** Filters of the alert list (within the caller's scope), newest first after the cursor. */
export interface AlertFilter {
  scopePath: string;
  estateId?: number;
  state?: string;
  after?: [string, number];
  limit: number;
}

/** One more than `limit` alerts under the scope, newest first. */
export async function listAlerts(db: DbOrTx, f: AlertFilter): Promise<AlertListRow[]> {
  const conditions: (SQL | undefined)[] = [
    scoped(iotAlerts.orgPath, f.scopePath),
    f.estateId ? eq(iotAlerts.estateId, f.estateId) : undefined,
    f.state ? eq(iotAlerts.state, f.state) : undefined,
    f.after
      ? sql`(${iotAlerts.createdAt}, ${iotAlerts.id}) < (${f.after[0]}::timestamptz, ${f.after[1]})`
      : undefined,
  ];
  const rows = await alertQuery(db)
    .where(and(...conditions))
    .orderBy(desc(iotAlerts.createdAt), desc(iotAlerts.id))
    .limit(f.limit + 1);
  return rows.map(flattenAlert);
}

/** The active alerts of the case `caseId` (cleared when it closes). */
export async function findAlertsOfCase(db: DbOrTx, caseId: number): Promise<AlertRow[]> {
  return db
    .select()
    .from(iotAlerts)
    .where(and(eq(iotAlerts.caseId, caseId), eq(iotAlerts.state, 'case_opened')));
}

/** The timeline of an alert. */
export async function findAlertEvents(db: DbOrTx, alertId: number) {
  return db
    .select()
    .from(iotAlertEvents)
    .where(eq(iotAlertEvents.alertId, alertId))
    .orderBy(asc(iotAlertEvents.seq));
}

// ── rules ────────────────────────────────────────────────────────────────────────────────────────────────

function ruleQuery(db: DbOrTx) {
  return db
    .select({ rule: iotRules, categoryName: catalogCategories.name, estateName: iotEstates.name })
    .from(iotRules)
    .leftJoin(catalogCategories, eq(catalogCategories.id, iotRules.categoryId))
    .leftJoin(iotEstates, eq(iotEstates.id, iotRules.estateId));
}

type RuleJoin = Awaited<ReturnType<ReturnType<typeof ruleQuery>['where']>>[number];
const flattenRule = ({ rule, ...rest }: RuleJoin): RuleListRow => ({ ...rule, ...rest });

/** Every rule, by device type and alert type, the general one first, then by estate and time of day. */
export async function listRules(db: DbOrTx): Promise<RuleListRow[]> {
  const rows = await ruleQuery(db).orderBy(
    asc(iotRules.deviceType),
    asc(iotRules.alertType),
    sql`${iotRules.estateId} asc nulls first`,
    sql`${iotRules.activeFrom} asc nulls first`,
  );
  return rows.map(flattenRule);
}

/** A rule by id with its category's and estate's names. */
export async function findRule(db: DbOrTx, id: number): Promise<RuleListRow | undefined> {
  const [row] = await ruleQuery(db).where(eq(iotRules.id, id));
  return row && flattenRule(row);
}

/** Every rule of a device type and alert type (the candidates of `chooseRule`). */
export async function findRulesOfTypes(
  db: DbOrTx,
  deviceType: string,
  alertType: string,
): Promise<RuleRow[]> {
  return db
    .select()
    .from(iotRules)
    .where(and(eq(iotRules.deviceType, deviceType), eq(iotRules.alertType, alertType)));
}

/** The rule that decides an alert of a device type and alert type, of an estate, at an instant, if one is set. */
export async function findRuleFor(
  db: DbOrTx,
  deviceType: string,
  alertType: string,
  estateId: number,
  at: Date,
): Promise<RuleRow | undefined> {
  const rules = await findRulesOfTypes(db, deviceType, alertType);
  return chooseRule(rules, { deviceType, alertType, estateId, at });
}

/** Inserts a rule; undefined when its exact scope is taken (the unique index, under a race). */
export async function insertRule(db: DbOrTx, values: typeof iotRules.$inferInsert) {
  const [row] = await db.insert(iotRules).values(values).onConflictDoNothing().returning({ id: iotRules.id });
  return row?.id;
}

/** Deletes a rule if it is still at `version`; undefined when someone changed it meanwhile. */
export async function deleteRule(db: DbOrTx, id: number, version: number) {
  const [row] = await db
    .delete(iotRules)
    .where(and(eq(iotRules.id, id), eq(iotRules.version, version)))
    .returning({ id: iotRules.id });
  return row?.id;
}

/** Writes a rule's change if it is still at `version`; undefined when someone changed it meanwhile. */
export async function updateRule(
  db: DbOrTx,
  id: number,
  version: number,
  patch: Pick<
    RuleRow,
    'outcome' | 'categoryId' | 'priority' | 'suppressMinutes' | 'escalateMinutes' | 'updatedAt'
  >,
) {
  const [row] = await db
    .update(iotRules)
    .set({ ...patch, version: sql`${iotRules.version} + 1` })
    .where(and(eq(iotRules.id, id), eq(iotRules.version, version)))
    .returning({ id: iotRules.id });
  return row?.id;
}

/** Inserts the rules missing for their device type and alert type; how many. */
export async function insertMissingRules(
  db: DbOrTx,
  rules: (typeof iotRules.$inferInsert)[],
): Promise<number> {
  if (rules.length === 0) return 0;
  const rows = await db.insert(iotRules).values(rules).onConflictDoNothing().returning({ id: iotRules.id });
  return rows.length;
}

/** An alert of the trial's week: its device, when it came, how often it repeated, what became of it. */
export interface TrialAlertRow {
  deviceId: number;
  estateId: number;
  createdAt: Date;
  lastRaisedAt: Date;
  count: number;
  state: string;
  caseId: number | null;
}

/** The alerts of a device type and alert type (of one estate, if given) that came in `[from, to]`, oldest first. */
export async function listAlertsOfTypes(
  db: DbOrTx,
  f: { deviceType: string; alertType: string; estateId: number | null; from: Date; to: Date },
): Promise<TrialAlertRow[]> {
  return db
    .select({
      deviceId: iotAlerts.deviceId,
      estateId: iotAlerts.estateId,
      createdAt: iotAlerts.createdAt,
      lastRaisedAt: iotAlerts.lastRaisedAt,
      count: iotAlerts.count,
      state: iotAlerts.state,
      caseId: iotAlerts.caseId,
    })
    .from(iotAlerts)
    .innerJoin(iotDevices, eq(iotDevices.id, iotAlerts.deviceId))
    .where(
      and(
        eq(iotDevices.type, f.deviceType),
        eq(iotAlerts.type, f.alertType),
        f.estateId === null ? undefined : eq(iotAlerts.estateId, f.estateId),
        gte(iotAlerts.createdAt, f.from),
        lte(iotAlerts.createdAt, f.to),
      ),
    )
    .orderBy(asc(iotAlerts.createdAt), asc(iotAlerts.id));
}
