import { z } from 'zod';

/** 代办方式: 主动帮办代办 (the agent offers), 委托帮办代办 (the petitioner signs an entrustment), 指定帮办代办 (assigned). */
export const PETITION_MODES = ['proactive', 'entrusted', 'designated'] as const;
export const PetitionMode = z.enum(PETITION_MODES, { error: '代办方式应为主动、委托或指定' });
export type PetitionMode = z.infer<typeof PetitionMode>;
export const PETITION_MODE_LABELS: Record<PetitionMode, string> = {
  proactive: '主动代办',
  entrusted: '委托代办',
  designated: '指定代办',
};

/** Where a petition came in: an agent at an agency point, a 12345 case, or the portal. */
export const PETITION_SOURCES = ['agent', 'case_12345', 'portal'] as const;
export const PetitionSource = z.enum(PETITION_SOURCES);
export type PetitionSource = z.infer<typeof PetitionSource>;
export const PETITION_SOURCE_LABELS: Record<PetitionSource, string> = {
  agent: '代办员登记',
  case_12345: '12345 工单转入',
  portal: '网上信访',
};

/** How a contact with the responsible body or the petitioner was made. */
export const PETITION_CONTACT_CHANNELS = ['phone', 'visit', 'letter', 'online'] as const;
export const PetitionContactChannel = z.enum(PETITION_CONTACT_CHANNELS, { error: '联系方式无效' });
export type PetitionContactChannel = z.infer<typeof PetitionContactChannel>;
export const PETITION_CONTACT_CHANNEL_LABELS: Record<PetitionContactChannel, string> = {
  phone: '电话',
  visit: '当面',
  letter: '书面',
  online: '网络',
};

/** 风险类型: what a petition flagged for escalation risk may turn into (民转刑, 极端事件苗头). */
export const PETITION_RISK_KINDS = ['civil_to_criminal', 'extreme_act'] as const;
export const PetitionRiskKind = z.enum(PETITION_RISK_KINDS, { error: '风险类型应为民转刑或极端事件苗头' });
export type PetitionRiskKind = z.infer<typeof PetitionRiskKind>;
export const PETITION_RISK_KIND_LABELS: Record<PetitionRiskKind, string> = {
  civil_to_criminal: '民转刑风险',
  extreme_act: '极端事件苗头',
};
