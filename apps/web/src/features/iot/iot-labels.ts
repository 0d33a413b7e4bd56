import {
  ALERT_SEVERITY_LABELS,
  ALERT_TYPE_LABELS,
  type AlertSeverity,
  type AlertType,
  DEVICE_TYPE_LABELS,
  type DeviceType,
  IOT_ALERT_STATE_LABELS,
  IOT_ALERT_TRANSITIONS,
  IOT_ESCALATION_LEVEL_LABELS,
  type IotAlertStaffAction,
  type IotAlertState,
  type IotEscalationLevel,
  RULE_OUTCOME_LABELS,
  type RuleOutcome,
} from '@shanzhi/shared';

// the labels come from the shared definitions (one source with the server's case texts), Chinese first

/** 设备类型. */
export const deviceTypeLabel = (type: DeviceType) => DEVICE_TYPE_LABELS[type];
/** 告警类型. */
export const alertTypeLabel = (type: AlertType) => ALERT_TYPE_LABELS[type];
/** 告警状态. */
export const alertStateLabel = (state: IotAlertState) => IOT_ALERT_STATE_LABELS[state];
/** 告警级别. */
export const severityLabel = (severity: AlertSeverity) => ALERT_SEVERITY_LABELS[severity];
/** 处置方式. */
export const outcomeLabel = (outcome: RuleOutcome) => RULE_OUTCOME_LABELS[outcome];
/** 升级层级: 已升级至社区、已升级至指挥中心. */
export const escalationLabel = (level: IotEscalationLevel) => IOT_ESCALATION_LEVEL_LABELS[level];
/** The button of a staff action: 确认, 立案, 排除误报. */
export const alertActionLabel = (action: IotAlertStaffAction) => IOT_ALERT_TRANSITIONS[action].label;

/** The tag colour of each severity. */
export const SEVERITY_COLORS: Record<AlertSeverity, string> = {
  CRITICAL: 'red',
  MAJOR: 'volcano',
  MINOR: 'gold',
  WARNING: 'blue',
};

/** The tag colour of each state. */
export const ALERT_STATE_COLORS: Record<IotAlertState, string> = {
  raised: 'red',
  acknowledged: 'orange',
  case_opened: 'blue',
  dismissed: 'default',
  cleared: 'green',
};
