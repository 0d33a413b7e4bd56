import { DEFAULT_KPI_CONFIG, type KpiConfig } from './kpi-config.js';

/**
 * The counts every measure is computed from, for one org subtree and one period (DOMAIN.md §6). Counting
 * them (which cases fall in the period, which are excluded from assessment) is the repository's job; the
 * formulas below only divide.
 */
export interface KpiCounts {
  /** 登记件数: cases registered in the period */
  total: number;
  /** 重复件数: of `total`, cases that repeat an earlier request (merged into a master) */
  duplicates: number;
  /** 派单件数 (应签收): dispatches to the units in the period */
  dispatched: number;
  /** 签收件数: of `dispatched`, those the unit signed for */
  accepted: number;
  /** 按时签收件数: of `dispatched`, those signed for within the acceptance limit */
  acceptedOnTime: number;
  /** 退单件数: of `dispatched`, those returned as mis-routed */
  returned: number;
  /** 延期件数: of `accepted`, those whose extension was approved */
  extended: number;
  /** 应办结件数: cases whose resolve deadline falls in the period */
  dueToClose: number;
  /** 办结件数: of `dueToClose`, those closed */
  closed: number;
  /** 按期办结件数: of `dueToClose`, those closed by their (possibly extended) deadline */
  closedOnTime: number;
  /** 超期件数: of `dueToClose`, those closed late or still open after the deadline */
  overdue: number;
  /** 办结反馈件数: replies submitted for review */
  replied: number;
  /** 返工件数: of `replied`, replies sent back by the reviewer */
  reworked: number;
  /** 应回访件数: cases whose reply was approved and so needed a callback */
  dueForCallback: number;
  /** 已回访件数: of `dueForCallback`, cases with a callback recorded, answered or not */
  callbacks: number;
  /** 有效回访件数: callbacks that reached the citizen and got all three answers */
  validCallbacks: number;
  /** 响应件数: of `validCallbacks`, the citizen says the unit contacted them */
  contacted: number;
  /** 解决件数: of `validCallbacks`, the citizen says it is solved */
  solved: number;
  /** 满意件数: of `validCallbacks`, answered 满意 */
  satisfied: number;
  /** 基本满意件数: of `validCallbacks`, answered 基本满意 */
  basicallySatisfied: number;
}

/** All counts at zero, to spread partial counts over. */
export const EMPTY_KPI_COUNTS: Readonly<KpiCounts> = {
  total: 0,
  duplicates: 0,
  dispatched: 0,
  accepted: 0,
  acceptedOnTime: 0,
  returned: 0,
  extended: 0,
  dueToClose: 0,
  closed: 0,
  closedOnTime: 0,
  overdue: 0,
  replied: 0,
  reworked: 0,
  dueForCallback: 0,
  callbacks: 0,
  validCallbacks: 0,
  contacted: 0,
  solved: 0,
  satisfied: 0,
  basicallySatisfied: 0,
};

/** The identifiers of the measures, in the order reports show them. */
export const KPI_KEYS = [
  'acceptanceRate',
  'onTimeAcceptanceRate',
  'closingRate',
  'onTimeClosingRate',
  'overdueRate',
  'reworkRate',
  'returnRate',
  'extensionRate',
  'duplicateRate',
  'callbackRate',
  'responseRate',
  'solvingRate',
  'satisfactionRate',
  'compositeScore',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

/** One measure: its parts and its value, a fraction (0.94, not 94), `null` when the denominator is 0. */
export interface KpiRate {
  key: KpiKey;
  label: string;
  numerator: number;
  denominator: number;
  value: number | null;
}

interface KpiDefinition {
  label: string;
  numerator: (c: KpiCounts, config: KpiConfig) => number;
  denominator: (c: KpiCounts) => number;
}

const satisfactionPoints = (c: KpiCounts, config: KpiConfig): number =>
  c.satisfied + config.basicSatisfactionFactor * c.basicallySatisfied;

/**
 * Each measure as numerator and denominator over the counts. The composite score shares the denominator of
 * the three rates (valid callbacks), so w1·响应率 + w2·解决率 + w3·满意率 is one fraction too.
 */
export const KPI_DEFINITIONS: Readonly<Record<KpiKey, KpiDefinition>> = {
  acceptanceRate: { label: '签收率', numerator: (c) => c.accepted, denominator: (c) => c.dispatched },
  onTimeAcceptanceRate: {
    label: '按时签收率',
    numerator: (c) => c.acceptedOnTime,
    denominator: (c) => c.dispatched,
  },
  closingRate: { label: '办结率', numerator: (c) => c.closed, denominator: (c) => c.dueToClose },
  onTimeClosingRate: {
    label: '按期办结率',
    numerator: (c) => c.closedOnTime,
    denominator: (c) => c.dueToClose,
  },
  overdueRate: { label: '超期率', numerator: (c) => c.overdue, denominator: (c) => c.dueToClose },
  reworkRate: { label: '返工率', numerator: (c) => c.reworked, denominator: (c) => c.replied },
  returnRate: { label: '退单率', numerator: (c) => c.returned, denominator: (c) => c.dispatched },
  extensionRate: { label: '延期率', numerator: (c) => c.extended, denominator: (c) => c.accepted },
  duplicateRate: { label: '重复件率', numerator: (c) => c.duplicates, denominator: (c) => c.total },
  callbackRate: { label: '回访率', numerator: (c) => c.callbacks, denominator: (c) => c.dueForCallback },
  responseRate: { label: '响应率', numerator: (c) => c.contacted, denominator: (c) => c.validCallbacks },
  solvingRate: { label: '解决率', numerator: (c) => c.solved, denominator: (c) => c.validCallbacks },
  satisfactionRate: { label: '满意率', numerator: satisfactionPoints, denominator: (c) => c.validCallbacks },
  compositeScore: {
    label: '综合得分',
    numerator: (c, config) =>
      config.weights.response * c.contacted +
      config.weights.solving * c.solved +
      config.weights.satisfaction * satisfactionPoints(c, config),
    denominator: (c) => c.validCallbacks,
  },
};

/** numerator / denominator, or `null` when there is nothing to divide by (never NaN or Infinity). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** One measure over `counts`. */
export function computeKpi(key: KpiKey, counts: KpiCounts, config: KpiConfig = DEFAULT_KPI_CONFIG): KpiRate {
  const definition = KPI_DEFINITIONS[key];
  const numerator = definition.numerator(counts, config);
  const denominator = definition.denominator(counts);
  return { key, label: definition.label, numerator, denominator, value: ratio(numerator, denominator) };
}

/** Every measure over `counts`, by key. */
export function computeKpis(
  counts: KpiCounts,
  config: KpiConfig = DEFAULT_KPI_CONFIG,
): Record<KpiKey, KpiRate> {
  return Object.fromEntries(KPI_KEYS.map((key) => [key, computeKpi(key, counts, config)])) as Record<
    KpiKey,
    KpiRate
  >;
}
