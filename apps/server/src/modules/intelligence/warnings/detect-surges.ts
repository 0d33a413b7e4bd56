import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../../platform/db/database.js';
import { type BeijingDay, DAY_MS, dayLabel } from './beijing-day.js';
import { DEFAULT_SURGE_MODEL, type SurgeModel, testSurge } from './surge-model.js';
import type { WarningDraft } from './warning-draft.js';

/** The places a surge is counted at, finest first. */
const LEVELS = [
  { level: 'grid', column: 'grid_id' },
  { level: 'community', column: 'community_id' },
  { level: 'town', column: 'town_id' },
] as const;
type Level = (typeof LEVELS)[number]['level'];

interface DayCase {
  id: number;
  created_at: string | Date;
  grid_id: number | null;
  community_id: number | null;
  town_id: number | null;
  area_id: number;
}

interface Cell {
  level: Level;
  placeId: number;
  areaId: number;
  cases: DayCase[];
}

/** A case counts from its leaf's 大类; spam (作废) does not count. Merged duplicates do: they are calls too. */
const AREA_JOIN = sql.raw(`join catalog_categories leaf on leaf.id = c.category_id
  join catalog_categories area on area.code = split_part(leaf.code, '.', 1)`);

function cellKey(level: string, placeId: number, areaId: number): string {
  return `${level}:${placeId}:${areaId}`;
}

function cellsOf(rows: readonly DayCase[]): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const row of rows) {
    for (const { level, column } of LEVELS) {
      const placeId = row[column];
      if (placeId === null) continue;
      const key = cellKey(level, placeId, row.area_id);
      let cell = cells.get(key);
      if (!cell) {
        cell = { level, placeId, areaId: row.area_id, cases: [] };
        cells.set(key, cell);
      }
      cell.cases.push(row);
    }
  }
  return cells;
}

async function baselineCounts(
  db: DbOrTx,
  cells: readonly Cell[],
  from: Date,
  to: Date,
): Promise<Map<string, number>> {
  const ids = (level: Level) =>
    `{${cells
      .filter((c) => c.level === level)
      .map((c) => c.placeId)
      .join(',')}}`;
  const areas = `{${[...new Set(cells.map((c) => c.areaId))].join(',')}}`;
  const rows = await queryRows<{
    grid_id: number | null;
    community_id: number | null;
    town_id: number | null;
    area_id: number;
    n: number;
  }>(
    db,
    sql`select c.grid_id, c.community_id, c.town_id, area.id as area_id, count(*)::int as n
        from cases c ${AREA_JOIN}
        where c.created_at >= ${from.toISOString()}::timestamptz and c.created_at < ${to.toISOString()}::timestamptz
          and c.state <> 'invalidated' and area.id = any(${areas}::integer[])
          and (c.grid_id = any(${ids('grid')}::integer[]) or c.community_id = any(${ids('community')}::integer[])
               or c.town_id = any(${ids('town')}::integer[]))
        group by 1, 2, 3, 4`,
  );
  const counts = new Map<string, number>();
  for (const row of rows) {
    for (const { level, column } of LEVELS) {
      const placeId = row[column];
      if (placeId === null) continue;
      const key = cellKey(level, placeId, row.area_id);
      counts.set(key, (counts.get(key) ?? 0) + row.n);
    }
  }
  return counts;
}

async function namesOf(db: DbOrTx, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, { name: string; path: string }>();
  const rows = await queryRows<{ id: number; name: string; path: string }>(
    db,
    sql`select id, name, path from orgs where id = any(${`{${ids.join(',')}}`}::integer[])`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * 激增: the (grid | community | town) × 大类 cells whose count on `day` is a surge against their own trailing
 * baseline (`surge-model.ts`). A coarser cell is left out when flagged finer cells hold most of its cases (the
 * same burst, told once, where it is). `now` only words the title (「今日」).
 */
export async function detectSurges(
  db: DbOrTx,
  day: BeijingDay,
  now: Date,
  model: SurgeModel = DEFAULT_SURGE_MODEL,
): Promise<WarningDraft[]> {
  const rows = await queryRows<DayCase>(
    db,
    sql`select c.id, c.created_at, c.grid_id, c.community_id, c.town_id, area.id as area_id
        from cases c ${AREA_JOIN}
        where c.created_at >= ${day.start.toISOString()}::timestamptz
          and c.created_at < ${day.end.toISOString()}::timestamptz and c.state <> 'invalidated'`,
  );
  const busy = [...cellsOf(rows).values()].filter((c) => c.cases.length >= model.minCount);
  if (busy.length === 0) return [];
  const from = new Date(day.start.getTime() - model.baselineDays * DAY_MS);
  const baseline = await baselineCounts(db, busy, from, day.start);
  const flagged: { cell: Cell; test: ReturnType<typeof testSurge> }[] = [];
  for (const { level } of LEVELS) {
    for (const cell of busy.filter((c) => c.level === level)) {
      const test = testSurge(
        cell.cases.length,
        baseline.get(cellKey(level, cell.placeId, cell.areaId)) ?? 0,
        model,
      );
      if (!test.surge) continue;
      const ids = new Set(cell.cases.map((c) => c.id));
      const told = new Set(
        flagged.filter((f) => f.cell.areaId === cell.areaId).flatMap((f) => f.cell.cases.map((c) => c.id)),
      );
      const covered = [...ids].filter((id) => told.has(id)).length;
      if (covered >= 0.6 * ids.size) continue;
      flagged.push({ cell, test });
    }
  }
  const [places, areas] = await Promise.all([
    namesOf(
      db,
      flagged.map((f) => f.cell.placeId),
    ),
    queryRows<{ id: number; name: string }>(
      db,
      sql`select id, name from catalog_categories where id = any(${`{${flagged.map((f) => f.cell.areaId).join(',')}}`}::integer[])`,
    ),
  ]);
  const areaNames = new Map(areas.map((a) => [a.id, a.name]));
  return flagged.map(({ cell, test }) => {
    const place = places.get(cell.placeId);
    const times = cell.cases.map((c) => new Date(c.created_at).getTime());
    return {
      kind: 'surge',
      dedupKey: `surge:${day.day}:${cell.placeId}:${cell.areaId}`,
      title: `${place?.name ?? cell.placeId} · ${areaNames.get(cell.areaId) ?? ''}：${dayLabel(day, now)} ${cell.cases.length} 件，基线 ${test.baseline.toFixed(1)} 件/日`,
      orgId: cell.placeId,
      orgPath: place?.path ?? '/',
      categoryId: cell.areaId,
      day: day.day,
      caseIds: cell.cases.map((c) => c.id).sort((a, b) => a - b),
      observed: cell.cases.length,
      baseline: test.baseline,
      pValue: test.pValue,
      score: test.score,
      terms: [],
      details: { level: cell.level, ratio: test.ratio, baselineDays: model.baselineDays, model: 'poisson' },
      firstSeenAt: new Date(Math.min(...times)),
      lastSeenAt: new Date(Math.max(...times)),
    };
  });
}
