import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { orgs } from '../orgs/orgs.tables.js';

/** The territorial levels (市 → 区 → 镇/街道 → 村/社区 → 网格): the only orgs the public map shows. */
export const PUBLIC_AREA_KINDS = ['city', 'district', 'town', 'community', 'grid'] as const;

const areaColumns = { id: orgs.id, name: orgs.name, kind: orgs.kind, boundary: orgs.boundary };

/** An area of the public map: name, kind and boundary; nothing else of the org. */
export type PublicAreaRow = { id: number; name: string; kind: string; boundary: unknown };

/** The active territorial org `id`; without an id, the root of the tree (the city). */
export async function findPublicArea(db: DbOrTx, id?: number): Promise<PublicAreaRow | undefined> {
  const [row] = await db
    .select(areaColumns)
    .from(orgs)
    .where(
      and(
        id === undefined ? isNull(orgs.parentId) : eq(orgs.id, id),
        eq(orgs.active, true),
        inArray(orgs.kind, [...PUBLIC_AREA_KINDS]),
      ),
    )
    .orderBy(asc(orgs.id))
    .limit(1);
  return row;
}

/** The active territorial children of an area that have a boundary, in tree order. */
export async function findChildAreas(db: DbOrTx, parentId: number): Promise<PublicAreaRow[]> {
  return db
    .select(areaColumns)
    .from(orgs)
    .where(
      and(
        eq(orgs.parentId, parentId),
        eq(orgs.active, true),
        inArray(orgs.kind, [...PUBLIC_AREA_KINDS]),
        isNotNull(orgs.boundary),
      ),
    )
    .orderBy(asc(orgs.sort), asc(orgs.code));
}
