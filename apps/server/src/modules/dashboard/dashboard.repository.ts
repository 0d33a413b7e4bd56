import { FINAL_CASE_STATES } from '@shanzhi/shared';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../platform/db/database.js';
import { caseInSubtree } from '../cases/case-access.js';

/** Cases not yet at an end (结案, 直接办结, 转110, 合并, 作废). */
const OPEN = sql.raw(`cases.state not in (${FINAL_CASE_STATES.map((s) => `'${s}'`).join(', ')})`);
const since = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

/** A case as the wall lists it, before masking. */
export interface DashboardCaseRow {
  id: number;
  number: string;
  title: string;
  keep_private: boolean;
  category_name: string | null;
  place_name: string | null;
  state: string;
  light: string;
  created_at: Date | string;
}

function caseRows(db: DbOrTx, where: SQL, limit: number) {
  return queryRows<DashboardCaseRow>(
    db,
    sql`select cases.id, cases.number, cases.title, cases.keep_private, c.name as category_name,
          coalesce(t.name, d.name) as place_name, cases.state, cases.light, cases.created_at
        from cases
        left join catalog_categories c on c.id = cases.category_id
        left join orgs d on d.id = cases.district_id
        left join orgs t on t.id = cases.town_id
        where ${where}
        order by cases.created_at desc, cases.id desc
        limit ${limit}`,
  );
}

/** The latest cases registered in an org subtree (spam left out), newest first. */
export function findLatestCases(db: DbOrTx, path: string, limit: number) {
  return caseRows(db, sql`${caseInSubtree(path)} and cases.state <> 'invalidated'`, limit);
}

/** The open cases of a grid, newest first. */
export function findOpenCasesOfGrid(db: DbOrTx, gridId: number, limit: number) {
  return caseRows(db, sql`cases.grid_id = ${gridId} and ${OPEN}`, limit);
}

/** Cases registered since `from` that have a place: the map's points. */
export function findCasePoints(db: DbOrTx, path: string, from: Date, limit: number) {
  return queryRows<{ id: number; lng: number; lat: number; category_name: string | null; light: string }>(
    db,
    sql`select cases.id, cases.lng, cases.lat, c.name as category_name, cases.light
        from cases left join catalog_categories c on c.id = cases.category_id
        where cases.created_at >= ${since(from)} and cases.state <> 'invalidated'
          and cases.lng is not null and cases.lat is not null and ${caseInSubtree(path)}
        order by cases.created_at desc limit ${limit}`,
  );
}

/** The categories most cases registered since `from` fall in, most frequent first. */
export function findHotCategories(db: DbOrTx, path: string, from: Date, limit: number) {
  return queryRows<{ id: number; name: string; count: number }>(
    db,
    sql`select c.id, c.name, count(*)::int as count
        from cases join catalog_categories c on c.id = cases.category_id
        where cases.created_at >= ${since(from)} and cases.state <> 'invalidated' and ${caseInSubtree(path)}
        group by c.id, c.name order by count desc, c.id limit ${limit}`,
  );
}

/** How far back the hot words' background reaches: the four weeks before their window. */
const BACKGROUND_MS = 28 * 24 * 3_600_000;

/**
 * The hot words of the cases registered in [`from`, `now`): the fingerprints' content words, ranked by how
 * much more often cases carry them than in the four weeks before (count × ln((count + 1) / (expected + 1)),
 * the expected count scaled from the background to the window), so that words every case carries (小区,
 * 处理) give way to what is new. Words with digits are left out: numbers, house numbers and plates say nothing
 * of a topic and may be personal.
 */
export function findHotWords(db: DbOrTx, path: string, from: Date, now: Date, limit: number) {
  const background = new Date(from.getTime() - BACKGROUND_MS);
  const scale = (now.getTime() - from.getTime()) / BACKGROUND_MS;
  const wordsOf = (start: Date, end: Date, words: SQL) => sql`select w.word, count(*)::int as count
        from case_fingerprints f
        join cases on cases.id = f.case_id
        cross join lateral unnest(f.words) as w(word)
        where f.created_at >= ${since(start)} and f.created_at < ${since(end)}
          and cases.state <> 'invalidated' and ${caseInSubtree(path)} and ${words}
        group by w.word`;
  const topical = sql`char_length(w.word) >= 2 and w.word !~ '[0-9]'`;
  return queryRows<{ word: string; count: number }>(
    db,
    sql`with recent as (${wordsOf(from, now, topical)}),
          before as (${wordsOf(background, from, sql`w.word in (select word from recent)`)})
        select recent.word, recent.count from recent left join before using (word)
        order by recent.count * ln((recent.count + 1.0) / (coalesce(before.count, 0) * ${scale}::float8 + 1.0)) desc,
          recent.count desc, recent.word
        limit ${limit}`,
  );
}

/** Open red-light cases per lead unit in an org subtree. */
export async function countRedCasesByUnit(db: DbOrTx, path: string): Promise<Map<number, number>> {
  const rows = await queryRows<{ unit_id: number; red: number }>(
    db,
    sql`select cases.lead_unit_id as unit_id, count(*)::int as red from cases
        where cases.light = 'red' and ${OPEN} and cases.lead_unit_id is not null and ${caseInSubtree(path)}
        group by cases.lead_unit_id`,
  );
  return new Map(rows.map((r) => [Number(r.unit_id), r.red]));
}

/** An area of the map before presenting. */
export interface AreaRow {
  id: number;
  name: string;
  kind: string;
  parent_id: number | null;
  boundary: unknown;
  center_lng: number | null;
  center_lat: number | null;
}

const AREA_COLUMNS = sql`o.id, o.name, o.kind, o.parent_id, o.boundary, o.center_lng, o.center_lat`;

/** The active territorial children of an org (districts of a city, towns of a district …). */
export function findChildAreas(db: DbOrTx, orgId: number) {
  return queryRows<AreaRow>(
    db,
    sql`select ${AREA_COLUMNS} from orgs o
        where o.parent_id = ${orgId} and o.active and o.kind in ('district', 'town', 'community')
        order by o.sort, o.id`,
  );
}

/** The active grids of an org subtree. */
export function findGridAreas(db: DbOrTx, path: string) {
  return queryRows<AreaRow>(
    db,
    sql`select ${AREA_COLUMNS} from orgs o
        where o.kind = 'grid' and o.active and o.path like ${`${path}%`}
        order by o.sort, o.id`,
  );
}

/** Open cases per place (district, town, community or grid id) of an org subtree. */
export async function countOpenCasesByPlace(db: DbOrTx, path: string): Promise<Map<number, number>> {
  const rows = await queryRows<{ place_id: number; open: number }>(
    db,
    sql`select p.place_id, count(*)::int as open
        from cases cross join lateral
          (values (cases.district_id), (cases.town_id), (cases.community_id), (cases.grid_id)) as p(place_id)
        where ${OPEN} and p.place_id is not null and cases.area_path like ${`${path}%`}
        group by p.place_id`,
  );
  return new Map(rows.map((r) => [Number(r.place_id), r.open]));
}
