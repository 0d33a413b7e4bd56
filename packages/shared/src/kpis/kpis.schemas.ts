import { z } from 'zod';
import { isRealIsoDate } from '../calendar/beijing-time.js';
import { KpiConfig } from './kpi-config.js';
import { KPI_KEYS, type KpiKey } from './kpi-formulas.js';

/** The buckets of a trend: 日, 周 (Monday to Sunday) or 月, all in Beijing time. */
export const TREND_BUCKETS = ['day', 'week', 'month'] as const;
export type TrendBucket = (typeof TREND_BUCKETS)[number];

const day = (label: string) =>
  z
    .string({ error: `${label}必须是日期` })
    // years outside 2000–2099 are typing mistakes, and some of them PostgreSQL cannot even hold
    .regex(/^20\d{2}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD（2000–2099 年）`)
    .refine(isRealIsoDate, `${label}不是有效日期`);

const period = {
  /** first Beijing day of the period (inclusive); the first of this month by default */
  from: day('开始日期').optional(),
  /** last Beijing day of the period (inclusive); today by default */
  to: day('结束日期').optional(),
};

/** `GET /api/v1/kpis`: an org subtree (the caller's scope root by default) and a period. */
export const KpiQuery = z.strictObject({
  /** 组织: the org whose subtree is measured; must lie in the caller's scope */
  org: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  ...period,
});
export type KpiQuery = z.infer<typeof KpiQuery>;

/** Levels a ranking compares: functional units (by lead unit), districts, towns/streets. */
export const RANKING_LEVELS = ['unit', 'district', 'town'] as const;
export type RankingLevel = (typeof RANKING_LEVELS)[number];

/** `GET /api/v1/kpis/ranking`. */
export const KpiRankingQuery = z.strictObject({
  /** 排名对象: `unit` 承办单位 (by lead unit), `district` 区, `town` 镇/街道 (where the case lies) */
  level: z.enum(RANKING_LEVELS, { error: '排名对象应为 unit、district 或 town' }),
  ...period,
  /** 通报线 for this ranking (fraction); the configured one by default */
  threshold: z.coerce.number().min(0, '通报线不能为负').max(1, '通报线不能大于 1').optional(),
});
export type KpiRankingQuery = z.infer<typeof KpiRankingQuery>;

/** `GET /api/v1/kpis/trend`. */
export const KpiTrendQuery = KpiQuery.extend({
  /** 分段: day, week (Monday to Sunday) or month, in Beijing time */
  bucket: z.enum(TREND_BUCKETS, { error: '分段应为 day、week 或 month' }).default('day'),
});
export type KpiTrendQuery = z.infer<typeof KpiTrendQuery>;

/** One measure with its parts: a fraction, `null` without a denominator. */
export const KpiRateView = z.object({
  key: z.enum(KPI_KEYS),
  label: z.string(),
  numerator: z.number(),
  denominator: z.number().int(),
  value: z.number().nullable(),
});

export type KpiRateView = z.output<typeof KpiRateView>;

const rates = <K extends readonly KpiKey[]>(keys: K) =>
  z.object(Object.fromEntries(keys.map((k) => [k, KpiRateView])) as Record<K[number], typeof KpiRateView>);

/** Every count of `KpiCounts`, as an integer. */
export const KpiCountsView = z.object({
  total: z.number().int(),
  duplicates: z.number().int(),
  dispatched: z.number().int(),
  accepted: z.number().int(),
  acceptedOnTime: z.number().int(),
  returned: z.number().int(),
  extended: z.number().int(),
  dueToClose: z.number().int(),
  closed: z.number().int(),
  closedOnTime: z.number().int(),
  overdue: z.number().int(),
  replied: z.number().int(),
  reworked: z.number().int(),
  dueForCallback: z.number().int(),
  callbacks: z.number().int(),
  validCallbacks: z.number().int(),
  contacted: z.number().int(),
  solved: z.number().int(),
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
});

export type KpiCountsView = z.output<typeof KpiCountsView>;

/** An org as the measures name it. */
export const KpiOrgView = z.object({ id: z.number().int(), name: z.string(), kind: z.string() });
export type KpiOrgView = z.output<typeof KpiOrgView>;
const PeriodView = { from: z.string(), to: z.string() };

/** The three rates of 接诉即办 and the composite score. */
export const THREE_RATES = ['responseRate', 'solvingRate', 'satisfactionRate', 'compositeScore'] as const;

/** The answer of `GET /api/v1/kpis`. */
export const KpiReport = z.object({
  org: KpiOrgView,
  ...PeriodView,
  counts: KpiCountsView,
  rates: rates(KPI_KEYS),
  config: z.object({
    basicSatisfactionFactor: z.number(),
    weights: z.object({ response: z.number(), solving: z.number(), satisfaction: z.number() }),
  }),
});
export type KpiReport = z.output<typeof KpiReport>;

/** The answer of `GET /api/v1/kpis/ranking`. */
export const KpiRanking = z.object({
  level: z.enum(RANKING_LEVELS),
  ...PeriodView,
  threshold: z.number(),
  items: z.array(
    z.object({
      org: KpiOrgView,
      rank: z.number().int().nullable(),
      flagged: z.boolean(),
      score: z.number().nullable(),
      counts: KpiCountsView,
      rates: rates(KPI_KEYS),
    }),
  ),
});
export type KpiRanking = z.output<typeof KpiRanking>;

/** The answer of `GET /api/v1/kpis/trend`. */
export const KpiTrend = z.object({
  org: KpiOrgView,
  ...PeriodView,
  bucket: z.enum(TREND_BUCKETS),
  items: z.array(
    z.object({
      /** first Beijing day of the bucket */
      start: z.string(),
      from: z.string(),
      to: z.string(),
      counts: KpiCountsView,
      rates: rates(THREE_RATES),
    }),
  ),
});
export type KpiTrend = z.output<typeof KpiTrend>;

/** The threshold of the ranking until a city sets its own: a composite score under 85 % is flagged. */
export const DEFAULT_FLAG_THRESHOLD = 0.85;

/** 通报线: a score under it is flagged in rankings. */
export const FlagThreshold = z
  .number({ error: '通报线必须是数字' })
  .min(0, '通报线不能为负')
  .max(1, '通报线不能大于 1（按小数填写，如 0.85）');

/** `GET/PUT /api/v1/kpis/config`: the formulas' configuration and the ranking's threshold. */
export const KpiSettings = KpiConfig.extend({
  /** 通报线: ranking entries under this composite score are flagged; 0.85 by default */
  flagThreshold: FlagThreshold.default(DEFAULT_FLAG_THRESHOLD),
});
export type KpiSettings = z.output<typeof KpiSettings>;
