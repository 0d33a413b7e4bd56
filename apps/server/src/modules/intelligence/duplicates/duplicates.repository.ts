import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../../platform/db/database.js';
import { prefixPattern } from '../../../platform/db/text-search.js';
import { caseInSubtree } from '../../cases/case-access.js';

/** How candidates are looked up: any one of these signals brings a case into the candidate set. */
export interface CandidateQuery {
  /** LSH band keys of the new text */
  bands: number[];
  phoneKey: string | null;
  /** path of the community (or coarser area) of the new case: cases located under it */
  placePath: string | null;
  /** a box of about ±300 m around the point */
  box: { minLng: number; maxLng: number; minLat: number; maxLat: number } | null;
  /** recent = created since; open cases of any age count too */
  since: Date;
  /** the case itself, when looking for duplicates of a stored case */
  excludeCaseId: number | null;
  /** the caller's data scope: candidates never leave it */
  scopePath: string;
  limit: number;
}

/** A candidate case with what scoring needs (features null when it has no fingerprint yet). */
export interface CandidateRow {
  id: number;
  number: string;
  title: string;
  description: string;
  state: string;
  created_at: string | Date;
  category_id: number | null;
  category_name: string | null;
  category_code: string | null;
  grid_id: number | null;
  community_id: number | null;
  town_id: number | null;
  area_name: string | null;
  lng: number | null;
  lat: number | null;
  citizen_phone: string | null;
  features: number[] | null;
  phone_key: string | null;
}

const FINAL_STATES = sql.raw(`('closed', 'resolved_on_call', 'transferred_110', 'merged', 'invalidated')`);

/**
 * The candidate set of a duplicate lookup: recent or open cases that share an LSH band of the text, the caller,
 * the place or a ~300 m box — each branch an indexed query (GIN on bands, phone, area path, creation time), so
 * the set stays bounded however long the history. Merged and invalidated cases are left out: a duplicate joins
 * the master, and spam is nobody's duplicate.
 */
export async function findCandidates(db: DbOrTx, q: CandidateQuery): Promise<CandidateRow[]> {
  const since = q.since.toISOString();
  const recentOrOpen = sql`(cases.created_at >= ${since}::timestamptz or cases.state not in ${FINAL_STATES})`;
  const branches = [];
  if (q.bands.length > 0) {
    branches.push(sql`select f.case_id as id from case_fingerprints f
      where f.bands && ${`{${q.bands.join(',')}}`}::integer[]`);
  }
  if (q.phoneKey) {
    branches.push(sql`select f.case_id as id from case_fingerprints f where f.phone_key = ${q.phoneKey}`);
  }
  if (q.placePath) {
    const prefix = prefixPattern(q.placePath);
    branches.push(sql`select c.id from cases c where c.area_path like ${prefix}
      and c.created_at >= ${since}::timestamptz`);
  }
  if (q.box) {
    branches.push(sql`select c.id from cases c where c.created_at >= ${since}::timestamptz
      and c.lng between ${q.box.minLng} and ${q.box.maxLng} and c.lat between ${q.box.minLat} and ${q.box.maxLat}`);
  }
  if (branches.length === 0) return [];
  const scope = caseInSubtree(q.scopePath);
  return queryRows<CandidateRow>(
    db,
    // `cases` is not aliased in the main query: `caseInSubtree` names its columns as "cases".<column>
    sql`with cand as (${sql.join(branches, sql` union `)})
        select cases.id, cases.number, cases.title, cases.description, cases.state, cases.created_at,
               cases.category_id, cat.name as category_name, cat.code as category_code, cases.grid_id,
               cases.community_id, cases.town_id, area.name as area_name, cases.lng, cases.lat,
               cases.citizen_phone, f.features, f.phone_key
        from cand join cases on cases.id = cand.id
        left join case_fingerprints f on f.case_id = cases.id
        left join catalog_categories cat on cat.id = cases.category_id
        left join orgs area on area.id = coalesce(cases.grid_id, cases.community_id, cases.town_id, cases.district_id)
        where ${recentOrOpen} and cases.state not in ('merged', 'invalidated')
          and (${q.excludeCaseId}::integer is null or cases.id <> ${q.excludeCaseId}::integer)
          and ${scope}
        order by cases.created_at desc, cases.id desc
        limit ${q.limit}`,
  );
}
