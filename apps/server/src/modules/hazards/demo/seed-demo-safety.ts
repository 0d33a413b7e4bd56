import { completeCreditCode, type Industry } from '@shanzhi/shared';
import { and, count, eq, inArray, isNotNull } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/database.js';
import { drawPersonName } from '../../demo/demo-city.names.js';
import { createDemoRandom, type DemoRandom } from '../../demo/demo-random.js';
import { orgs } from '../../orgs/orgs.tables.js';
import { users } from '../../users/users.tables.js';
import { enterpriseRowOf } from '../enterprises.service.js';
import { enterprises } from '../hazards.tables.js';

/**
 * The register of the demo city, by industry: how many enterprises, the end of their names, where they stand
 * and the functional unit supervising them (煤矿、危化、工贸 the 应急管理局; 建筑施工 and 城镇燃气 the 住建局 …).
 * Wuhai lives on coal, coking and chemicals: those dominate.
 */
const REGISTER: readonly {
  industry: Industry;
  count: number;
  suffixes: readonly string[];
  sites: readonly string[];
  supervisor: string;
}[] = [
  {
    industry: 'coal_mine',
    count: 24,
    suffixes: ['煤业有限公司', '煤矿', '矿业有限责任公司'],
    sites: ['矿区', '井田'],
    supervisor: 'unit.emergency',
  },
  {
    industry: 'non_coal_mine',
    count: 14,
    suffixes: ['石灰石矿', '白云岩矿业有限公司', '石英砂矿'],
    sites: ['采区'],
    supervisor: 'unit.emergency',
  },
  {
    industry: 'hazardous_chemicals',
    count: 30,
    suffixes: ['化工有限公司', '氯碱化工有限责任公司', '精细化工有限公司', '危险化学品储运有限公司'],
    sites: ['化工园区', '低碳产业园'],
    supervisor: 'unit.emergency',
  },
  {
    industry: 'coking',
    count: 16,
    suffixes: ['焦化有限公司', '煤焦化有限责任公司'],
    sites: ['焦化园区', '工业园区'],
    supervisor: 'unit.emergency',
  },
  {
    industry: 'metal_smelting',
    count: 12,
    suffixes: ['硅铁有限公司', '冶金有限公司', '铁合金有限责任公司'],
    sites: ['工业园区'],
    supervisor: 'unit.emergency',
  },
  {
    industry: 'construction',
    count: 36,
    suffixes: ['建筑工程有限公司', '建设集团有限公司', '市政工程有限公司'],
    sites: ['项目部', '工地'],
    supervisor: 'unit.housing',
  },
  {
    industry: 'gas',
    count: 6,
    suffixes: ['燃气有限公司', '天然气有限责任公司'],
    sites: ['门站', '加气站'],
    supervisor: 'unit.housing',
  },
  {
    industry: 'fireworks',
    count: 4,
    suffixes: ['烟花爆竹批发有限公司'],
    sites: ['仓库'],
    supervisor: 'unit.emergency',
  },
  {
    industry: 'manufacturing',
    count: 26,
    suffixes: ['建材有限公司', '机械制造有限公司', '碳素有限公司', '水泥有限公司'],
    sites: ['工业园区', '厂区'],
    supervisor: 'unit.emergency',
  },
  {
    industry: 'trade',
    count: 16,
    suffixes: ['商贸有限公司', '购物中心', '酒店管理有限公司'],
    sites: ['商业街', '大厦'],
    supervisor: 'unit.commerce',
  },
  {
    industry: 'other',
    count: 14,
    suffixes: ['物流运输有限公司', '道路运输有限公司', '汽车客运有限公司'],
    sites: ['货运场站', '停车场'],
    supervisor: 'unit.transport',
  },
];

/** 字号: two characters, the first of one list and the second of the other (100 of them). */
const FIRST = ['金', '宏', '泰', '华', '鑫', '利', '丰', '源', '盛', '恒'];
const SECOND = ['达', '通', '安', '隆', '昌', '瑞', '兴', '祥', '远', '德'];

/** A town (or district without towns) of the demo city with the points of its grids. */
interface SafetyTown {
  id: number;
  path: string;
  name: string;
  districtName: string;
  districtCode: string;
  points: { lng: number; lat: number }[];
}

/** The towns with at least one grid that has a point. */
async function loadTowns(ctx: AppContext): Promise<SafetyTown[]> {
  const areas = await ctx.db
    .select({ id: orgs.id, kind: orgs.kind, name: orgs.name, code: orgs.code, path: orgs.path })
    .from(orgs)
    .where(inArray(orgs.kind, ['district', 'town']));
  const byId = new Map(areas.map((a) => [a.id, a]));
  const grids = await ctx.db
    .select({ path: orgs.path, lng: orgs.centerLng, lat: orgs.centerLat })
    .from(orgs)
    .where(and(eq(orgs.kind, 'grid'), isNotNull(orgs.centerLng)));
  const towns = new Map<number, SafetyTown>();
  for (const grid of grids) {
    const above = grid.path
      .split('/')
      .filter(Boolean)
      .map((id) => byId.get(Number(id)));
    const district = above.find((a) => a?.kind === 'district');
    const town = above.find((a) => a?.kind === 'town');
    if (!district || !town) continue;
    const entry = towns.get(town.id) ?? {
      id: town.id,
      path: town.path,
      name: town.name,
      districtName: district.name,
      districtCode: district.code,
      points: [],
    };
    entry.points.push({ lng: grid.lng!, lat: grid.lat! });
    towns.set(town.id, entry);
  }
  return [...towns.values()].sort((a, b) => a.id - b.id);
}

/** How many enterprises the demo register holds. */
export const DEMO_ENTERPRISES = REGISTER.reduce((n, r) => n + r.count, 0);

/**
 * The input of the `n`-th enterprise of the register (its `i`-th of the industry) in `town`. Its 字号 is of
 * `n` alone: two of one industry are fewer than a hundred apart, so no two names are the same.
 */
function enterpriseInput(
  random: DemoRandom,
  industry: (typeof REGISTER)[number],
  i: number,
  n: number,
  town: SafetyTown,
) {
  const brand = `${FIRST[n % FIRST.length]}${SECOND[Math.floor(n / FIRST.length) % SECOND.length]}`;
  const point = random.pick(town.points);
  return {
    name: `乌海市${brand}${industry.suffixes[i % industry.suffixes.length]}`,
    // 91 (企业), the district's area code, then 9 characters of the demo's own (0Y…: no test draws those)
    creditCode: completeCreditCode(`91${town.districtCode}0Y${String(n).padStart(7, '0')}`),
    industry: industry.industry,
    address: `${town.districtName}${town.name}${random.pick(industry.sites)}${random.int(1, 300)}号`,
    location: {
      longitude: Number((point.lng + (random.next() - 0.5) * 0.006).toFixed(6)),
      latitude: Number((point.lat + (random.next() - 0.5) * 0.006).toFixed(6)),
    },
    principal: { name: drawPersonName(random), phone: `1394730${String(n).padStart(4, '0')}` },
    safetyOfficer: { name: drawPersonName(random), phone: `1384730${String(n).padStart(4, '0')}` },
  };
}

/** The demo `enterprise` account speaks for the register's first enterprise. */
async function linkDemoAccount(tx: Tx, enterpriseId: number | undefined): Promise<void> {
  const [account] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'enterprise'));
  if (!account || enterpriseId === undefined) return;
  await tx.update(enterprises).set({ accountUserId: account.id }).where(eq(enterprises.id, enterpriseId));
}

/**
 * 企业台账 of the demo city: about two hundred enterprises under supervision, in the towns of every district by
 * industry (valid 统一社会信用代码, the address and a point near a grid of the town, the principal and the
 * safety officer), each supervised by the functional unit of its industry — in one statement. Idempotent:
 * nothing is written once the register holds an enterprise. Answers how many were written.
 */
export async function seedDemoSafety(ctx: AppContext): Promise<number> {
  const [existing] = await ctx.db.select({ n: count() }).from(enterprises);
  if ((existing?.n ?? 0) > 0) return 0;
  const towns = await loadTowns(ctx);
  const units = await ctx.db
    .select({ id: orgs.id, code: orgs.code, path: orgs.path })
    .from(orgs)
    .where(inArray(orgs.code, [...new Set(REGISTER.map((r) => r.supervisor))]));
  const [admin] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
  if (towns.length === 0 || units.length === 0 || !admin) return 0;
  const random = createDemoRandom(16_2007);
  // on the register for over a year: the demo year's inspections come after
  const registeredAt = new Date(ctx.clock.now().getTime() - 400 * 86_400_000);
  let n = 0;
  const rows = REGISTER.flatMap((industry) => {
    const supervising = units.find((u) => u.code === industry.supervisor);
    if (!supervising) return [];
    return Array.from({ length: industry.count }, (_, i) => {
      const town = towns[(n * 7) % towns.length]!;
      const input = enterpriseInput(random, industry, i, ++n, town);
      return enterpriseRowOf(input, { territory: town, supervising }, { userId: admin.id }, registeredAt);
    });
  });
  await ctx.db.transaction(async (tx) => {
    const written = await tx.insert(enterprises).values(rows).returning({ id: enterprises.id });
    await linkDemoAccount(tx, written[0]?.id);
  });
  return rows.length;
}
