import { z } from 'zod';
import { defineLifecycle, type Transition } from '../lifecycle/lifecycle-table.js';

/**
 * States of a device alert (ThingsBoard's alarm: one active per device and type, acknowledged, cleared):
 * - `raised`       — 新告警: stored, nobody has looked at it yet
 * - `acknowledged` — 已确认: someone took it in hand
 * - `case_opened`  — 已立案: it became a case of the spine (source 物联感知告警)
 * - `dismissed`    — 已排除: a false alarm, with the reason (counts into the device's false-alarm rate)
 * - `cleared`      — 已解除: the device said it is over, or its case closed
 */
export const IOT_ALERT_STATES = ['raised', 'acknowledged', 'case_opened', 'dismissed', 'cleared'] as const;
export const IotAlertState = z.enum(IOT_ALERT_STATES, { error: '告警状态无效' });
export type IotAlertState = z.infer<typeof IotAlertState>;

/** Chinese label of each state. */
export const IOT_ALERT_STATE_LABELS: Record<IotAlertState, string> = {
  raised: '新告警',
  acknowledged: '已确认',
  case_opened: '已立案',
  dismissed: '已排除',
  cleared: '已解除',
};

/** The states in which an alert is active: a repeat of its device and type counts on it. */
export const IOT_ALERT_ACTIVE_STATES: readonly IotAlertState[] = ['raised', 'acknowledged', 'case_opened'];

/** Every action of an alert's lifecycle, in order (the order buttons appear in). */
export const IOT_ALERT_ACTIONS = [
  'raise',
  'acknowledge',
  'open_case',
  'dismiss',
  'clear',
  'escalate',
] as const;
export const IotAlertAction = z.enum(IOT_ALERT_ACTIONS);
export type IotAlertAction = z.infer<typeof IotAlertAction>;

/** The actions staff take from the console (the others the platform takes on the device's word). */
export const IOT_ALERT_STAFF_ACTIONS = ['acknowledge', 'open_case', 'dismiss'] as const;
export type IotAlertStaffAction = (typeof IOT_ALERT_STAFF_ACTIONS)[number];

// the platform itself (ingestion, rules) acts as `admin`; staff of the centre, the units and the grids handle
const HANDLERS = ['dispatcher', 'handler', 'grid_worker', 'admin'] as const;

/** The alert lifecycle as data; the server adds the data scope (the estate's community) on top. */
export const IOT_ALERT_TRANSITIONS = {
  raise: { from: [null], to: 'raised', roles: ['admin'], label: '告警' },
  acknowledge: { from: ['raised'], to: 'acknowledged', roles: HANDLERS, label: '确认' },
  open_case: { from: ['raised', 'acknowledged'], to: 'case_opened', roles: HANDLERS, label: '立案' },
  dismiss: { from: ['raised', 'acknowledged'], to: 'dismissed', roles: HANDLERS, label: '排除误报' },
  clear: { from: ['raised', 'acknowledged', 'case_opened'], to: 'cleared', roles: ['admin'], label: '解除' },
  // the escalation sweep's alone (bySystem): nobody acknowledged within the rule's window, it goes a level up
  escalate: { from: ['raised'], to: 'same', roles: ['admin'], label: '升级' },
} as const satisfies Record<IotAlertAction, Transition<IotAlertState>>;

/** The alert lifecycle for the shared mechanism. */
export const IOT_ALERT_LIFECYCLE = defineLifecycle<IotAlertState, IotAlertAction>({
  noun: '告警',
  stateLabels: IOT_ALERT_STATE_LABELS,
  actions: IOT_ALERT_ACTIONS,
  transitions: IOT_ALERT_TRANSITIONS,
  events: {
    raise: 'iot_alert.raised',
    acknowledge: 'iot_alert.acknowledged',
    open_case: 'iot_alert.case_opened',
    dismiss: 'iot_alert.dismissed',
    clear: 'iot_alert.cleared',
    escalate: 'iot_alert.escalated',
  },
});

/**
 * 升级层级: who an alert nobody acknowledges is before — the grid worker of its place (网格员) first, then its
 * community (社区), then the city's command centre (市级指挥中心).
 */
export const IOT_ESCALATION_LEVELS = ['grid', 'community', 'centre'] as const;
export const IotEscalationLevel = z.enum(IOT_ESCALATION_LEVELS);
export type IotEscalationLevel = z.infer<typeof IotEscalationLevel>;

/** Chinese label of each level, as the alert board shows it. */
export const IOT_ESCALATION_LEVEL_LABELS: Record<IotEscalationLevel, string> = {
  grid: '网格员处置',
  community: '已升级至社区',
  centre: '已升级至指挥中心',
};

/** The level an alert escalates to from `level`; null at the centre (the last level). */
export function nextEscalationLevel(level: IotEscalationLevel): IotEscalationLevel | null {
  return IOT_ESCALATION_LEVELS[IOT_ESCALATION_LEVELS.indexOf(level) + 1] ?? null;
}
