/**
 * The grid's numbers (网格化服务管理统计, issue 13 item 6) as counts and the measures computed from them, for
 * one org subtree (a district, town, community or grid) and one period. Counting — which patrols, findings
 * and tasks fall in the period, and what stood closed at its end — is the repository's job; the functions
 * here only add up and divide, so the server, the web and the export agree to the digit.
 *
 * The counts come in blocks, one per kind of work; household visits (入户走访) join as a `visits` block of
 * their own once the registers are on the platform, without moving anything here.
 */

/** 巡查: patrols against the grids' plans. */
export interface PatrolCounts {
  /** 计划巡查次数: over the period's ended days, each grid's plan (巡查计划 per day) in force that day, summed */
  planned: number;
  /** 达标次数: over the same days, min(patrols started that day, the plan), summed — a day's extra patrols never make up another day's missing one */
  attained: number;
  /** 漏巡网格日: grid-days (of the ended days with a plan) with fewer patrols than planned */
  missedDays: number;
  /** 巡查次数: patrols started in the period, planned or not */
  done: number;
  /** 巡查里程: their tracks' length, in metres */
  meters: number;
}

/** 巡查发现: what grid workers found in the period (by when it was found) and where it stood at the end. */
export interface FindingCounts {
  /** 发现数: findings found in the period, withdrawn ones included */
  found: number;
  /** 撤销: of `found`, withdrawn as mistaken reports — not a finding at all, so out of every rate */
  dismissed: number;
  /** 就地解决: of `found`, solved on the spot by the end of the period */
  solvedOnSpot: number;
  /** 上报: of `found`, reported up as a case, or referred as a safety hazard, by the end of the period */
  reportedUp: number;
  /** 随工单办结: of `reportedUp`, whose case had come to an end (or hazard been closed) by the end of the period */
  closedWithCase: number;
}

/** 网格任务: tasks pushed onto the grids in the period (by when they were assigned). */
export interface TaskCounts {
  /** 下派任务: tasks assigned in the period, withdrawn ones included */
  assigned: number;
  /** 撤回: of `assigned`, withdrawn by the assigning org */
  cancelled: number;
  /** 已完成: of `assigned`, reported done by the end of the period */
  done: number;
  /** 超期: of the tasks not withdrawn, those done after their deadline or still to do past it at the end */
  overdue: number;
}

/** Every count of one org subtree and period. */
export interface GridCounts {
  patrols: PatrolCounts;
  findings: FindingCounts;
  tasks: TaskCounts;
}

/** All counts at zero: the counts of a grid with nothing in the period, and the start of a sum. */
export function emptyGridCounts(): GridCounts {
  return {
    patrols: { planned: 0, attained: 0, missedDays: 0, done: 0, meters: 0 },
    findings: { found: 0, dismissed: 0, solvedOnSpot: 0, reportedUp: 0, closedWithCase: 0 },
    tasks: { assigned: 0, cancelled: 0, done: 0, overdue: 0 },
  };
}

function addInto<T extends object>(sum: T, part: T): void {
  const target = sum as Record<string, number>;
  for (const [key, value] of Object.entries(part)) target[key] = (target[key] ?? 0) + (value as number);
}

/** The counts of several subtrees together (a community's grids, a town's communities …). */
export function sumGridCounts(parts: readonly GridCounts[]): GridCounts {
  const sum = emptyGridCounts();
  for (const part of parts) {
    addInto(sum.patrols, part.patrols);
    addInto(sum.findings, part.findings);
    addInto(sum.tasks, part.tasks);
  }
  return sum;
}

/** The identifiers of the measures, in the order reports show them. */
export const GRID_MEASURE_KEYS = [
  'patrolAttainmentRate',
  'patrols',
  'patrolKm',
  'missedPatrolDays',
  'findings',
  'solvedOnSpot',
  'reportedUp',
  'closedFindings',
  'closingRate',
  'onSpotRate',
  'tasks',
  'tasksOverdue',
  'taskOverdueRate',
] as const;
export type GridMeasureKey = (typeof GRID_MEASURE_KEYS)[number];

/** How a measure reads: a share (0.9848), a count, or kilometres. */
export type GridMeasureUnit = 'rate' | 'count' | 'km';

/** Which way is better, for rankings and the map's colours; `null` where neither is (a plain volume). */
export type GridMeasureDirection = 'higher' | 'lower' | null;

/** One measure: its value and, for a rate, the parts it came from (`null` value: nothing to divide by). */
export interface GridMeasure {
  key: GridMeasureKey;
  label: string;
  unit: GridMeasureUnit;
  better: GridMeasureDirection;
  value: number | null;
  /** the rate's numerator; the value itself for a count or a length */
  numerator: number;
  /** the rate's denominator; null for a count or a length */
  denominator: number | null;
}

interface GridMeasureDefinition {
  label: string;
  unit: GridMeasureUnit;
  better: GridMeasureDirection;
  numerator: (c: GridCounts) => number;
  /** a rate's denominator; absent for a count or a length */
  denominator?: (c: GridCounts) => number;
}

/** The findings a rate counts: those found in the period, less the withdrawn (a mistaken report is none). */
export const countedFindings = (c: GridCounts): number => c.findings.found - c.findings.dismissed;
/**
 * The findings that stood closed at the end: solved on the spot, or reported up and ended with their case (or
 * referred as a hazard and closed with it).
 */
export const closedFindings = (c: GridCounts): number => c.findings.solvedOnSpot + c.findings.closedWithCase;
/** The tasks a rate counts: those assigned in the period, less the withdrawn. */
const countedTasks = (c: GridCounts): number => c.tasks.assigned - c.tasks.cancelled;

/**
 * Each measure over the counts. The closing rate of findings (发现办结率) is the one Wuhai publishes — 2022:
 * 195,000 of 198,000, 98.48 % — as (就地解决 + 随工单办结) / (发现数 − 撤销).
 */
export const GRID_MEASURE_DEFINITIONS: Readonly<Record<GridMeasureKey, GridMeasureDefinition>> = {
  patrolAttainmentRate: {
    label: '巡查达标率',
    unit: 'rate',
    better: 'higher',
    numerator: (c) => c.patrols.attained,
    denominator: (c) => c.patrols.planned,
  },
  patrols: { label: '巡查次数', unit: 'count', better: 'higher', numerator: (c) => c.patrols.done },
  patrolKm: { label: '巡查里程', unit: 'km', better: 'higher', numerator: (c) => c.patrols.meters / 1000 },
  missedPatrolDays: {
    label: '漏巡网格日',
    unit: 'count',
    better: 'lower',
    numerator: (c) => c.patrols.missedDays,
  },
  findings: { label: '发现数', unit: 'count', better: null, numerator: countedFindings },
  solvedOnSpot: {
    label: '就地解决',
    unit: 'count',
    better: null,
    numerator: (c) => c.findings.solvedOnSpot,
  },
  reportedUp: { label: '上报数', unit: 'count', better: null, numerator: (c) => c.findings.reportedUp },
  closedFindings: { label: '办结数', unit: 'count', better: null, numerator: closedFindings },
  closingRate: {
    label: '发现办结率',
    unit: 'rate',
    better: 'higher',
    numerator: closedFindings,
    denominator: countedFindings,
  },
  onSpotRate: {
    label: '就地解决率',
    unit: 'rate',
    better: 'higher',
    numerator: (c) => c.findings.solvedOnSpot,
    denominator: countedFindings,
  },
  tasks: { label: '下派任务', unit: 'count', better: null, numerator: countedTasks },
  tasksOverdue: { label: '超期任务', unit: 'count', better: 'lower', numerator: (c) => c.tasks.overdue },
  taskOverdueRate: {
    label: '任务超期率',
    unit: 'rate',
    better: 'lower',
    numerator: (c) => c.tasks.overdue,
    denominator: countedTasks,
  },
};

/** One measure over `counts`. */
export function computeGridMeasure(key: GridMeasureKey, counts: GridCounts): GridMeasure {
  const d = GRID_MEASURE_DEFINITIONS[key];
  const numerator = d.numerator(counts);
  const denominator = d.denominator ? d.denominator(counts) : null;
  const value = denominator === null ? numerator : denominator > 0 ? numerator / denominator : null;
  return { key, label: d.label, unit: d.unit, better: d.better, value, numerator, denominator };
}

/** Every measure over `counts`, by key. */
export function computeGridMeasures(counts: GridCounts): Record<GridMeasureKey, GridMeasure> {
  return Object.fromEntries(GRID_MEASURE_KEYS.map((key) => [key, computeGridMeasure(key, counts)])) as Record<
    GridMeasureKey,
    GridMeasure
  >;
}
