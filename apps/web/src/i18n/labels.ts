import {
  GRID_STAFF_ROLE_LABELS,
  ORG_KIND_LABELS,
  PRIORITY_LABELS,
  ROLE_LABELS,
  TIME_LIMIT_UNIT_LABELS,
} from '@shanzhi/shared';
import type { Locale } from './locale.js';

// Chinese labels come from the shared package (one source with the server); English ones live here.
const ROLE_LABELS_EN: Record<string, string> = {
  citizen: 'Citizen',
  agent: '12345 agent',
  dispatcher: 'Dispatcher',
  handler: 'Case handler',
  grid_worker: 'Grid worker',
  mediator: 'Mediator',
  petition_agent: 'Petition agent',
  supervisor: 'Supervisor',
  leader: 'Leader',
  merchant: 'Merchant',
  admin: 'Administrator',
};

const ORG_KIND_LABELS_EN: Record<string, string> = {
  city: 'City',
  district: 'District',
  town: 'Town / street',
  community: 'Village / community',
  grid: 'Grid',
  unit: 'Functional unit',
  center: 'Social governance centre',
};

/** The label of a role identifier in the given language; an unknown role shows its identifier. */
export function roleLabel(role: string, locale: Locale): string {
  const labels: Record<string, string> = locale === 'en' ? ROLE_LABELS_EN : ROLE_LABELS;
  return labels[role] ?? role;
}

/** The label of an organisation kind in the given language; an unknown kind shows its identifier. */
export function orgKindLabel(kind: string, locale: Locale): string {
  const labels: Record<string, string> = locale === 'en' ? ORG_KIND_LABELS_EN : ORG_KIND_LABELS;
  return labels[kind] ?? kind;
}

const GRID_STAFF_ROLE_LABELS_EN: Record<string, string> = {
  leader: 'Grid leader',
  police: 'Grid police officer',
  full_time: 'Full-time grid worker',
  part_time: 'Part-time grid worker',
};

const PRIORITY_LABELS_EN: Record<string, string> = {
  emergency: 'Emergency',
  urgent: 'Urgent',
  normal: 'Normal',
};

const TIME_LIMIT_UNIT_LABELS_EN: Record<string, string> = {
  working_minutes: 'working minutes',
  working_hours: 'working hours',
  working_days: 'working days',
  calendar_minutes: 'calendar minutes',
  calendar_hours: 'calendar hours',
  calendar_days: 'calendar days',
};

/** What each audited action means, in both languages; an unknown action shows its identifier. */
const AUDIT_ACTION_LABELS: Record<string, { zh: string; en: string }> = {
  'auth.logged_in': { zh: '登录', en: 'Signed in' },
  'auth.logged_out': { zh: '退出登录', en: 'Signed out' },
  'auth.login_failed': { zh: '登录失败', en: 'Failed sign-in' },
  'auth.login_refused': { zh: '拒绝登录', en: 'Sign-in refused' },
  'auth.account_locked': { zh: '账号锁定', en: 'Account locked' },
  'user.created': { zh: '新建用户', en: 'User created' },
  'user.updated': { zh: '修改用户', en: 'User changed' },
  'user.roles_changed': { zh: '用户角色变更', en: 'User roles changed' },
  'user.password_reset': { zh: '重置密码', en: 'Password reset' },
  'user.unlocked': { zh: '解除锁定', en: 'Account unlocked' },
  'org.created': { zh: '新建组织', en: 'Org created' },
  'org.updated': { zh: '修改组织', en: 'Org changed' },
  'org.deactivated': { zh: '停用组织', en: 'Org deactivated' },
  'org.activated': { zh: '启用组织', en: 'Org activated' },
  'org.staff_changed': { zh: '网格力量变更', en: 'Grid staff changed' },
  'role.permissions_changed': { zh: '角色权限变更', en: 'Role permissions changed' },
  'catalog.category_created': { zh: '新建事项类别', en: 'Category created' },
  'catalog.category_updated': { zh: '修改事项类别', en: 'Category changed' },
  'calendar.year_imported': { zh: '导入节假日', en: 'Holiday year imported' },
  'calendar.office_hours_changed': { zh: '修改办公时间', en: 'Office hours changed' },
  'knowledge.entry_created': { zh: '新建知识', en: 'Knowledge entry created' },
  'knowledge.entry_updated': { zh: '修改知识', en: 'Knowledge entry changed' },
  'knowledge.entry_deactivated': { zh: '停用知识', en: 'Knowledge entry deactivated' },
  'reply_template.created': { zh: '新建回复模板', en: 'Reply template created' },
  'reply_template.updated': { zh: '修改回复模板', en: 'Reply template changed' },
  'grid_register.personal_data_read': { zh: '查看完整个人号码', en: 'Full personal numbers read' },
  'grid_register.exported': { zh: '导出基础信息', en: 'Register exported' },
  'grid_register.imported': { zh: '导入基础信息', en: 'Register imported' },
  'grid_register.house_created': { zh: '登记房屋', en: 'House registered' },
  'grid_register.house_updated': { zh: '修改房屋', en: 'House changed' },
  'grid_register.resident_created': { zh: '登记实有人口', en: 'Resident registered' },
  'grid_register.resident_updated': { zh: '修改实有人口', en: 'Resident changed' },
  'grid_register.organisation_created': { zh: '登记单位', en: 'Organisation registered' },
  'grid_register.organisation_updated': { zh: '修改单位', en: 'Organisation changed' },
};

function pick(zh: Record<string, string>, en: Record<string, string>, key: string, locale: Locale): string {
  return (locale === 'en' ? en : zh)[key] ?? key;
}

/** 格长 / 网格警 / 专职网格员 / 兼职网格员 (一格一长一警一专多兼). */
export function gridStaffRoleLabel(role: string, locale: Locale): string {
  return pick(GRID_STAFF_ROLE_LABELS, GRID_STAFF_ROLE_LABELS_EN, role, locale);
}

/** 紧急 / 加急 / 一般. */
export function priorityLabel(priority: string, locale: Locale): string {
  return pick(PRIORITY_LABELS, PRIORITY_LABELS_EN, priority, locale);
}

/** 工作日 / 工作小时 / 自然小时 …. */
export function timeLimitUnitLabel(unit: string, locale: Locale): string {
  return pick(TIME_LIMIT_UNIT_LABELS, TIME_LIMIT_UNIT_LABELS_EN, unit, locale);
}

/** A time limit for people: `5 工作日`, `30 calendar minutes`. */
export function timeLimitText(limit: { value: number; unit: string } | null, locale: Locale): string {
  if (!limit) return '—';
  return `${limit.value} ${timeLimitUnitLabel(limit.unit, locale)}`;
}

/** The audited actions the filter offers. */
export const AUDIT_ACTIONS: readonly string[] = Object.keys(AUDIT_ACTION_LABELS);

/** The label of an audited action. */
export function auditActionLabel(action: string, locale: Locale): string {
  const labels = AUDIT_ACTION_LABELS[action];
  return labels ? labels[locale === 'en' ? 'en' : 'zh'] : action;
}
