import { z } from 'zod';

/** Type of a request (诉求类型), DOMAIN.md §3. */
export const CASE_TYPES = ['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const;
export const CaseType = z.enum(CASE_TYPES, { error: '诉求类型无效' });
export type CaseType = z.infer<typeof CaseType>;

/** Chinese label of each request type. */
export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  consultation: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
  praise: '表扬',
};

/**
 * Where a case came from (来源), DOMAIN.md §3. Online channels (portal, mini-program, message board …) are
 * one source here; which channel is data (a channel code on the case), not an enum.
 */
export const CASE_SOURCES = [
  'hotline_12345',
  'online',
  'grid_patrol',
  'iot_alert',
  'transfer_110',
  'leader_assignment',
  'mediation_escalation',
  'petition',
  'supervisor_finding',
] as const;
export const CaseSource = z.enum(CASE_SOURCES, { error: '来源无效' });
export type CaseSource = z.infer<typeof CaseSource>;

/** Chinese label of each source. */
export const CASE_SOURCE_LABELS: Record<CaseSource, string> = {
  hotline_12345: '12345热线',
  online: '网络渠道',
  grid_patrol: '网格上报',
  iot_alert: '物联感知告警',
  transfer_110: '110转入',
  leader_assignment: '领导交办',
  mediation_escalation: '调解转办',
  petition: '信访',
  supervisor_finding: '督查发现',
};

/** The deadline light of an open case (DOMAIN.md §4): on time, warning, overdue. */
export const SLA_LIGHTS = ['green', 'yellow', 'red'] as const;
export const SlaLight = z.enum(SLA_LIGHTS);
export type SlaLight = z.infer<typeof SlaLight>;

/** Chinese label of each light. */
export const SLA_LIGHT_LABELS: Record<SlaLight, string> = {
  green: '正常',
  yellow: '预警',
  red: '超期',
};

/** The citizen's answer to "are you satisfied?" in a callback (回访). */
export const SATISFACTION_LEVELS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export const Satisfaction = z.enum(SATISFACTION_LEVELS, { error: '满意度无效' });
export type Satisfaction = z.infer<typeof Satisfaction>;

/** Chinese label of each satisfaction level. */
export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

/** Level of a supervision (督办): an ordinary urge, or a listed case watched until it is done. */
export const SUPERVISION_LEVELS = ['general', 'listed'] as const;
export const SupervisionLevel = z.enum(SUPERVISION_LEVELS, { error: '督办级别无效' });
export type SupervisionLevel = z.infer<typeof SupervisionLevel>;

/** Chinese label of each supervision level. */
export const SUPERVISION_LEVEL_LABELS: Record<SupervisionLevel, string> = {
  general: '一般督办',
  listed: '挂牌督办',
};
