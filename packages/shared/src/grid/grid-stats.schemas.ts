import { z } from 'zod';
import { isRealIsoDate } from '../calendar/beijing-time.js';
import { BoundaryGeometry } from '../geo/geo.schemas.js';
import { GRID_MEASURE_KEYS, type GridMeasureKey } from './grid-stats.js';

const day = (label: string) =>
  z
    .string({ error: `${label}必须是日期` })
    // years outside 2000–2099 are typing mistakes (as in the assessment's periods)
    .regex(/^20\d{2}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD（2000–2099 年）`)
    .refine(isRealIsoDate, `${label}不是有效日期`);

/** The territorial levels the grid's numbers break down by, top to bottom. */
export const GRID_STATS_LEVELS = ['district', 'town', 'community', 'grid'] as const;
export const GridStatsLevel = z.enum(GRID_STATS_LEVELS, {
  error: '层级应为 district、town、community 或 grid',
});
export type GridStatsLevel = z.infer<typeof GridStatsLevel>;

/** The measure a ranking orders by. */
export const GridMeasureKeySchema = z.enum(GRID_MEASURE_KEYS, { error: '未知的统计指标' });

/** `GET /api/v1/grid/stats`: an org subtree and a period of whole Beijing days. */
export const GridStatsQuery = z.strictObject({
  /** 区、镇/街道、村/社区或网格: the subtree counted; the caller's scope root by default */
  org: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  /** first Beijing day (inclusive); the first of this month by default */
  from: day('开始日期').optional(),
  /** last Beijing day (inclusive); today by default */
  to: day('结束日期').optional(),
});
export type GridStatsQuery = z.infer<typeof GridStatsQuery>;

/** `GET /api/v1/grid/stats/ranking`: every org of one level under `org`, best first by one measure. */
export const GridRankingQuery = GridStatsQuery.extend({
  /** 排名层级: grids by default */
  level: GridStatsLevel.default('grid'),
  /** 排名指标: the closing rate of findings by default */
  measure: GridMeasureKeySchema.default('closingRate'),
});
export type GridRankingQuery = z.infer<typeof GridRankingQuery>;

/** `GET /api/v1/grid/stats/map`: the boundaries of every org of one level under `org`. */
export const GridMapQuery = z.strictObject({
  org: GridStatsQuery.shape.org,
  level: GridStatsLevel.default('grid'),
});
export type GridMapQuery = z.infer<typeof GridMapQuery>;

/** `GET /api/v1/grid/stats/export`: the numbers of `org` and the ranking of a level, as an .xlsx workbook. */
export const GridStatsExportQuery = GridRankingQuery;
export type GridStatsExportQuery = z.infer<typeof GridStatsExportQuery>;

const int = z.number().int();

/** The counts, block by block (see `GridCounts`); a `visits` block joins when the registers do. */
export const GridCountsView = z.object({
  patrols: z.object({ planned: int, attained: int, missedDays: int, done: int, meters: z.number() }),
  findings: z.object({
    found: int,
    dismissed: int,
    solvedOnSpot: int,
    reportedUp: int,
    closedWithCase: int,
  }),
  tasks: z.object({ assigned: int, cancelled: int, done: int, overdue: int }),
});

/** One measure: value and parts (see `GridMeasure`). */
export const GridMeasureView = z.object({
  key: GridMeasureKeySchema,
  label: z.string(),
  unit: z.enum(['rate', 'count', 'km']),
  better: z.enum(['higher', 'lower']).nullable(),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number().nullable(),
});
export type GridMeasureView = z.infer<typeof GridMeasureView>;

/** Every measure by key. */
export const GridMeasuresView = z.object(
  Object.fromEntries(GRID_MEASURE_KEYS.map((k) => [k, GridMeasureView])) as Record<
    GridMeasureKey,
    typeof GridMeasureView
  >,
);

/** An org as the numbers name it. */
export const GridStatsOrg = z.object({ id: int, name: z.string(), kind: z.string() });
export type GridStatsOrg = z.infer<typeof GridStatsOrg>;

const PeriodView = {
  /** first Beijing day */
  from: z.string(),
  /** last Beijing day */
  to: z.string(),
  /**
   * the instant the counts describe: the end of the period, or now for a period not over yet — what stood
   * solved, closed or overdue then
   */
  asOf: z.string(),
};

/** An org's counts and measures. */
export const GridStatsEntry = z.object({
  org: GridStatsOrg,
  counts: GridCountsView,
  measures: GridMeasuresView,
});
export type GridStatsEntry = z.infer<typeof GridStatsEntry>;

/**
 * The answer of `GET /api/v1/grid/stats`: the org's counts and measures, and the same for each org directly
 * below it (区 → 镇/街道 → 村/社区 → 网格), whose counts add up to the org's.
 */
export const GridStatsReport = GridStatsEntry.extend({
  ...PeriodView,
  children: z.array(GridStatsEntry),
});
export type GridStatsReport = z.infer<typeof GridStatsReport>;

/** A ranked org: its place and the names of the orgs above it up to the ranking's org. */
export const GridRankingItem = GridStatsEntry.extend({
  rank: int.nullable(),
  /** 所属: the chain of names between the ranking's org and this one (`某街道 / 某社区`) */
  within: z.string(),
});
export type GridRankingItem = z.infer<typeof GridRankingItem>;

/** The answer of `GET /api/v1/grid/stats/ranking`. */
export const GridRanking = z.object({
  org: GridStatsOrg,
  ...PeriodView,
  level: GridStatsLevel,
  measure: GridMeasureKeySchema,
  items: z.array(GridRankingItem),
});
export type GridRanking = z.infer<typeof GridRanking>;

/** An area of the map: its id, name and boundary (null when it has none). */
export const GridMapArea = z.object({ id: int, name: z.string(), boundary: BoundaryGeometry.nullable() });
export type GridMapArea = z.infer<typeof GridMapArea>;

/** The answer of `GET /api/v1/grid/stats/map`: the org's outline and the areas of the level inside it. */
export const GridStatsMap = z.object({
  container: GridMapArea,
  level: GridStatsLevel,
  areas: z.array(GridMapArea),
});
export type GridStatsMap = z.infer<typeof GridStatsMap>;
