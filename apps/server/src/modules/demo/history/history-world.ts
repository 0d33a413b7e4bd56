import type { BoundaryGeometry, Priority, TimeLimit, WorkingCalendar } from '@shanzhi/shared';
import { TimeLimitUnit } from '@shanzhi/shared';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { queryRows } from '../../../platform/db/database.js';
import { loadWorkingCalendar } from '../../calendar/calendar.service.js';

/** A grid with the chain above it, as the history generator places cases. */
export interface HistoryGrid {
  id: number;
  path: string;
  boundary: BoundaryGeometry;
  box: { minLng: number; minLat: number; maxLng: number; maxLat: number };
  center: { lng: number; lat: number };
  communityId: number;
  communityName: string;
  townId: number;
  townName: string;
  districtId: number;
  districtCode: string;
  districtName: string;
}

/** A catalog leaf the generator files cases under. */
export interface HistoryCategory {
  id: number;
  name: string;
  /** name of its 大类 (level 1) */
  area: string;
  /** name of its 小类 (level 2) */
  subcategory: string;
  defaultUnitId: number | null;
  priority: Priority;
  police: boolean;
  acceptLimit: TimeLimit | null;
  resolveLimit: TimeLimit | null;
}

/** An org the generator names in events. */
export interface HistoryOrg {
  id: number;
  name: string;
  code: string;
}

/** A demo account that acts in the history where its org does. */
export interface HistoryUser {
  id: number;
  name: string;
  orgId: number;
}

/** Everything the generator draws from: the city, the catalog, the centres, the accounts and the calendar. */
export interface HistoryWorld {
  grids: HistoryGrid[];
  gridsByDistrict: Map<string, HistoryGrid[]>;
  categories: HistoryCategory[];
  /** orgs by id (units, centres, territorial orgs) */
  orgs: Map<number, HistoryOrg>;
  cityCentreId: number;
  hotlineCentreId: number;
  /** district id → its 社会治理中心 */
  districtCentres: Map<number, number>;
  /** org id → a demo account of that org by role (`agent`, `dispatcher`, `handler`, `grid_worker`, `supervisor`) */
  users: Map<string, HistoryUser>;
  calendar: WorkingCalendar;
}

function limitOf(value: number | null, unit: string | null): TimeLimit | null {
  const parsed = TimeLimitUnit.safeParse(unit);
  return value !== null && value > 0 && parsed.success ? { value, unit: parsed.data } : null;
}

/** Key of `HistoryWorld.users`. */
export function userKey(orgId: number, role: string): string {
  return `${orgId}:${role}`;
}

interface OrgRecord {
  id: number;
  parent_id: number | null;
  code: string;
  name: string;
  kind: string;
  path: string;
  boundary: BoundaryGeometry | null;
  min_lng: number | null;
  min_lat: number | null;
  max_lng: number | null;
  max_lat: number | null;
  center_lng: number | null;
  center_lat: number | null;
}

function gridsOf(records: readonly OrgRecord[]): HistoryGrid[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  return records
    .filter((r) => r.kind === 'grid' && r.boundary && r.min_lng !== null)
    .flatMap((g) => {
      const community = byId.get(g.parent_id ?? -1);
      const town = byId.get(community?.parent_id ?? -1);
      const district = byId.get(town?.parent_id ?? -1);
      if (!community || !town || !district) return [];
      return [
        {
          id: g.id,
          path: g.path,
          boundary: g.boundary!,
          box: { minLng: g.min_lng!, minLat: g.min_lat!, maxLng: g.max_lng!, maxLat: g.max_lat! },
          center: { lng: g.center_lng ?? g.min_lng!, lat: g.center_lat ?? g.min_lat! },
          communityId: community.id,
          communityName: community.name,
          townId: town.id,
          townName: town.name,
          districtId: district.id,
          districtCode: district.code,
          districtName: district.name,
        },
      ];
    });
}

async function loadCategories(ctx: AppContext): Promise<HistoryCategory[]> {
  const rows = await queryRows<{
    id: number;
    name: string;
    area: string;
    sub: string;
    default_unit_id: number | null;
    priority: string | null;
    police: boolean;
    accept_limit_value: number | null;
    accept_limit_unit: string | null;
    resolve_limit_value: number | null;
    resolve_limit_unit: string | null;
  }>(
    ctx.db,
    sql`select c.id, c.name, a.name as area, s.name as sub, c.default_unit_id, c.priority, c.police,
               c.accept_limit_value, c.accept_limit_unit, c.resolve_limit_value, c.resolve_limit_unit
          from catalog_categories c
          join catalog_categories s on s.id = c.parent_id
          join catalog_categories a on a.id = s.parent_id
         where c.level = 3 and c.active and c.resolve_limit_value is not null
         order by c.code`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    area: r.area,
    subcategory: r.sub,
    defaultUnitId: r.default_unit_id,
    priority: (r.priority ?? 'normal') as Priority,
    police: r.police,
    acceptLimit: limitOf(r.accept_limit_value, r.accept_limit_unit),
    resolveLimit: limitOf(r.resolve_limit_value, r.resolve_limit_unit),
  }));
}

/** Loads the demo city as the generator needs it; fails when the city or the catalog is not seeded. */
export async function loadHistoryWorld(ctx: AppContext): Promise<HistoryWorld> {
  const records = await queryRows<OrgRecord>(
    ctx.db,
    sql`select id, parent_id, code, name, kind, path, boundary, min_lng, min_lat, max_lng, max_lat,
               center_lng, center_lat
          from orgs where active order by id`,
  );
  const grids = gridsOf(records);
  const categories = await loadCategories(ctx);
  const byCode = new Map(records.map((r) => [r.code, r]));
  const cityCentre = byCode.get('center.city');
  const hotline = byCode.get('center.12345') ?? cityCentre;
  if (grids.length === 0 || categories.length === 0 || !cityCentre || !hotline) {
    throw new Error('the demo city and its catalog must be seeded before its history');
  }
  const districtCentres = new Map<number, number>();
  for (const r of records) {
    if (r.kind === 'center' && r.parent_id !== null && byCode.get(r.code)?.code.startsWith('center.1503')) {
      districtCentres.set(r.parent_id, r.id);
    }
  }
  const userRows = await queryRows<{ id: number; display_name: string; org_id: number; role: string }>(
    ctx.db,
    sql`select u.id, u.display_name, u.org_id, r.role
          from users u join user_roles r on r.user_id = u.id
         where u.active order by u.id`,
  );
  const users = new Map<string, HistoryUser>();
  for (const u of userRows) {
    const key = userKey(u.org_id, u.role);
    if (!users.has(key)) users.set(key, { id: u.id, name: u.display_name, orgId: u.org_id });
  }
  const gridsByDistrict = new Map<string, HistoryGrid[]>();
  for (const g of grids)
    gridsByDistrict.set(g.districtCode, [...(gridsByDistrict.get(g.districtCode) ?? []), g]);
  return {
    grids,
    gridsByDistrict,
    categories,
    orgs: new Map(records.map((r) => [r.id, { id: r.id, name: r.name, code: r.code }])),
    cityCentreId: cityCentre.id,
    hotlineCentreId: hotline.id,
    districtCentres,
    users,
    calendar: await loadWorkingCalendar(ctx),
  };
}
