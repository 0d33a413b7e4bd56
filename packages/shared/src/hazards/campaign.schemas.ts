import { z } from 'zod';
import { isRealIsoDate } from '../calendar/beijing-time.js';
import { bodyError, id, text } from '../lifecycle/action-body.js';
import { PageQuery, pageOf } from '../lists/list.schemas.js';
import { checklistFor } from './inspection.schemas.js';
import { INDUSTRIES, INDUSTRY_LABELS, Industry } from './safety-enums.js';

const day = (label: string) =>
  z
    .string({ error: `${label}必须是日期` })
    .regex(/^20\d{2}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .refine(isRealIsoDate, `${label}不是有效日期`);

/** One item of a campaign's checklist: what is checked and the rule it is checked against. */
export const CampaignChecklistItem = z.strictObject({
  /** 检查内容 */
  text: text('检查内容', 2, 200),
  /** 检查依据 (the article of a standard or regulation) */
  basis: text('检查依据', 2, 200),
});
export type CampaignChecklistItem = z.infer<typeof CampaignChecklistItem>;

/** The checklist a campaign gives the inspectors of one industry. */
export const CampaignChecklist = z.strictObject({
  industry: Industry,
  items: z
    .array(CampaignChecklistItem, { error: '请填写检查清单' })
    .min(1, '检查清单至少一项')
    .max(100, '检查清单最多 100 项'),
});
export type CampaignChecklist = z.infer<typeof CampaignChecklist>;

/**
 * `POST /api/v1/safety/campaigns` 专项排查: a named campaign over industries, with a checklist for each, the
 * enterprises to cover (chosen, or every enterprise of the industries in the org's subtree), its inspectors and
 * its period.
 */
export const CampaignInput = z
  .strictObject(
    {
      /** 专项名称 (重大事故隐患专项排查整治2023行动 …) */
      name: text('专项名称', 2, 100),
      /** 牵头单位: the org whose subtree the campaign covers; the caller's when absent */
      orgId: id('牵头单位').optional(),
      /** 排查行业 */
      industries: z
        .array(Industry, { error: '请选择排查行业' })
        .min(1, '请选择排查行业')
        .max(INDUSTRIES.length),
      /** 检查清单, one per industry */
      checklists: z.array(CampaignChecklist, { error: '请填写检查清单' }).max(INDUSTRIES.length),
      /** 排查企业 chosen; every enterprise of the industries in the org's subtree when absent */
      enterpriseIds: z.array(id('企业')).min(1, '请选择排查企业').max(2000).optional(),
      /** 检查人员 (accounts); the caller alone when absent */
      inspectorUserIds: z.array(id('检查人员')).min(1).max(50).optional(),
      /** 开始日期 (Beijing) */
      startsOn: day('开始日期'),
      /** 结束日期 (Beijing, inclusive) */
      endsOn: day('结束日期'),
    },
    { error: bodyError },
  )
  .superRefine((input, issues) => {
    if (input.endsOn < input.startsOn)
      issues.addIssue({ code: 'custom', path: ['endsOn'], message: '结束日期不能早于开始日期' });
    const given = input.checklists.map((c) => c.industry);
    for (const industry of input.industries) {
      if (!given.includes(industry))
        issues.addIssue({
          code: 'custom',
          path: ['checklists'],
          message: `缺少${INDUSTRY_LABELS[industry]}的检查清单`,
        });
    }
    if (given.some((industry, i) => !input.industries.includes(industry) || given.indexOf(industry) !== i))
      issues.addIssue({
        code: 'custom',
        path: ['checklists'],
        message: '检查清单的行业须为排查行业且各一份',
      });
  });
export type CampaignInput = z.infer<typeof CampaignInput>;

/** 排查进度: enterprises inspected of those planned, inspections done, hazards found and rectified in it. */
export const CampaignProgress = z.object({
  plannedEnterprises: z.number().int(),
  inspectedEnterprises: z.number().int(),
  inspections: z.number().int(),
  hazardsFound: z.number().int(),
  hazardsRectified: z.number().int(),
});
export type CampaignProgress = z.infer<typeof CampaignProgress>;

/** A campaign as the API shows it, with its progress. */
export const CampaignView = z.object({
  id: z.number().int(),
  name: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  industries: z.array(Industry),
  checklists: z.array(CampaignChecklist),
  inspectors: z.array(z.object({ userId: z.number().int(), name: z.string() })),
  startsOn: z.string(),
  endsOn: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  progress: CampaignProgress,
});
export type CampaignView = z.infer<typeof CampaignView>;

/** An enterprise a campaign covers that no inspection of it has reached yet. */
export const CampaignPendingEnterprise = z.object({
  id: z.number().int(),
  name: z.string(),
  industry: Industry,
  orgName: z.string(),
});

/** One campaign with the enterprises still to inspect. */
export const CampaignDetail = CampaignView.extend({ pendingEnterprises: z.array(CampaignPendingEnterprise) });
export type CampaignDetail = z.infer<typeof CampaignDetail>;

/** `GET /api/v1/safety/campaigns`: the campaigns of the caller's scope, newest first. */
export const CampaignListQuery = PageQuery.strict();
export type CampaignListQuery = z.infer<typeof CampaignListQuery>;

export const CampaignPage = pageOf(CampaignView);
export type CampaignPage = z.infer<typeof CampaignPage>;

/** The checklist a campaign gives an industry (none when the campaign does not target it). */
export function campaignChecklistOf(
  campaign: Pick<CampaignView, 'checklists'>,
  industry: Industry,
): CampaignChecklistItem[] {
  return campaign.checklists.find((c) => c.industry === industry)?.items ?? [];
}

/** 判定依据: the standard an industry's own checklist items are judged by (重大事故隐患判定标准). */
const INDUSTRY_BASIS: Partial<Record<Industry, string>> = {
  coal_mine: '煤矿重大事故隐患判定标准',
  non_coal_mine: '金属非金属矿山重大事故隐患判定标准',
  hazardous_chemicals: '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准',
  coking: '工贸企业重大事故隐患判定标准',
  metal_smelting: '工贸企业重大事故隐患判定标准',
  construction: '房屋市政工程生产安全重大事故隐患判定标准',
  gas: '城镇燃气经营安全重大隐患判定标准',
  fireworks: '烟花爆竹生产经营单位重大生产安全事故隐患判定标准',
};
const COMMON_BASIS = '中华人民共和国安全生产法';

/** The checklist a new campaign starts from for an industry: the inspection template, each with its basis. */
export function campaignChecklistTemplate(industry: Industry): CampaignChecklistItem[] {
  const common = checklistFor('other');
  return checklistFor(industry).map((text) => ({
    text,
    basis: common.includes(text) ? COMMON_BASIS : (INDUSTRY_BASIS[industry] ?? COMMON_BASIS),
  }));
}

/** `GET /api/v1/safety/inspectors`: who may be named an inspector, found by name or username. */
export const InspectorQuery = z
  .object({
    /** name or username contains */
    q: z.string().trim().max(50).optional(),
  })
  .strict();
export type InspectorQuery = z.infer<typeof InspectorQuery>;

/** 检查人员 one may name: an active account of the caller's scope whose roles may inspect (`safety.inspect`). */
export const InspectorCandidate = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  orgName: z.string(),
});
export type InspectorCandidate = z.infer<typeof InspectorCandidate>;

/** The first inspectors found, by username. */
export const InspectorCandidateList = z.object({ items: z.array(InspectorCandidate) });
export type InspectorCandidateList = z.infer<typeof InspectorCandidateList>;
