import { bboxOfGeometry } from '@shanzhi/shared';
import type { DbOrTx } from '../../platform/db/database.js';
import { findOrgIdsByCodes } from '../orgs/orgs.repository.js';
import { gridStaff, orgs } from '../orgs/orgs.tables.js';
import { buildDemoCity, type DemoCity, type DemoOrgNode } from './demo-city.js';
import { WUHAI_UNITS } from './wuhai-units.js';

const CHUNK = 200;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function territorialRow(node: DemoOrgNode, parentId: number | null, sort: number) {
  const box = bboxOfGeometry(node.boundary);
  return {
    code: node.code,
    name: node.name,
    kind: node.kind,
    parentId,
    boundary: node.boundary,
    minLng: box.minLng,
    minLat: box.minLat,
    maxLng: box.maxLng,
    maxLat: box.maxLat,
    centerLng: node.center.lng,
    centerLat: node.center.lat,
    sort,
  };
}

type OrgInsert = typeof orgs.$inferInsert;

/** Inserts rows that are not there yet (by code), a level at a time so parents exist before children. */
async function insertMissing(db: DbOrTx, rows: OrgInsert[]): Promise<number> {
  let inserted = 0;
  for (const part of chunks(rows)) {
    const result = await db
      .insert(orgs)
      .values(part)
      .onConflictDoNothing({ target: orgs.code })
      .returning({ id: orgs.id });
    inserted += result.length;
  }
  return inserted;
}

/**
 * Writes the demo city's territorial tree, its functional units and centres, and the grids' staff. Only
 * what is missing is written, so running it again changes nothing.
 */
export async function seedDemoOrgs(
  db: DbOrTx,
  city: DemoCity = buildDemoCity(),
): Promise<{ inserted: number }> {
  let inserted = 0;
  const ids = new Map<string, number>();
  for (const level of [[city.city], city.districts, city.towns, city.communities, city.grids]) {
    const parentIds = await findOrgIdsByCodes(db, [
      ...new Set(level.map((n) => n.parentCode).filter((c) => c !== null)),
    ]);
    for (const [code, id] of parentIds) ids.set(code, id);
    inserted += await insertMissing(
      db,
      level.map((node, i) =>
        territorialRow(node, node.parentCode === null ? null : ids.get(node.parentCode)!, i),
      ),
    );
  }
  const unitParents = await findOrgIdsByCodes(db, [...new Set(WUHAI_UNITS.map((u) => u.parentCode))]);
  inserted += await insertMissing(
    db,
    WUHAI_UNITS.map((u, i) => ({
      code: u.code,
      name: u.name,
      kind: u.kind,
      parentId: unitParents.get(u.parentCode)!,
      sort: i,
    })),
  );
  await seedGridStaff(
    db,
    city,
    await findOrgIdsByCodes(
      db,
      city.grids.map((g) => g.code),
    ),
  );
  return { inserted };
}

async function seedGridStaff(db: DbOrTx, city: DemoCity, gridIds: Map<string, number>): Promise<void> {
  const staffed = new Set(
    (await db.select({ gridId: gridStaff.gridId }).from(gridStaff).groupBy(gridStaff.gridId)).map(
      (r) => r.gridId,
    ),
  );
  const rows = city.grids
    .filter((g) => !staffed.has(gridIds.get(g.code)!))
    .flatMap((g) =>
      g.staff.map((s) => ({ gridId: gridIds.get(g.code)!, role: s.role, name: s.name, phone: s.phone })),
    );
  for (const part of chunks(rows, 1_000)) await db.insert(gridStaff).values(part);
}
