import { z } from 'zod';
import { SlaLight } from '../cases/case-enums.js';
import { PhotoUploads } from '../grid/grid-common.schemas.js';
import { actionBody, bodyError, id, optionalText, text } from '../lifecycle/action-body.js';
import { PageQuery, pageOf } from '../lists/list.schemas.js';
import { HazardAction, HazardState } from './hazard-lifecycle.js';
import { HazardLevel, HazardSource, Industry } from './safety-enums.js';

/** `POST /api/v1/safety/hazards` 登记隐患: one hazard of an enterprise, from any source but an inspection. */
export const HazardInput = z.strictObject(
  {
    enterpriseId: id('企业'),
    /** 隐患等级 */
    level: HazardLevel,
    /** 隐患描述: what it is */
    description: text('隐患描述', 2, 1000),
    /** 隐患部位: where in the enterprise */
    place: optionalText('隐患部位', 200),
    /** 来源; a 12345 case when `caseId` is given, otherwise 企业自查 for an enterprise and 网格发现 for a grid worker */
    source: HazardSource.optional(),
    /** the 12345 case it comes from (one action from the case) */
    caseId: id('工单').optional(),
    /** 现场照片 */
    photos: PhotoUploads.optional(),
  },
  { error: bodyError },
);
export type HazardInput = z.infer<typeof HazardInput>;

/** 治理方案 of a major hazard (令第16号 art. 15): goals, measures, funds, materials, people, deadline, safety meanwhile. */
export const RectificationPlan = z.strictObject({
  /** 治理的目标和任务 */
  goal: text('治理目标', 2, 500),
  /** 采取的方法和措施 */
  measures: text('治理措施', 2, 2000),
  /** 经费和物资的落实 (万元) */
  funds: z.number({ error: '请填写治理经费' }).nonnegative('治理经费不能为负数').max(1_000_000),
  /** 负责治理的机构和人员 */
  people: text('负责机构和人员', 2, 200),
  /** 安全措施和应急预案 (while it lasts) */
  safetyMeasures: text('安全措施和应急预案', 2, 1000),
});
export type RectificationPlan = z.infer<typeof RectificationPlan>;

/** `close_on_spot` 当场整改销号: a general hazard put right at once, proven by a photo. */
export const HazardCloseOnSpotInput = actionBody({
  note: text('整改情况', 2, 1000),
  photos: PhotoUploads.min(1, '请上传整改后的照片'),
});
/** `report` 上报. */
export const HazardReportInput = actionBody({ note: optionalText('上报说明', 1000) });
/** `assign` 交办整改: who is responsible, and the deadline in working days (the working calendar). */
export const HazardAssignInput = actionBody({
  /** 整改责任人 / 责任单位 */
  responsibleParty: text('整改责任人', 2, 100),
  /** 整改期限 (working days) */
  deadlineDays: z
    .number({ error: '请填写整改期限' })
    .int('整改期限须为整数天')
    .min(1, '整改期限至少 1 天')
    .max(250),
  note: optionalText('交办意见', 1000),
});
/** `start_rectification` 开始整改. */
export const HazardStartRectificationInput = actionBody({ note: optionalText('整改说明', 1000) });
/** `submit_plan` 报送治理方案 (major hazards). */
export const HazardSubmitPlanInput = actionBody({ plan: RectificationPlan });
/** `list_supervision` 挂牌督办 (major hazards): by whom and why. */
export const HazardListSupervisionInput = actionBody({ note: text('督办意见', 2, 1000) });
/** `request_extension` 申请延期, before the deadline. */
export const HazardRequestExtensionInput = actionBody({
  days: z.number({ error: '请填写延期天数' }).int().min(1, '延期至少 1 天').max(60, '延期最多 60 天'),
  reason: text('延期理由', 2, 1000),
});
/** `approve_extension` / `refuse_extension`. */
export const HazardDecideExtensionInput = actionBody({ note: optionalText('意见', 1000) });
/** `rectify` 整改完成: what was done, with photos. */
export const HazardRectifyInput = actionBody({
  note: text('整改情况', 2, 1000),
  photos: PhotoUploads.optional(),
});
/** `accept_rectification` 验收通过 / `reject_rectification` 验收不通过 / `close` 销号. */
export const HazardAcceptanceInput = actionBody({ note: optionalText('验收意见', 1000) });
export const HazardRejectRectificationInput = actionBody({ note: text('验收意见', 2, 1000) });
export const HazardCloseInput = actionBody({ note: optionalText('销号说明', 1000) });

/** The body of each action on an existing hazard. */
export const HAZARD_ACTION_INPUTS = {
  close_on_spot: HazardCloseOnSpotInput,
  report: HazardReportInput,
  assign: HazardAssignInput,
  start_rectification: HazardStartRectificationInput,
  submit_plan: HazardSubmitPlanInput,
  list_supervision: HazardListSupervisionInput,
  request_extension: HazardRequestExtensionInput,
  approve_extension: HazardDecideExtensionInput,
  refuse_extension: HazardDecideExtensionInput,
  rectify: HazardRectifyInput,
  accept_rectification: HazardAcceptanceInput,
  reject_rectification: HazardRejectRectificationInput,
  close: HazardCloseInput,
} as const;
/** An action on an existing hazard. */
export type HazardActionOnHazard = keyof typeof HAZARD_ACTION_INPUTS;
/** The body of action `A`. */
export type HazardActionInput<A extends HazardActionOnHazard> = z.infer<(typeof HAZARD_ACTION_INPUTS)[A]>;

/** A timeline event of a hazard. */
export const HazardEventView = z.object({
  seq: z.number().int(),
  action: z.string(),
  event: z.string(),
  actorName: z.string(),
  at: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  note: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
});

/** A hazard photo (on finding, after rectification). */
export const HazardPhotoView = z.object({
  id: z.number().int(),
  role: z.enum(['report', 'after']),
  url: z.string(),
});

/** A hazard as the API shows it, with the actions the caller may take on it. */
export const HazardView = z.object({
  id: z.number().int(),
  version: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  industry: Industry,
  level: HazardLevel,
  source: HazardSource,
  description: z.string(),
  place: z.string().nullable(),
  state: HazardState,
  inspectionId: z.number().int().nullable(),
  caseId: z.number().int().nullable(),
  /** the grid worker's finding (网格事件) it was referred from */
  gridFindingId: z.number().int().nullable(),
  orgName: z.string(),
  supervisingOrgId: z.number().int(),
  supervisingOrgName: z.string(),
  reporterName: z.string(),
  responsibleParty: z.string().nullable(),
  /** 整改期限 */
  deadline: z.string().nullable(),
  /** the deadline's light while it runs (red: overdue); null when none runs */
  light: SlaLight.nullable(),
  /** 挂牌督办 */
  listedForSupervision: z.boolean(),
  plan: RectificationPlan.nullable(),
  /** the days of an extension asked for and not yet decided */
  extensionDays: z.number().int().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  actions: z.array(HazardAction),
});
export type HazardView = z.infer<typeof HazardView>;

/** A hazard with its timeline and photos. */
export const HazardDetail = HazardView.extend({
  timeline: z.array(HazardEventView),
  photos: z.array(HazardPhotoView),
});
export type HazardDetail = z.infer<typeof HazardDetail>;

/** `GET /api/v1/safety/hazards`: newest first, in the caller's scope. */
export const HazardListQuery = PageQuery.extend({
  state: HazardState.optional(),
  level: HazardLevel.optional(),
  enterpriseId: z.coerce.number().int().positive().optional(),
  /** only those past their deadline and not rectified (the supervisor's list) */
  overdue: z.enum(['true', 'false']).optional(),
  /** only those under 挂牌督办 */
  listed: z.enum(['true', 'false']).optional(),
  /** only open ones (not closed) */
  open: z.enum(['true', 'false']).optional(),
}).strict();
export type HazardListQuery = z.infer<typeof HazardListQuery>;

export const HazardPage = pageOf(HazardView);
export type HazardPage = z.infer<typeof HazardPage>;

/** `GET /api/v1/safety/stats?org=&from=&to=`: the numbers of hazards and inspections in an org's subtree. */
export const SafetyStatsQuery = z
  .object({
    org: z.coerce.number().int().positive().optional(),
    from: z.iso.date({ error: '日期须为 YYYY-MM-DD' }).optional(),
    to: z.iso.date({ error: '日期须为 YYYY-MM-DD' }).optional(),
  })
  .strict();
export type SafetyStatsQuery = z.infer<typeof SafetyStatsQuery>;

/** The hazard numbers: found, rectified (closed), the rectification rate, by level; overdue majors; inspections. */
export const SafetyStatsView = z.object({
  orgId: z.number().int(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  found: z.number().int(),
  rectified: z.number().int(),
  /** rectified ÷ found, 0–1; null when none found */
  rectificationRate: z.number().nullable(),
  byLevel: z.object({
    general: z.object({ found: z.number().int(), rectified: z.number().int() }),
    major: z.object({ found: z.number().int(), rectified: z.number().int() }),
  }),
  /** found and rectified per industry of the enterprises, the industries with hazards in the period */
  byIndustry: z.array(z.object({ industry: Industry, found: z.number().int(), rectified: z.number().int() })),
  /** found and rectified per org one level below the asked one, by the enterprises' territory, all of them */
  byOrg: z.array(
    z.object({
      orgId: z.number().int(),
      name: z.string(),
      found: z.number().int(),
      rectified: z.number().int(),
    }),
  ),
  /** found and rectified per Beijing month (`YYYY-MM`) of finding, the months with hazards */
  byMonth: z.array(z.object({ month: z.string(), found: z.number().int(), rectified: z.number().int() })),
  overdueMajor: z.number().int(),
  listedForSupervision: z.number().int(),
  inspections: z.number().int(),
  /** 计划与完成: the campaigns led in the scope whose period meets the asked one, the enterprises they plan to
   * inspect and those inspected so far */
  campaigns: z.object({
    count: z.number().int(),
    plannedEnterprises: z.number().int(),
    inspectedEnterprises: z.number().int(),
  }),
  enterprises: z.number().int(),
});
export type SafetyStatsView = z.infer<typeof SafetyStatsView>;

/** What an enterprise's pin on the map shows: 有逾期 red, 有在办隐患 orange, 无在办隐患 green. */
export const ENTERPRISE_MAP_STATES = ['overdue', 'open', 'clear'] as const;
export const EnterpriseMapState = z.enum(ENTERPRISE_MAP_STATES);
export type EnterpriseMapState = z.infer<typeof EnterpriseMapState>;

/** An enterprise as a pin on the map: its place, its open hazards (running) and those overdue. */
export const EnterpriseMapPin = z.object({
  id: z.number().int(),
  name: z.string(),
  industry: Industry,
  highRisk: z.boolean(),
  lng: z.number(),
  lat: z.number(),
  openHazards: z.number().int(),
  overdueHazards: z.number().int(),
  state: EnterpriseMapState,
});
export type EnterpriseMapPin = z.infer<typeof EnterpriseMapPin>;

/** `GET /api/v1/safety/enterprises/map`: every located enterprise in the caller's scope, not a page of them. */
export const EnterpriseMap = z.object({ items: z.array(EnterpriseMapPin) });
export type EnterpriseMap = z.infer<typeof EnterpriseMap>;
