import { z } from 'zod';
import { Priority } from '../catalog/priority.js';
import { actionBody, bodyError, id, optionalText, text } from '../lifecycle/action-body.js';
import { KeysetQuery, keysetPageOf, PageQuery, pageOf } from '../lists/list.schemas.js';
import { IotAlertAction, IotAlertState, IotEscalationLevel } from './iot-alert-lifecycle.js';
import { AlertSeverity, AlertType, DeviceType, mayRaiseAlert, RuleOutcome } from './iot-enums.js';
import { ESTATE_STATES } from './iot-estate-state.js';

/** A building (楼栋) of an estate. */
export const BuildingView = z.object({ id: z.number().int(), name: z.string() });

/** 智安小区: an estate inside a community, with its buildings and device numbers. */
export const EstateView = z.object({
  id: z.number().int(),
  name: z.string(),
  communityId: z.number().int(),
  communityName: z.string(),
  address: z.string().nullable(),
  /** 物业公司 */
  propertyCompany: z.string().nullable(),
  /** where it lies (the map's marker) */
  lng: z.number(),
  lat: z.number(),
  buildings: z.array(BuildingView),
  devices: z.number().int(),
  /** devices online: heard from within two heartbeat intervals (`isDeviceOnline`) */
  devicesOnline: z.number().int(),
  /** 设备在线率: devicesOnline / devices, 0–1 */
  onlineShare: z.number(),
  /** alerts not yet dismissed or cleared */
  activeAlerts: z.number().int(),
});
export type EstateView = z.infer<typeof EstateView>;

/** `GET /api/v1/iot/estates`: by name, in the caller's scope. */
export const EstateListQuery = PageQuery.extend({
  /** 名称 contains */
  q: z.string().trim().max(50).optional(),
}).strict();
export type EstateListQuery = z.infer<typeof EstateListQuery>;

export const EstatePage = pageOf(EstateView);
export type EstatePage = z.infer<typeof EstatePage>;

/** An estate as the map pins it: where, its devices online and active alerts, and the state they make. */
export const EstateMapPin = z.object({
  id: z.number().int(),
  name: z.string(),
  lng: z.number(),
  lat: z.number(),
  devices: z.number().int(),
  /** 设备在线率, 0–1 */
  onlineShare: z.number(),
  activeAlerts: z.number().int(),
  /** the pin's colour: 有告警 red, 离线偏多 orange, 正常 green (`estateState`) */
  state: z.enum(ESTATE_STATES),
});
export type EstateMapPin = z.infer<typeof EstateMapPin>;

/** `GET /api/v1/iot/estates/map`: every estate in the caller's scope, not a page of them. */
export const EstateMap = z.object({ items: z.array(EstateMapPin) });
export type EstateMap = z.infer<typeof EstateMap>;

/** `POST /api/v1/iot/estates` 登记小区: located to the grid its point lies in, which must be of the community. */
export const EstateInput = z.strictObject(
  {
    /** 小区名称, unique within its community */
    name: text('小区名称', 2, 50),
    /** 所属社区 */
    communityId: id('所属社区'),
    /** 地址 */
    address: optionalText('地址', 200),
    /** 物业公司 */
    propertyCompany: optionalText('物业公司', 100),
    /** 经度 (GCJ-02 as the map gives it) */
    lng: z.number({ error: '请在地图上选点（经度）' }).min(-180, '经度无效').max(180, '经度无效'),
    /** 纬度 */
    lat: z.number({ error: '请在地图上选点（纬度）' }).min(-90, '纬度无效').max(90, '纬度无效'),
    /** 楼栋: their names (1号楼 …), each once */
    buildings: z
      .array(text('楼栋名称', 1, 30), { error: '楼栋须为名称列表' })
      .max(200, '楼栋最多 200 个')
      .refine((names) => new Set(names).size === names.length, '楼栋名称不能重复')
      .default([]),
  },
  { error: bodyError },
);
export type EstateInput = z.infer<typeof EstateInput>;

/** `GET /api/v1/iot/estates/:id/stats`: the estate's numbers over all its alerts. */
export const EstateStats = z.object({
  estate: EstateView,
  /** alerts by type, most first */
  alertsByType: z.array(z.object({ type: AlertType, count: z.number().int() })),
  /** 误报率 per device type: alerts dismissed as false over all its alerts */
  falseAlarms: z.array(
    z.object({
      deviceType: DeviceType,
      alerts: z.number().int(),
      dismissed: z.number().int(),
      rate: z.number(),
    }),
  ),
  /** 确认用时 (minutes, median): from an alert raised to the first staff action on it; null without any */
  medianMinutesToAcknowledge: z.number().nullable(),
  /** alerts that became cases */
  casesOpened: z.number().int(),
  /** all its alerts */
  alerts: z.number().int(),
});
export type EstateStats = z.infer<typeof EstateStats>;

/** `POST /api/v1/iot/devices` 登记设备. */
export const DeviceInput = z.strictObject(
  {
    estateId: id('小区'),
    /** 楼栋; absent for devices of the estate's grounds (gates, car park) */
    buildingId: id('楼栋').optional(),
    type: DeviceType,
    /** 序列号: the device's own identifier, unique across the platform (`x-shanzhi-device`, MQTT topic) */
    serial: z
      .string({ error: '请填写序列号' })
      .trim()
      .regex(/^[A-Za-z0-9_-]{3,64}$/, '序列号须为 3–64 位字母、数字、下划线或连字符'),
    /** 厂商 */
    vendor: text('厂商', 1, 50),
    /** 型号 */
    model: optionalText('型号', 50),
    /** 楼层 */
    floor: z.number({ error: '楼层须为整数' }).int('楼层须为整数').min(-10).max(200).optional(),
    /** 点位: where exactly (1单元电梯轿厢, 东门 …) */
    point: optionalText('点位', 100),
    /**
     * 心跳间隔 (seconds): silent for two of them, the device is offline; absent, the default of its type
     * (`DEFAULT_HEARTBEAT_SECONDS`)
     */
    heartbeatSeconds: z
      .number({ error: '心跳间隔须为整数秒' })
      .int('心跳间隔须为整数秒')
      .min(10, '心跳间隔至少 10 秒')
      .max(86_400, '心跳间隔最长 86400 秒')
      .optional(),
  },
  { error: bodyError },
);
export type DeviceInput = z.infer<typeof DeviceInput>;

/** A device as the API shows it (never its secret). */
export const DeviceView = z.object({
  id: z.number().int(),
  estateId: z.number().int(),
  estateName: z.string(),
  buildingId: z.number().int().nullable(),
  buildingName: z.string().nullable(),
  type: DeviceType,
  serial: z.string(),
  vendor: z.string(),
  model: z.string().nullable(),
  floor: z.number().int().nullable(),
  point: z.string().nullable(),
  heartbeatSeconds: z.number().int(),
  lastSeenAt: z.string().nullable(),
  online: z.boolean(),
  createdAt: z.string(),
});
export type DeviceView = z.infer<typeof DeviceView>;

/** The answer of registering a device: the view and its signing secret, shown this once. */
export const DeviceCreated = DeviceView.extend({
  /** 设备密钥 (hex): signs the device's messages (HMAC-SHA256); never shown again */
  secret: z.string(),
});
export type DeviceCreated = z.infer<typeof DeviceCreated>;

/** `GET /api/v1/iot/devices`: by estate and serial, in the caller's scope. */
export const DeviceListQuery = PageQuery.extend({
  estate: z.coerce.number().int().positive().optional(),
  type: DeviceType.optional(),
  /** 序列号 starts with */
  serial: z.string().trim().max(64).optional(),
}).strict();
export type DeviceListQuery = z.infer<typeof DeviceListQuery>;

export const DevicePage = pageOf(DeviceView);
export type DevicePage = z.infer<typeof DevicePage>;

/** A refused row of a device import: the row as the sheet numbers it, the column, and why (Chinese). */
export const DeviceImportError = z.object({
  row: z.number().int(),
  field: z.string(),
  message: z.string(),
});
export type DeviceImportError = z.infer<typeof DeviceImportError>;

/**
 * The answer of `POST /api/v1/iot/device-imports`: all rows registered, each with its secret shown this once,
 * or (any row refused) none, with every refused row named.
 */
export const DeviceImportResult = z.object({
  created: z.array(DeviceCreated),
  errors: z.array(DeviceImportError),
});
export type DeviceImportResult = z.infer<typeof DeviceImportResult>;

/**
 * An alert as a device sends it (HTTP body or MQTT payload), after OASIS CAP 1.2: its own id (`identifier`),
 * type, severity and when it was raised; `msgType` Cancel clears the active alert of that type.
 */
export const AlertMessage = z.object(
  {
    /** the device's own id of the alert (idempotency: the same id twice is one alert) */
    alertId: z.string({ error: '缺少 alertId' }).trim().min(1, '缺少 alertId').max(100, 'alertId 过长'),
    type: AlertType,
    severity: AlertSeverity,
    raisedAt: z.iso.datetime({ offset: true, error: 'raisedAt 须为 ISO 8601 时间' }),
    /** CAP msgType: a new alert, an update of it, or its cancellation (the device says it is over) */
    msgType: z.enum(['Alert', 'Update', 'Cancel']).default('Alert'),
    /** what the device says about it */
    description: z.string().trim().max(500).optional(),
    /** the vendor's extra fields (snapshot URL, reading …), kept as they came */
    detail: z.record(z.string(), z.unknown()).optional(),
  },
  { error: bodyError },
);
export type AlertMessage = z.infer<typeof AlertMessage>;

/** What ingestion did with a message: a new alert, a repeat counted on the active one, or one seen before. */
export const INGEST_OUTCOMES = ['raised', 'repeated', 'duplicate', 'cleared'] as const;
export type IngestOutcome = (typeof INGEST_OUTCOMES)[number];

/** The answer to a device's alert. */
export const AlertReceipt = z.object({
  /** the alert the message went into; null for a Cancel with no active alert */
  alertId: z.number().int().nullable(),
  outcome: z.enum(INGEST_OUTCOMES),
  state: IotAlertState,
  count: z.number().int(),
  caseId: z.number().int().nullable(),
});
export type AlertReceipt = z.infer<typeof AlertReceipt>;

/** An alert as the console shows it, with the actions the caller may take on it. */
export const IotAlertView = z.object({
  id: z.number().int(),
  version: z.number().int(),
  deviceId: z.number().int(),
  deviceSerial: z.string(),
  deviceType: DeviceType,
  estateId: z.number().int(),
  estateName: z.string(),
  buildingName: z.string().nullable(),
  floor: z.number().int().nullable(),
  point: z.string().nullable(),
  vendorAlertId: z.string(),
  type: AlertType,
  severity: AlertSeverity,
  emergency: z.boolean(),
  state: IotAlertState,
  /** how many times the device raised it within the suppression window */
  count: z.number().int(),
  raisedAt: z.string(),
  lastRaisedAt: z.string(),
  description: z.string().nullable(),
  caseId: z.number().int().nullable(),
  caseNumber: z.string().nullable(),
  dismissReason: z.string().nullable(),
  /** 升级层级: who it is before while nobody acknowledges it (网格员 → 社区 → 指挥中心) */
  escalationLevel: IotEscalationLevel,
  /** when it last went a level up */
  escalatedAt: z.string().nullable(),
  actions: z.array(IotAlertAction),
});
export type IotAlertView = z.infer<typeof IotAlertView>;

/** `GET /api/v1/iot/alerts?estate=&state=`: newest first, in the caller's scope. */
export const IotAlertListQuery = KeysetQuery.extend({
  estate: z.coerce.number().int().positive().optional(),
  state: IotAlertState.optional(),
}).strict();
export type IotAlertListQuery = z.infer<typeof IotAlertListQuery>;

export const IotAlertPage = keysetPageOf(IotAlertView);
export type IotAlertPage = z.infer<typeof IotAlertPage>;

/** `acknowledge` 确认. */
export const AlertAcknowledgeInput = actionBody({ note: optionalText('确认说明', 500) });
/** `dismiss` 排除误报: the reason is required (it feeds the device's false-alarm rate). */
export const AlertDismissInput = actionBody({ reason: text('排除原因', 2, 500) });
/** `open_case` 立案: by the alert's rule (category, priority), with an optional note. */
export const AlertOpenCaseInput = actionBody({ note: optionalText('立案说明', 500) });

/** The body of each staff action on an alert. */
export const IOT_ALERT_ACTION_INPUTS = {
  acknowledge: AlertAcknowledgeInput,
  open_case: AlertOpenCaseInput,
  dismiss: AlertDismissInput,
} as const;
/** The body of staff action `A`. */
export type IotAlertActionInput<A extends keyof typeof IOT_ALERT_ACTION_INPUTS> = z.infer<
  (typeof IOT_ALERT_ACTION_INPUTS)[A]
>;

/**
 * 处置规则: what becomes of a new alert of a device type and alert type — a case (of a catalog category and
 * priority, located to the device's grid and owned by its community), a notice only, or dismissal — and the
 * suppression window within which a repeat counts on the active alert.
 */
export const IotRuleView = z.object({
  id: z.number().int(),
  version: z.number().int(),
  deviceType: DeviceType,
  alertType: AlertType,
  outcome: RuleOutcome,
  categoryId: z.number().int().nullable(),
  categoryName: z.string().nullable(),
  priority: Priority,
  /** 小区: null for every estate */
  estateId: z.number().int().nullable(),
  estateName: z.string().nullable(),
  /** 生效时段 (Beijing `HH:MM`, end exclusive, wrapping midnight when it comes first); null for all day */
  activeFrom: z.string().nullable(),
  activeTo: z.string().nullable(),
  /** the general rule of its types (no estate, no window): edited, never deleted */
  general: z.boolean(),
  /** 抑制窗口 (minutes) */
  suppressMinutes: z.number().int(),
  /** 升级时限 (minutes): unacknowledged this long, an alert goes a level up; null = never */
  escalateMinutes: z.number().int().nullable(),
  updatedAt: z.string(),
});
export type IotRuleView = z.infer<typeof IotRuleView>;

export const IotRuleList = z.object({ items: z.array(IotRuleView) });
export type IotRuleList = z.infer<typeof IotRuleList>;

/** A clock time of a rule's window, Beijing `HH:MM`. */
const RuleClock = (label: string) =>
  z
    .string({ error: `${label}须为 HH:MM` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}须为 HH:MM（00:00–23:59）`)
    .nullable()
    .default(null);

/** What a rule does with an alert (the settings an editor changes). */
const ruleSettings = {
  outcome: RuleOutcome,
  /** 事项目录: the catalog leaf of the case (open_case) */
  categoryId: id('事项').nullable().default(null),
  priority: Priority,
  /** 抑制窗口 (minutes): a repeat within it counts on the active alert */
  suppressMinutes: z
    .number({ error: '请填写抑制窗口' })
    .int('抑制窗口须为整数分钟')
    .min(0, '抑制窗口不能为负数')
    .max(1440, '抑制窗口最长 1440 分钟'),
  /** 升级时限 (minutes); null = never escalate */
  escalateMinutes: z
    .number({ error: '升级时限须为整数分钟' })
    .int('升级时限须为整数分钟')
    .min(1, '升级时限至少 1 分钟')
    .max(1440, '升级时限最长 1440 分钟')
    .nullable()
    .default(null),
};

/** `PUT /api/v1/iot/rules/:id`: the rule's new outcome and settings, at the version the editor saw. */
export const IotRuleInput = actionBody(ruleSettings);
export type IotRuleInput = z.infer<typeof IotRuleInput>;

/**
 * `POST /api/v1/iot/rules` 新增规则 (and the body of 试运行): the scope — device type and alert type, optionally
 * one estate and a time of day (`HH:MM`–`HH:MM` Beijing, wrapping midnight when the end comes first) — and
 * the settings.
 */
export const IotRuleCreateInput = z
  .strictObject(
    {
      deviceType: DeviceType,
      alertType: AlertType,
      /** 小区: the rule holds for this estate only; null for every estate */
      estateId: id('小区').nullable().default(null),
      /** 生效时段 from (inclusive) */
      activeFrom: RuleClock('生效开始时间'),
      /** 生效时段 to (exclusive) */
      activeTo: RuleClock('生效结束时间'),
      ...ruleSettings,
    },
    { error: bodyError },
  )
  .superRefine((rule, issues) => {
    if (!mayRaiseAlert(rule.deviceType, rule.alertType)) {
      issues.addIssue({ code: 'custom', path: ['alertType'], message: '该类设备不会上报这种告警' });
    }
    if ((rule.activeFrom === null) !== (rule.activeTo === null)) {
      const path = rule.activeFrom === null ? 'activeFrom' : 'activeTo';
      issues.addIssue({ code: 'custom', path: [path], message: '生效时段须同时填写开始与结束时间' });
    } else if (rule.activeFrom !== null && rule.activeFrom === rule.activeTo) {
      issues.addIssue({ code: 'custom', path: ['activeTo'], message: '生效时段的开始与结束不能相同' });
    }
  });
export type IotRuleCreateInput = z.infer<typeof IotRuleCreateInput>;

/** What a rule does, tallied over alerts: how many it matched and what became (or would become) of them. */
export const IotRuleTally = z.object({
  /** 告警数: stored alerts of the rule's scope */
  alerts: z.number().int(),
  /** 立案数 */
  cases: z.number().int(),
  /** 自动排除数 */
  dismissed: z.number().int(),
  /** 仅通知数 */
  notified: z.number().int(),
  /** 抑制合并: repeats counted on an earlier alert instead of raising one */
  repeatsFolded: z.number().int(),
});
export type IotRuleTally = z.infer<typeof IotRuleTally>;

/**
 * `POST /api/v1/iot/rules/trial` 试运行: an unsaved rule against the alerts of its scope of the last 7 days —
 * what it would have done, beside what happened.
 */
export const IotRuleTrial = z.object({
  from: z.string(),
  to: z.string(),
  /** under the trial rule */
  wouldHave: IotRuleTally,
  /** what the stored alerts record */
  actually: IotRuleTally,
});
export type IotRuleTrial = z.infer<typeof IotRuleTrial>;

/** `DELETE /api/v1/iot/rules/:id?version=`: at the version the editor saw. */
export const IotRuleDeleteQuery = z
  .object({
    version: z.coerce.number({ error: '缺少版本号' }).int('版本号必须是整数').min(0, '版本号不能为负数'),
  })
  .strict();
export type IotRuleDeleteQuery = z.infer<typeof IotRuleDeleteQuery>;
