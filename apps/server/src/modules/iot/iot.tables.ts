import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/bytea.js';
import { chainHeadColumns, lifecycleEventColumns } from '../../platform/lifecycle/lifecycle-columns.js';
import { cases } from '../cases/cases.tables.js';
import { catalogCategories } from '../catalog/catalog.tables.js';
import { orgs } from '../orgs/orgs.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * 智安小区: a smart-safe estate, a place inside a community (`community_id`). `org_path` is the path of the
 * grid its point lies in (copied to its devices and alerts for the scope filter): the grid worker, the
 * community and everyone above reach it. Its point locates its devices' alerts to that grid.
 */
export const iotEstates = pgTable(
  'iot_estates',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    communityId: integer('community_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    address: text('address'),
    propertyCompany: text('property_company'),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('iot_estates_name_key').on(t.communityId, t.name),
    index('iot_estates_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops')),
  ],
);

/** 楼栋: a building of an estate. */
export const iotBuildings = pgTable(
  'iot_buildings',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    estateId: integer('estate_id')
      .notNull()
      .references(() => iotEstates.id),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('iot_buildings_name_key').on(t.estateId, t.name)],
);

/**
 * 感知设备: a device of an estate. Its signing secret is sealed under the data key (`iot_device.secret`), so
 * a copy of the database does not let anyone sign as the device.
 */
export const iotDevices = pgTable(
  'iot_devices',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    estateId: integer('estate_id')
      .notNull()
      .references(() => iotEstates.id),
    buildingId: integer('building_id').references(() => iotBuildings.id),
    orgPath: text('org_path').notNull(),
    type: text('type').notNull(),
    serial: text('serial').notNull(),
    vendor: text('vendor').notNull(),
    model: text('model'),
    floor: integer('floor'),
    point: text('point'),
    secretSealed: bytea('secret_sealed').notNull(),
    heartbeatSeconds: integer('heartbeat_seconds').notNull(),
    lastSeenAt: at('last_seen_at'),
    /**
     * 离线: when the offline sweep found the device silent for two heartbeat intervals and raised its
     * maintenance alert; null while online. Set once per outage, so the alert is raised once.
     */
    offlineSince: at('offline_since'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('iot_devices_serial_key').on(t.serial),
    index('iot_devices_estate_idx').on(t.estateId),
    index('iot_devices_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops')),
  ],
);

/**
 * 感知告警: on the shared lifecycle (`IOT_ALERT_LIFECYCLE`). One row per (device, the device's own alert id);
 * a repeat of the same device and type within the rule's window counts on the active one (`count`).
 */
export const iotAlerts = pgTable(
  'iot_alerts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    deviceId: integer('device_id')
      .notNull()
      .references(() => iotDevices.id),
    estateId: integer('estate_id')
      .notNull()
      .references(() => iotEstates.id),
    orgPath: text('org_path').notNull(),
    vendorAlertId: text('vendor_alert_id').notNull(),
    type: text('type').notNull(),
    severity: text('severity').notNull(),
    description: text('description'),
    detail: jsonb('detail').notNull().default({}),
    count: integer('count').notNull().default(1),
    raisedAt: at('raised_at').notNull(),
    lastRaisedAt: at('last_raised_at').notNull(),
    caseId: integer('case_id').references(() => cases.id),
    dismissReason: text('dismiss_reason'),
    /** 升级层级 (`IotEscalationLevel`): who it is before while nobody acknowledges it */
    escalationLevel: text('escalation_level').notNull().default('grid'),
    /** when it last went a level up; the next level is due `escalate_minutes` after */
    escalatedAt: at('escalated_at'),
    state: text('state').notNull(),
    ...chainHeadColumns(),
    version: integer('version').notNull().default(0),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('iot_alerts_vendor_id_key').on(t.deviceId, t.vendorAlertId),
    index('iot_alerts_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('iot_alerts_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops')),
    index('iot_alerts_active_idx')
      .on(t.deviceId, t.type)
      .where(sql`${t.state} in ('raised', 'acknowledged', 'case_opened')`),
    index('iot_alerts_case_idx').on(t.caseId),
    check('iot_alerts_severity_check', sql`${t.severity} in ('CRITICAL', 'MAJOR', 'MINOR', 'WARNING')`),
    check('iot_alerts_escalation_level_check', sql`${t.escalationLevel} in ('grid', 'community', 'centre')`),
    index('iot_alerts_unacknowledged_idx')
      .on(t.createdAt)
      .where(sql`${t.state} = 'raised' and ${t.escalationLevel} <> 'centre'`),
  ],
);

/**
 * Every alert message taken in, by the device's own id: a message delivered twice (MQTT QoS 1, an HTTP retry)
 * is found here and changes nothing, whether it raised the alert or counted on it.
 */
export const iotAlertMessages = pgTable(
  'iot_alert_messages',
  {
    deviceId: integer('device_id')
      .notNull()
      .references(() => iotDevices.id),
    vendorAlertId: text('vendor_alert_id').notNull(),
    alertId: integer('alert_id')
      .notNull()
      .references(() => iotAlerts.id),
    receivedAt: at('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.vendorAlertId] })],
);

/**
 * The signatures of the device's signed HTTP messages of the last minutes: the same signature again is a
 * replay (a signed timestamp older than 5 minutes is refused anyway, so older rows may go).
 */
export const iotSignatures = pgTable(
  'iot_signatures',
  {
    deviceId: integer('device_id')
      .notNull()
      .references(() => iotDevices.id),
    signature: text('signature').notNull(),
    signedAt: at('signed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.deviceId, t.signature] }),
    index('iot_signatures_signed_idx').on(t.signedAt),
  ],
);

/** The timeline of an alert: the shared lifecycle's append-only, keyed chain. */
export const iotAlertEvents = pgTable(
  'iot_alert_events',
  {
    ...lifecycleEventColumns(),
    alertId: integer('alert_id')
      .notNull()
      .references(() => iotAlerts.id),
  },
  (t) => [uniqueIndex('iot_alert_events_seq_idx').on(t.alertId, t.seq)],
);

/**
 * 处置规则 (`IotRuleView`): a general one per device type and alert type, and more specific ones for one
 * estate and/or a time of day (Beijing `HH:MM`, end exclusive); the most specific that applies decides.
 */
export const iotRules = pgTable(
  'iot_rules',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    deviceType: text('device_type').notNull(),
    alertType: text('alert_type').notNull(),
    estateId: integer('estate_id').references(() => iotEstates.id),
    activeFrom: text('active_from'),
    activeTo: text('active_to'),
    outcome: text('outcome').notNull(),
    categoryId: integer('category_id').references(() => catalogCategories.id),
    priority: text('priority').notNull(),
    suppressMinutes: integer('suppress_minutes').notNull(),
    /** 升级时限 (minutes): an alert nobody acknowledges within it goes a level up; null = never */
    escalateMinutes: integer('escalate_minutes'),
    version: integer('version').notNull().default(0),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    // the service refuses overlapping windows; this keeps two identical scopes out under a race
    uniqueIndex('iot_rules_scope_key').on(
      t.deviceType,
      t.alertType,
      sql`coalesce(${t.estateId}, 0)`,
      sql`coalesce(${t.activeFrom}, '')`,
      sql`coalesce(${t.activeTo}, '')`,
    ),
    check(
      'iot_rules_window_check',
      sql`(${t.activeFrom} is null) = (${t.activeTo} is null) and (${t.activeFrom} is null or ${t.activeFrom} <> ${t.activeTo})`,
    ),
    check('iot_rules_outcome_check', sql`${t.outcome} in ('open_case', 'notify', 'dismiss')`),
  ],
);
