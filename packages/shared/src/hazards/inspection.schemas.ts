import { z } from 'zod';
import { Instant, PhotoUploads, PlacePoint } from '../grid/grid-common.schemas.js';
import { bodyError, id, optionalText, text } from '../lifecycle/action-body.js';
import { PageQuery, pageOf } from '../lists/list.schemas.js';
import { HazardLevel, type Industry, InspectionKind } from './safety-enums.js';

/** One item of an inspection's checklist as checked on site. A failed item becomes a hazard. */
export const ChecklistItemInput = z.strictObject({
  /** 检查项 */
  item: text('检查项', 2, 200),
  /** 是否合格 */
  passed: z.boolean({ error: '请选择是否合格' }),
  /** 问题描述 (a failed item: what was wrong; the item itself when absent) */
  finding: optionalText('问题描述', 1000),
  /** 隐患等级 of a failed item; 一般 when absent */
  level: HazardLevel.optional(),
  /** 现场照片 of a failed item: its hazard's photos as found (none kept for a passed item) */
  photos: PhotoUploads.optional(),
});
export type ChecklistItemInput = z.infer<typeof ChecklistItemInput>;

/** `POST /api/v1/safety/inspections` 监督检查: an inspection of one enterprise with its checklist. */
export const InspectionInput = z.strictObject(
  {
    enterpriseId: id('企业'),
    /** 检查类型; 随机检查 when absent */
    kind: InspectionKind.optional(),
    /** 专项行动 the inspection belongs to (重大事故隐患专项排查整治 …) */
    campaign: optionalText('专项行动', 100),
    /**
     * 专项排查 the inspection belongs to: its checklist for the enterprise's industry comes first in `items`, in
     * order (the inspector may add items after it)
     */
    campaignId: id('专项排查').optional(),
    /** when it was done; now when absent */
    inspectedAt: Instant.optional(),
    /** where the inspector stood (the phone's GPS) */
    location: PlacePoint.optional(),
    /** 检查情况 */
    note: optionalText('检查情况', 2000),
    /** 检查清单 */
    items: z.array(ChecklistItemInput).min(1, '检查清单至少一项').max(100, '检查清单最多 100 项'),
  },
  { error: bodyError },
);
export type InspectionInput = z.infer<typeof InspectionInput>;

/** A checklist item of a stored inspection, with the hazard its failure became. */
export const ChecklistItemView = z.object({
  seq: z.number().int(),
  item: z.string(),
  passed: z.boolean(),
  finding: z.string().nullable(),
  hazardId: z.number().int().nullable(),
});

/** An inspection as the API shows it. */
export const InspectionView = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  kind: InspectionKind,
  campaign: z.string().nullable(),
  campaignId: z.number().int().nullable(),
  inspectorName: z.string(),
  inspectedAt: z.string(),
  note: z.string().nullable(),
  itemCount: z.number().int(),
  failedCount: z.number().int(),
  items: z.array(ChecklistItemView),
});
export type InspectionView = z.infer<typeof InspectionView>;

/** `GET /api/v1/safety/inspections`: newest first, in the caller's scope. */
export const InspectionListQuery = PageQuery.extend({
  enterpriseId: z.coerce.number().int().positive().optional(),
  campaignId: z.coerce.number().int().positive().optional(),
}).strict();
export type InspectionListQuery = z.infer<typeof InspectionListQuery>;

export const InspectionPage = pageOf(InspectionView);
export type InspectionPage = z.infer<typeof InspectionPage>;

/**
 * 检查清单模板: the standard items checked in every industry, and the industry's own (after 重大事故隐患判定标准).
 * The inspector may add items on site.
 */
const COMMON_ITEMS = [
  '安全生产责任制和安全管理制度健全',
  '主要负责人和安全管理人员持证上岗',
  '特种作业人员持证上岗',
  '安全教育培训和记录完整',
  '应急预案编制并定期演练',
  '消防设施完好、疏散通道畅通',
];

const INDUSTRY_ITEMS: Partial<Record<Industry, string[]>> = {
  coal_mine: ['瓦斯监测监控系统运行正常', '通风系统可靠', '防治水措施落实', '井下作业人员定位系统正常'],
  non_coal_mine: ['边坡稳定、台阶参数符合设计', '排土场和尾矿库安全运行', '爆破作业符合规程'],
  hazardous_chemicals: [
    '重大危险源监测监控到位',
    '自动化控制和安全联锁投用',
    '储罐区防火堤完好',
    '可燃有毒气体报警器完好',
  ],
  coking: ['煤气系统无泄漏、报警仪完好', '焦炉区域防护到位', '化产回收区动火作业审批'],
  metal_smelting: ['熔融金属吊运设备符合要求', '煤气区域作业管理', '冷却系统可靠'],
  construction: ['深基坑支护和监测', '高大模板支撑体系验收', '起重机械检验合格', '临边洞口防护到位'],
  gas: ['燃气管道无占压、标识清晰', '调压设施运行正常', '用户端安全检查落实'],
  fireworks: ['库房储存量不超核定', '防雷防静电设施完好'],
};

/** The checklist of an industry: the common items, then its own. */
export function checklistFor(industry: Industry): string[] {
  return [...COMMON_ITEMS, ...(INDUSTRY_ITEMS[industry] ?? [])];
}
