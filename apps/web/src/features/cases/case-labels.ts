import {
  CASE_ACTION_LABELS,
  CASE_SOURCE_LABELS,
  CASE_STATE_LABELS,
  CASE_TYPE_LABELS,
  CHANNEL_LABELS,
  PORTAL_STATUS_LABELS,
  PORTAL_STEP_LABELS,
  SATISFACTION_LABELS,
  SLA_LIGHT_LABELS,
  SUPERVISION_LEVEL_LABELS,
} from '@shanzhi/shared';
import type { Locale } from '../../i18n/locale.js';

// Chinese labels come from the shared package (one source with the server); English ones live here.
const STATE_EN: Record<string, string> = {
  registered: 'To dispatch',
  dispatched: 'To accept',
  returned: 'Returned',
  accepted: 'In progress',
  replied: 'To review',
  reviewed: 'To call back',
  called_back: 'Called back',
  closed: 'Closed',
  resolved_on_call: 'Resolved on call',
  transferred_110: 'Passed to 110',
  merged: 'Merged',
  invalidated: 'Invalidated',
};

const TYPE_EN: Record<string, string> = {
  consultation: 'Consultation',
  help: 'Request for help',
  complaint: 'Complaint',
  report: 'Report',
  suggestion: 'Suggestion',
  praise: 'Praise',
};

const SOURCE_EN: Record<string, string> = {
  hotline_12345: '12345 hotline',
  online: 'Online',
  grid_patrol: 'Grid patrol',
  iot_alert: 'IoT alert',
  transfer_110: 'From 110',
  leader_assignment: 'Leader assignment',
  mediation_escalation: 'From mediation',
  petition: 'Petition',
  supervisor_finding: 'Supervisor finding',
};

const CHANNEL_EN: Record<string, string> = {
  web_portal: 'Web portal',
  wechat_mini: 'WeChat mini-program',
  mobile_h5: 'Mobile web',
  message_board: 'Message board',
  app: 'Mobile app',
  sms: 'SMS',
  email: 'Email',
};

const LIGHT_EN: Record<string, string> = { green: 'On time', yellow: 'Warning', red: 'Overdue' };

const ACTION_EN: Record<string, string> = {
  register: 'Register',
  resolve_on_call: 'Resolve on call',
  dispatch: 'Dispatch',
  accept: 'Accept',
  return: 'Return',
  progress: 'Record progress',
  request_extension: 'Request extension',
  approve_extension: 'Approve extension',
  refuse_extension: 'Refuse extension',
  reply: 'Reply',
  review: 'Approve reply',
  rework: 'Rework',
  callback: 'Callback',
  close: 'Close',
  reopen: 'Reopen',
  supervise: 'Supervise',
  merge: 'Merge',
  unmerge: 'Unmerge',
  transfer_to_110: 'Pass to 110',
  transfer_from_110: 'Back from 110',
  escalate: 'Escalate',
  consult: 'Consult',
  invalidate: 'Invalidate',
};

const SATISFACTION_EN: Record<string, string> = {
  satisfied: 'Satisfied',
  basically_satisfied: 'Basically satisfied',
  unsatisfied: 'Unsatisfied',
};

const SUPERVISION_EN: Record<string, string> = { general: 'Urged', listed: 'Listed supervision' };

const PORTAL_STATUS_EN: Record<string, string> = {
  received: 'Received',
  handling: 'Being handled',
  replied: 'Answered',
  closed: 'Closed',
  transferred: 'Passed to the police (110)',
  not_handled: 'Not accepted',
};

const PORTAL_STEP_EN: Record<string, string> = {
  registered: 'Received and registered',
  dispatched: 'Passed to the handling unit',
  accepted: 'Accepted by the handling unit',
  replied: 'Answered by the handling unit',
  closed: 'Closed',
  reopened: 'Handled again',
  transferred: 'Passed to the police (110)',
};

/** Timeline events that are not actions: the clock's lights, a citizen's own update. */
const EVENT_LABELS: Record<string, { zh: string; en: string }> = {
  'case.sla_warned': { zh: '时限预警', en: 'Deadline warning' },
  'case.sla_breached': { zh: '超期', en: 'Deadline passed' },
  'case.citizen_updated': { zh: '群众补充', en: 'Citizen’s update' },
};

function pick(zh: Record<string, string>, en: Record<string, string>, key: string, locale: Locale): string {
  return (locale === 'en' ? en : zh)[key] ?? key;
}

/** 待派单 / 办理中 / 已结案 …: a case state for people. */
export function caseStateLabel(state: string, locale: Locale): string {
  return pick(CASE_STATE_LABELS, STATE_EN, state, locale);
}

/** 咨询 / 求助 / 投诉 …. */
export function caseTypeLabel(type: string, locale: Locale): string {
  return pick(CASE_TYPE_LABELS, TYPE_EN, type, locale);
}

/** 12345热线 / 网络渠道 …. */
export function caseSourceLabel(source: string, locale: Locale): string {
  return pick(CASE_SOURCE_LABELS, SOURCE_EN, source, locale);
}

/** 网上门户 / 微信小程序 …: an online channel; a city's own code shows as it is. */
export function channelLabel(channel: string, locale: Locale): string {
  return pick(CHANNEL_LABELS, CHANNEL_EN, channel, locale);
}

/** 正常 / 预警 / 超期. */
export function lightLabel(light: string, locale: Locale): string {
  return pick(SLA_LIGHT_LABELS, LIGHT_EN, light, locale);
}

/** The label of a lifecycle action, as on its button: 派单 / 签收 / 退单 …. */
export function caseActionLabel(action: string, locale: Locale): string {
  return pick(CASE_ACTION_LABELS, ACTION_EN, action, locale);
}

/** 满意 / 基本满意 / 不满意. */
export function satisfactionLabel(level: string, locale: Locale): string {
  return pick(SATISFACTION_LABELS, SATISFACTION_EN, level, locale);
}

/** 一般督办 / 挂牌督办. */
export function supervisionLevelLabel(level: string, locale: Locale): string {
  return pick(SUPERVISION_LEVEL_LABELS, SUPERVISION_EN, level, locale);
}

/** What a timeline event says happened: the action's label, or the event's own (预警 / 超期 / 群众补充). */
export function timelineEventLabel(event: { action: string; event: string }, locale: Locale): string {
  const own = EVENT_LABELS[event.event];
  if (own) return locale === 'en' ? own.en : own.zh;
  return caseActionLabel(event.action, locale);
}

/** 已受理 / 办理中 / 已办结 …: the coarse status a citizen sees on the portal. */
export function portalStatusLabel(status: string, locale: Locale): string {
  return pick(PORTAL_STATUS_LABELS, PORTAL_STATUS_EN, status, locale);
}

/** 已受理登记 / 已转交承办单位 …: a public step of a case on the portal. */
export function portalStepLabel(step: string, locale: Locale): string {
  return pick(PORTAL_STEP_LABELS, PORTAL_STEP_EN, step, locale);
}
