import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../platform/db/database.js';
import { type CountScope, kpiCaseCondition } from '../kpis/kpi-counts.repository.js';

/** What registered cases are counted by: 来源, 渠道, 诉求类型, 事项大类 (the first level of the catalog). */
export type VolumeDimension = 'source' | 'channel' | 'type' | 'area';

/** One group of registered cases: its key (a code, or a category id for `area`) and its name where known. */
export interface VolumeCount {
  key: string;
  name: string | null;
  count: number;
}

// the 大类 of each category: walk up to the root of the catalog
const AREAS = sql`with recursive areas(id, area_id, area_name) as (
    select id, id, name from catalog_categories where parent_id is null
    union all
    select c.id, a.area_id, a.area_name from catalog_categories c join areas a on c.parent_id = a.id)`;

const GROUP_KEYS: Record<VolumeDimension, { key: SQL; name: SQL }> = {
  source: { key: sql`cases.source`, name: sql`null::text` },
  channel: { key: sql`coalesce(cases.channel, '')`, name: sql`null::text` },
  type: { key: sql`cases.type`, name: sql`null::text` },
  area: { key: sql`coalesce(areas.area_id::text, '')`, name: sql`areas.area_name` },
};

/**
 * The cases registered in the period (登记, exactly those the measures' `total` counts) grouped by one
 * dimension, the largest group first. Cases without a channel or a category form the group with key ''.
 */
export async function countRegisteredBy(
  db: DbOrTx,
  scope: CountScope,
  dimension: VolumeDimension,
): Promise<VolumeCount[]> {
  const { key, name } = GROUP_KEYS[dimension];
  const rows = await queryRows<{ key: string; name: string | null; count: number }>(
    db,
    sql`${AREAS}
        select ${key} as key, min(${name}) as name, count(*)::int as count
        from cases left join areas on areas.id = cases.category_id
        where ${kpiCaseCondition('total', scope)}
        group by 1 order by 3 desc, 1`,
  );
  return rows.map((r) => ({ key: r.key, name: r.name, count: Number(r.count) }));
}

/** A case of the overdue list (超期): due in the period and closed late or still open. */
export interface OverdueCase {
  id: number;
  number: string;
  title: string;
  state: string;
  unitName: string | null;
  categoryName: string | null;
  resolveDeadline: Date | null;
  closedAt: Date | null;
}

/** The overdue cases of the period (those the measures' `overdue` counts), the earliest deadline first. */
export async function listOverdueCases(db: DbOrTx, scope: CountScope, limit: number): Promise<OverdueCase[]> {
  const rows = await queryRows<{
    id: number;
    number: string;
    title: string;
    state: string;
    unit_name: string | null;
    category_name: string | null;
    resolve_deadline: string | Date | null;
    closed_at: string | Date | null;
  }>(
    db,
    sql`select cases.id, cases.number, cases.title, cases.state, u.name as unit_name, c.name as category_name,
          cases.resolve_deadline, cases.closed_at
        from cases left join orgs u on u.id = cases.lead_unit_id
        left join catalog_categories c on c.id = cases.category_id
        where ${kpiCaseCondition('overdue', scope)}
        order by cases.resolve_deadline nulls last, cases.id limit ${limit}`,
  );
  const at = (v: string | Date | null) => (v === null ? null : new Date(v));
  return rows.map((r) => ({
    id: Number(r.id),
    number: r.number,
    title: r.title,
    state: r.state,
    unitName: r.unit_name,
    categoryName: r.category_name,
    resolveDeadline: at(r.resolve_deadline),
    closedAt: at(r.closed_at),
  }));
}

/** A category (事项) among the most frequent of a period, with its count there and before. */
export interface CategoryCount {
  categoryId: number;
  name: string;
  areaName: string | null;
  count: number;
}

/** The registered cases of the period per category (小类), the most frequent first. */
export async function countRegisteredByCategory(
  db: DbOrTx,
  scope: CountScope,
  limit: number,
): Promise<CategoryCount[]> {
  const rows = await queryRows<{
    category_id: number;
    name: string;
    area_name: string | null;
    count: number;
  }>(
    db,
    sql`${AREAS}
        select cases.category_id, min(c.name) as name, min(areas.area_name) as area_name, count(*)::int as count
        from cases join catalog_categories c on c.id = cases.category_id
        left join areas on areas.id = cases.category_id
        where ${kpiCaseCondition('total', scope)}
        group by cases.category_id order by 4 desc, 1 limit ${limit}`,
  );
  return rows.map((r) => ({
    categoryId: Number(r.category_id),
    name: r.name,
    areaName: r.area_name,
    count: Number(r.count),
  }));
}

/** The registered cases of given categories in the period, counted per category. */
export async function countRegisteredInCategories(
  db: DbOrTx,
  scope: CountScope,
  categoryIds: readonly number[],
): Promise<Map<number, number>> {
  if (categoryIds.length === 0) return new Map();
  const rows = await queryRows<{ category_id: number; count: number }>(
    db,
    sql`select cases.category_id, count(*)::int as count from cases
        where ${kpiCaseCondition('total', scope)}
          and cases.category_id in (${sql.join(
            categoryIds.map((id) => sql`${id}`),
            sql`, `,
          )})
        group by cases.category_id`,
  );
  return new Map(rows.map((r) => [Number(r.category_id), Number(r.count)]));
}

/** An example case of a category (典型案例): its number and words, as stored (masked by the caller). */
export interface ExampleCase {
  categoryId: number;
  number: string;
  title: string;
  description: string;
}

/**
 * Up to `perCategory` example cases of each category registered in the period, the latest first; cases the
 * citizen asked to keep private (保密) are never examples.
 */
export async function listExampleCases(
  db: DbOrTx,
  scope: CountScope,
  categoryIds: readonly number[],
  perCategory: number,
): Promise<ExampleCase[]> {
  if (categoryIds.length === 0) return [];
  const rows = await queryRows<{ category_id: number; number: string; title: string; description: string }>(
    db,
    sql`select category_id, number, title, description from (
          select cases.category_id, cases.number, cases.title, cases.description,
            row_number() over (partition by cases.category_id order by cases.created_at desc, cases.id desc) as n
          from cases
          where ${kpiCaseCondition('total', scope)} and not cases.keep_private and cases.master_case_id is null
            and cases.category_id in (${sql.join(
              categoryIds.map((id) => sql`${id}`),
              sql`, `,
            )})
        ) ranked where n <= ${perCategory} order by category_id, n`,
  );
  return rows.map((r) => ({
    categoryId: Number(r.category_id),
    number: r.number,
    title: r.title,
    description: r.description,
  }));
}
