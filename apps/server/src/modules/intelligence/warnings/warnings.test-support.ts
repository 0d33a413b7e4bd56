import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.js';
import { cases } from '../../cases/cases.tables.js';
import { catalogCategories } from '../../catalog/catalog.tables.js';
import { orgs } from '../../orgs/orgs.tables.js';
import { createRandom } from '../classifier/random.js';

/** A community of the demo city with its grids and town, for generated history. */
export interface PlaceForTest {
  communityId: number;
  townId: number;
  districtId: number;
  grids: { id: number; path: string; lng: number; lat: number }[];
}

/** The first `n` communities (with at least one grid) of the district with `districtCode`. */
export async function communitiesOf(db: DbOrTx, districtCode: string, n: number): Promise<PlaceForTest[]> {
  const [district] = await db.select().from(orgs).where(eq(orgs.code, districtCode));
  const communities = await db
    .select()
    .from(orgs)
    .where(and(eq(orgs.kind, 'community'), like(orgs.path, `${district!.path}%`)))
    .orderBy(asc(orgs.id));
  const out: PlaceForTest[] = [];
  for (const c of communities) {
    const grids = await db
      .select({ id: orgs.id, path: orgs.path, lng: orgs.centerLng, lat: orgs.centerLat })
      .from(orgs)
      .where(and(eq(orgs.kind, 'grid'), eq(orgs.parentId, c.id)))
      .orderBy(asc(orgs.id));
    if (grids.length === 0) continue;
    out.push({
      communityId: c.id,
      townId: c.parentId!,
      districtId: district!.id,
      grids: grids.map((g) => ({ id: g.id, path: g.path, lng: g.lng ?? 106.8, lat: g.lat ?? 39.6 })),
    });
    if (out.length === n) break;
  }
  return out;
}

/** One leaf category under each of the first `n` areas (大类) of the catalog, with the area's id. */
export async function leavesOfAreas(
  db: DbOrTx,
  n: number,
): Promise<{ areaId: number; leafId: number; name: string }[]> {
  const areas = await db
    .select()
    .from(catalogCategories)
    .where(eq(catalogCategories.level, 1))
    .orderBy(asc(catalogCategories.code))
    .limit(n);
  const out = [];
  for (const area of areas) {
    const [leaf] = await db
      .select()
      .from(catalogCategories)
      .where(
        and(
          like(catalogCategories.code, `${area.code}.%`),
          sql`${catalogCategories.resolveLimitValue} is not null`,
        ),
      )
      .orderBy(asc(catalogCategories.code))
      .limit(1);
    if (leaf) out.push({ areaId: area.id, leafId: leaf.id, name: area.name });
  }
  return out;
}

/** A case to insert straight into the table (bulk history, no timeline). */
export interface GeneratedCase {
  at: Date;
  title: string;
  description: string;
  categoryId: number;
  place: PlaceForTest;
  /** index into the place's grids */
  grid: number;
  phone?: string;
}

let sequence = 0;

/** Inserts generated cases in batches, as registered and untouched; answers their ids in order. */
export async function insertCases(
  db: DbOrTx,
  currentOrgId: number,
  rows: readonly GeneratedCase[],
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500).map((r) => {
      const grid = r.place.grids[r.grid % r.place.grids.length]!;
      sequence++;
      return {
        number: `WT${String(sequence).padStart(12, '0')}`,
        source: 'hotline_12345',
        type: 'complaint',
        categoryId: r.categoryId,
        priority: 'normal',
        title: r.title,
        description: r.description,
        citizenPhone: r.phone ?? null,
        lng: grid.lng,
        lat: grid.lat,
        gridId: grid.id,
        communityId: r.place.communityId,
        townId: r.place.townId,
        districtId: r.place.districtId,
        areaPath: grid.path,
        state: 'registered',
        currentOrgId,
        acceptLimitValue: 2,
        acceptLimitUnit: 'working_hours',
        resolveLimitValue: 5,
        resolveLimitUnit: 'working_days',
        createdAt: r.at,
        updatedAt: r.at,
      };
    });
    const inserted = await db.insert(cases).values(batch).returning({ id: cases.id });
    ids.push(...inserted.map((x) => x.id));
  }
  return ids;
}

/** Poisson draw (Knuth) with a seeded generator. */
export function poissonDraw(lambda: number, random: () => number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= random();
  } while (p > limit);
  return k - 1;
}

const SUBJECTS = ['楼道', '小区门口', '路口', '广场', '菜市场', '学校附近', '公交站', '停车场'];
const PROBLEMS = [
  '路灯不亮',
  '垃圾堆放多日无人清理',
  '下水道堵塞返味',
  '噪音扰民影响休息',
  '占道经营严重',
  '井盖缺失存在隐患',
  '自来水水压低',
  '暖气不热',
];

/** An ordinary complaint text, from a small fixed vocabulary (so that background days hold no new words). */
export function backgroundText(random: () => number): { title: string; description: string } {
  const subject = SUBJECTS[Math.floor(random() * SUBJECTS.length)]!;
  const problem = PROBLEMS[Math.floor(random() * PROBLEMS.length)]!;
  return { title: `${subject}${problem}`, description: `市民反映${subject}${problem}，希望尽快处理。` };
}

/** A seeded generator for tests. */
export const seeded = createRandom;
