import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { type CategoryRow, listCategories } from '../catalog/catalog.repository.js';
import { orgs } from '../orgs/orgs.tables.js';

/** A catalog category a model label stands for. */
export interface MappedCategory {
  categoryId: number;
  code: string;
  name: string;
  level: number;
  /** a 110 matter: the category is, or (an area / subcategory) most of its matters are */
  police: boolean;
  /** the leaf's default handling unit, if a leaf and the unit is active */
  defaultUnit: MappedUnit | null;
}

/** A handling unit a unit-model label (an org code) stands for. */
export interface MappedUnit {
  orgId: number;
  code: string;
  name: string;
  path: string;
}

/**
 * Names the competition data uses for areas the Wuhai catalog names otherwise (the 2020 labels predate the
 * 2018 ministry renames); tried after an exact name.
 */
const AREA_SYNONYMS: Record<string, string[]> = {
  卫生计生: ['卫生健康', '医疗卫生'],
  劳动和社会保障: ['人力资源和社会保障', '人社', '劳动保障'],
  教育文体: ['教育', '文化体育', '教育科技'],
  商贸旅游: ['市场监管', '商务', '文化旅游'],
  城乡建设: ['住房城乡建设', '城市建设', '住房保障'],
  环境保护: ['生态环境', '环保'],
  交通运输: ['交通', '交通出行'],
};

function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) out.add(text.slice(i, i + 2));
  if (text.length === 1) out.add(text);
  return out;
}

function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return x.size + y.size === 0 ? 0 : (2 * common) / (x.size + y.size);
}

function mapped(
  row: CategoryRow,
  policeOf: Map<number, boolean>,
  units: Map<string, MappedUnit>,
): MappedCategory {
  return {
    categoryId: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    police: policeOf.get(row.id) ?? row.police,
    defaultUnit: row.defaultUnitCode ? (units.get(row.defaultUnitCode) ?? null) : null,
  };
}

/** Whether each category is a police matter: a leaf by its flag, a parent when most of its leaves are. */
function policeFlags(rows: readonly CategoryRow[]): Map<number, boolean> {
  const leaves = new Map<number, { police: number; all: number }>();
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const row of rows) {
    if (row.resolveLimitValue === null) continue;
    for (let p = row.parentId; p !== null; p = byId.get(p)?.parentId ?? null) {
      const tally = leaves.get(p) ?? { police: 0, all: 0 };
      tally.all++;
      if (row.police) tally.police++;
      leaves.set(p, tally);
    }
  }
  const flags = new Map<number, boolean>();
  for (const row of rows) {
    const tally = leaves.get(row.id);
    flags.set(row.id, row.police || (tally !== undefined && tally.police * 2 > tally.all));
  }
  return flags;
}

/**
 * Maps category-model labels to active catalog categories: a label is a category code (models trained from
 * history) or an area name (the competition's seven first-level labels); an unknown name falls back to a
 * synonym, then to the most similar area name (Dice over character bigrams ≥ 0.5). Unmapped labels are left out.
 */
export async function mapCategoryLabels(
  db: DbOrTx,
  labels: readonly string[],
): Promise<Map<string, MappedCategory>> {
  const rows = await listCategories(db, { active: true });
  const policeOf = policeFlags(rows);
  const unitCodes = [...new Set(rows.flatMap((r) => (r.defaultUnitCode ? [r.defaultUnitCode] : [])))];
  const units = await mapUnitLabels(db, unitCodes);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const areas = rows.filter((r) => r.level === 1);
  const areaByName = new Map(areas.map((r) => [r.name, r]));
  const result = new Map<string, MappedCategory>();
  for (const label of labels) {
    const row =
      byCode.get(label) ??
      areaByName.get(label) ??
      (AREA_SYNONYMS[label] ?? []).map((n) => areaByName.get(n)).find((r) => r !== undefined) ??
      closestArea(areas, label);
    if (row) result.set(label, mapped(row, policeOf, units));
  }
  return result;
}

function closestArea(areas: readonly CategoryRow[], label: string): CategoryRow | undefined {
  let best: CategoryRow | undefined;
  let bestScore = 0.5;
  for (const area of areas) {
    const score = dice(area.name, label);
    if (score >= bestScore) {
      best = area;
      bestScore = score;
    }
  }
  return best;
}

/** Maps unit-model labels (org codes) to active orgs. */
export async function mapUnitLabels(db: DbOrTx, labels: readonly string[]): Promise<Map<string, MappedUnit>> {
  if (labels.length === 0) return new Map();
  const rows = await db
    .select({ id: orgs.id, code: orgs.code, name: orgs.name, path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.active, true), inArray(orgs.code, [...new Set(labels)])));
  return new Map(rows.map((r) => [r.code, { orgId: r.id, code: r.code, name: r.name, path: r.path }]));
}
