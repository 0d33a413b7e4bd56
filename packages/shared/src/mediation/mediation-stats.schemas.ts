import { z } from 'zod';
import { isRealIsoDate } from '../calendar/beijing-time.js';
import { bodyError } from '../lifecycle/action-body.js';
import { DisputeField } from './mediation-enums.js';

const int = z.number().int();
const day = (label: string) =>
  z
    .string({ error: `${label}必须是日期` })
    .regex(/^20\d{2}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD（2000–2099 年）`)
    .refine(isRealIsoDate, `${label}不是有效日期`);

/** `GET /api/v1/mediation/stats?org=&from=&to=`: an org subtree and a period of Beijing days. */
export const MediationStatsQuery = z.strictObject({
  /** the subtree counted (disputes arising in it); the caller's scope root by default */
  org: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  /** first Beijing day (inclusive); 1 January of this year by default */
  from: day('开始日期').optional(),
  /** last Beijing day (inclusive); today by default */
  to: day('结束日期').optional(),
  field: DisputeField.optional(),
});
export type MediationStatsQuery = z.infer<typeof MediationStatsQuery>;

/** The counts of a period (disputes registered in it) and the rates made of them. */
export const MediationCountsView = z.object({
  /** 受理前登记 */
  received: int,
  /** 受理 */
  accepted: int,
  /** 调解 (mediated to an end: agreed, failed or referred) */
  mediated: int,
  /** 调解成功 */
  agreed: int,
  /** 调解成功率 = agreed / mediated (Wuhai ≥ 96 %); null with nothing mediated */
  resolutionRate: z.number().nullable(),
  /** 协议履行 */
  performed: int,
  /** 申请司法确认 / 确认有效 */
  confirmationsApplied: int,
  confirmationsConfirmed: int,
  /** agreements reached at a village/community committee, and their share of all agreements (小事不出村) */
  agreedAtCommunity: int,
  communityShare: z.number().nullable(),
  /** agreements reached at community or town level, and their share (大事不出镇) */
  agreedUpToTown: int,
  townShare: z.number().nullable(),
  escalated: int,
  overdue: int,
});
export type MediationCountsView = z.infer<typeof MediationCountsView>;

/** One row of a ranking: an org (or a mediator) with its numbers. */
export const MediationRankingRow = z.object({
  rank: int,
  id: int,
  name: z.string(),
  agreed: int,
  mediated: int,
  resolutionRate: z.number().nullable(),
});
export type MediationRankingRow = z.infer<typeof MediationRankingRow>;

/** The answer of `GET /api/v1/mediation/stats`. */
export const MediationStatsView = z.object({
  org: z.object({ id: int, name: z.string() }),
  from: z.string(),
  to: z.string(),
  counts: MediationCountsView,
  byField: z.array(z.object({ field: DisputeField, received: int, agreed: int, mediated: int })),
  /** the orgs one level below `org`, best resolution rate first */
  orgRanking: z.array(MediationRankingRow),
  /** mediators, most agreements first */
  mediatorRanking: z.array(MediationRankingRow),
});
export type MediationStatsView = z.infer<typeof MediationStatsView>;

/** 难易程度 of a mediated dispute, for 以调定补. */
export const DIFFICULTIES = ['simple', 'ordinary', 'difficult', 'major'] as const;
export const Difficulty = z.enum(DIFFICULTIES, { error: '难易程度无效' });
export type Difficulty = z.infer<typeof Difficulty>;
export const DIFFICULTY_LABELS: Record<Difficulty, string> = {
  simple: '简易纠纷',
  ordinary: '一般纠纷',
  difficult: '疑难复杂纠纷',
  major: '重大纠纷',
};

/** One row of the subsidy table the city sets (以调定补): yuan per mediated dispute by field and difficulty. */
export const SubsidyRateView = z.object({
  field: DisputeField,
  difficulty: Difficulty,
  amountYuan: z.number(),
});
export type SubsidyRateView = z.infer<typeof SubsidyRateView>;
export const SubsidyTable = z.object({ items: z.array(SubsidyRateView) });
export type SubsidyTable = z.infer<typeof SubsidyTable>;

/** `PUT /api/v1/mediation/subsidies`: the whole table, replaced. */
export const SetSubsidyTableInput = z.strictObject(
  {
    items: z
      .array(
        z.strictObject({
          field: DisputeField,
          difficulty: Difficulty,
          amountYuan: z.number({ error: '请填写补贴金额' }).min(0, '金额不能为负').max(100_000, '金额过大'),
        }),
      )
      .max(DIFFICULTIES.length * 20),
  },
  { error: bodyError },
);
export type SetSubsidyTableInput = z.infer<typeof SetSubsidyTableInput>;

/** `GET /api/v1/mediation/subsidies/statement?month=&committee=` (and `.xlsx`): a month's subsidies. */
export const SubsidyStatementQuery = z.strictObject({
  month: z.string({ error: '请填写月份' }).regex(/^20\d{2}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
  committee: z.coerce.number().int().positive().optional(),
});
export type SubsidyStatementQuery = z.infer<typeof SubsidyStatementQuery>;

/** One line of a statement: a mediator of a committee, his mediated disputes and the sum. */
export const SubsidyStatementLine = z.object({
  committeeId: int,
  committeeName: z.string(),
  mediatorId: int,
  mediatorName: z.string(),
  disputes: int,
  amountYuan: z.number(),
});
export const SubsidyStatement = z.object({
  month: z.string(),
  lines: z.array(SubsidyStatementLine),
  totalYuan: z.number(),
});
export type SubsidyStatement = z.infer<typeof SubsidyStatement>;
