import { z } from 'zod';

/**
 * 行业: the industries of the enterprise register. The high-risk ones (高危行业: mines, hazardous chemicals and
 * coking, metal smelting, construction, gas, fireworks) are flagged by `HIGH_RISK_INDUSTRIES`.
 */
export const INDUSTRIES = [
  'coal_mine',
  'non_coal_mine',
  'hazardous_chemicals',
  'coking',
  'metal_smelting',
  'construction',
  'gas',
  'fireworks',
  'manufacturing',
  'trade',
  'other',
] as const;
export const Industry = z.enum(INDUSTRIES, { error: '行业无效' });
export type Industry = z.infer<typeof Industry>;

/** Chinese label of each industry. */
export const INDUSTRY_LABELS: Record<Industry, string> = {
  coal_mine: '煤矿',
  non_coal_mine: '非煤矿山',
  hazardous_chemicals: '危险化学品',
  coking: '焦化',
  metal_smelting: '冶金',
  construction: '建筑施工',
  gas: '城镇燃气',
  fireworks: '烟花爆竹',
  manufacturing: '一般工贸',
  trade: '商贸服务',
  other: '其他',
};

/** 高危行业 (安全生产法): the industries whose enterprises the register flags. */
export const HIGH_RISK_INDUSTRIES: readonly Industry[] = [
  'coal_mine',
  'non_coal_mine',
  'hazardous_chemicals',
  'coking',
  'metal_smelting',
  'construction',
  'gas',
  'fireworks',
];

/** Whether an industry is high-risk (高危). */
export function isHighRiskIndustry(industry: Industry): boolean {
  return HIGH_RISK_INDUSTRIES.includes(industry);
}

/** 隐患等级 (令第16号 art. 3): 一般 — rectified at once; 重大 — needs a stop, time and a 治理方案. */
export const HAZARD_LEVELS = ['general', 'major'] as const;
export const HazardLevel = z.enum(HAZARD_LEVELS, { error: '隐患等级须为一般或重大' });
export type HazardLevel = z.infer<typeof HazardLevel>;

/** Chinese label of each level. */
export const HAZARD_LEVEL_LABELS: Record<HazardLevel, string> = { general: '一般隐患', major: '重大隐患' };

/** 隐患来源: an inspection's failed item, the enterprise's self-check, a grid worker's finding, a 12345 case. */
export const HAZARD_SOURCES = ['inspection', 'self_check', 'grid_finding', 'case'] as const;
export const HazardSource = z.enum(HAZARD_SOURCES, { error: '隐患来源无效' });
export type HazardSource = z.infer<typeof HazardSource>;

/** Chinese label of each source. */
export const HAZARD_SOURCE_LABELS: Record<HazardSource, string> = {
  inspection: '监督检查',
  self_check: '企业自查',
  grid_finding: '网格发现',
  case: '12345工单',
};

/** 检查类型: a planned inspection of a campaign, or an ad hoc one. */
export const INSPECTION_KINDS = ['planned', 'ad_hoc'] as const;
export const InspectionKind = z.enum(INSPECTION_KINDS, { error: '检查类型无效' });
export type InspectionKind = z.infer<typeof InspectionKind>;

/** Chinese label of each inspection kind. */
export const INSPECTION_KIND_LABELS: Record<InspectionKind, string> = {
  planned: '计划检查',
  ad_hoc: '随机检查',
};
