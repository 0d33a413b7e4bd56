import {
  CREDIT_CODE_CHARSET,
  checklistFor,
  completeCreditCode,
  DEFAULT_ROLE_PERMISSIONS,
  type HazardActionOnHazard,
  type Industry,
  isHighRiskIndustry,
} from '@shanzhi/shared';
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { runTransition } from '../../../platform/lifecycle/transition.js';
import { drawMobileNumber, drawPersonName } from '../../demo/demo-city.names.js';
import { createDemoRandom } from '../../demo/demo-random.js';
import { orgs } from '../../orgs/orgs.tables.js';
import { users } from '../../users/users.tables.js';
import { findEnterprise, insertEnterprises } from '../enterprises.repository.js';
import { HAZARD_DEFINITION } from '../hazard-lifecycle.js';
import { hazardEnvironment, writeHazard } from '../hazards.service.js';
import { enterprises } from '../hazards.tables.js';
import { insertInspection, insertInspectionItems } from '../inspections.repository.js';

/** Wuhai's industries as the demo draws them: coal, coking and chemicals first, then construction. */
const INDUSTRY_MIX: readonly Industry[] = [
  'coal_mine',
  'coking',
  'coking',
  'hazardous_chemicals',
  'hazardous_chemicals',
  'construction',
  'construction',
  'non_coal_mine',
  'metal_smelting',
  'gas',
  'manufacturing',
  'trade',
];

const NAME_STEMS = [
  '恒信',
  '泰和',
  '宏达',
  '金源',
  '瑞丰',
  '鑫盛',
  '华泰',
  '永兴',
  '东源',
  '君正',
  '广聚',
  '德晟',
];
const NAME_SUFFIX: Record<Industry, string> = {
  coal_mine: '煤业有限责任公司',
  non_coal_mine: '矿业有限公司',
  hazardous_chemicals: '化工有限公司',
  coking: '焦化有限公司',
  metal_smelting: '冶金有限公司',
  construction: '建筑工程有限公司',
  gas: '燃气有限公司',
  fireworks: '烟花爆竹有限公司',
  manufacturing: '机械制造有限公司',
  trade: '商贸有限公司',
  other: '有限公司',
};
const DISTRICTS: Record<string, string> = { '150302': '海勃湾区', '150303': '海南区', '150304': '乌达区' };
/** How many enterprises the demo city registers. */
const DEMO_ENTERPRISES = 60;

/**
 * Who writes the demo's history: the city centre's demo dispatcher (`dispatcher`), inspecting and supervising
 * with a handler's rights too, so that one account takes every step of the demo hazards.
 */
async function demoActor(ctx: AppContext): Promise<Actor | null> {
  const [row] = await ctx.db
    .select({ user: users, org: orgs })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(users.username, 'dispatcher'));
  const [city] = await ctx.db.select().from(orgs).where(eq(orgs.code, '150300'));
  if (!row || !city) return null;
  return {
    userId: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    orgId: row.org.id,
    orgCode: row.org.code,
    orgName: row.org.name,
    orgKind: row.org.kind,
    orgPath: row.org.path,
    roles: ['handler', 'dispatcher'],
    permissions: new Set([...DEFAULT_ROLE_PERMISSIONS.handler, ...DEFAULT_ROLE_PERMISSIONS.dispatcher]),
    scopePath: city.path,
    ip: '127.0.0.1',
  };
}

/** How far down its lifecycle each demo hazard goes: some open, some rectifying, most closed. */
const PATHS: readonly (readonly HazardActionOnHazard[])[] = [
  [],
  ['report'],
  ['report', 'assign'],
  ['report', 'assign', 'start_rectification'],
  ['report', 'assign', 'start_rectification', 'rectify'],
  ['report', 'assign', 'start_rectification', 'rectify', 'close'],
  ['report', 'assign', 'start_rectification', 'rectify', 'close'],
];

const ACTION_INPUTS: Partial<Record<HazardActionOnHazard, Record<string, unknown>>> = {
  report: {},
  assign: { responsibleParty: '企业安全管理人员', deadlineDays: 10 },
  start_rectification: {},
  rectify: { note: '已按要求完成整改' },
  close: { note: '复查合格，予以销号' },
};

/**
 * The demo city's safety production: enterprises of Wuhai's real industries in its three districts (the
 * construction ones supervised by 市住建局, the rest by 市应急管理局), an inspection of every fourth, and
 * the general hazards their failed items became, taken through the lifecycle to several states. Written once:
 * nothing when the register already holds enterprises.
 */
export async function seedDemoSafety(ctx: AppContext): Promise<{ enterprises: number; hazards: number }> {
  const [existing] = await ctx.db.select({ n: count() }).from(enterprises);
  if ((existing?.n ?? 0) > 0) return { enterprises: 0, hazards: 0 };
  const actor = await demoActor(ctx);
  const towns = await ctx.db
    .select({ id: orgs.id, path: orgs.path, name: orgs.name, parent: orgs.parentId })
    .from(orgs)
    .where(and(eq(orgs.kind, 'town'), eq(orgs.active, true)));
  const bodies = await ctx.db
    .select({ id: orgs.id, code: orgs.code, path: orgs.path })
    .from(orgs)
    .where(inArray(orgs.code, ['unit.housing', 'unit.emergency', ...Object.keys(DISTRICTS)]));
  const byCode = new Map(bodies.map((b) => [b.code, b]));
  const housing = byCode.get('unit.housing');
  const emergency = byCode.get('unit.emergency');
  if (!actor || !housing || !emergency || towns.length === 0) return { enterprises: 0, hazards: 0 };
  const random = createDemoRandom(20_261_207);
  const now = ctx.clock.now();
  const phones = new Set<string>();
  const rows = Array.from({ length: DEMO_ENTERPRISES }, (_, i) => {
    const industry = INDUSTRY_MIX[i % INDUSTRY_MIX.length]!;
    const town = towns[i % towns.length]!;
    let first17 = '91150303MA';
    while (first17.length < 17) first17 += CREDIT_CODE_CHARSET[random.int(0, 30)];
    const supervising = industry === 'construction' ? housing : emergency;
    return {
      name: `乌海市${NAME_STEMS[i % NAME_STEMS.length]}${NAME_SUFFIX[industry]}${i >= NAME_STEMS.length ? `第${Math.floor(i / NAME_STEMS.length) + 1}分公司` : ''}`,
      creditCode: completeCreditCode(first17),
      industry,
      highRisk: isHighRiskIndustry(industry),
      address: `${town.name}工业园区${random.int(1, 99)}号`,
      lng: null,
      lat: null,
      orgId: town.id,
      orgPath: town.path,
      supervisingOrgId: supervising.id,
      supervisingOrgPath: supervising.path,
      principalName: drawPersonName(random),
      principalPhone: drawMobileNumber(random, phones),
      safetyOfficerName: drawPersonName(random),
      safetyOfficerPhone: drawMobileNumber(random, phones),
      createdByUserId: null,
      createdAt: now,
      updatedAt: now,
    };
  });
  const inserted = await insertEnterprises(ctx.db, rows);
  let hazards = 0;
  const env = await hazardEnvironment(ctx);
  for (const [i, row] of inserted.entries()) {
    if (i % 4 !== 0) continue;
    const enterprise = (await findEnterprise(ctx.db, row.id))!;
    const checklist = checklistFor(row.industry as Industry);
    const failedAt = new Set([random.int(0, checklist.length - 1), random.int(0, checklist.length - 1)]);
    const hazardIds = await ctx.db.transaction(async (tx) => {
      const inspection = await insertInspection(tx, {
        enterpriseId: row.id,
        kind: 'planned',
        campaign: '重大事故隐患专项排查整治行动',
        inspectorUserId: actor.userId,
        inspectorName: actor.displayName,
        inspectedAt: now,
        lng: null,
        lat: null,
        note: null,
        itemCount: checklist.length,
        failedCount: failedAt.size,
        createdAt: now,
      });
      const items = [];
      const ids: number[] = [];
      for (const [seq, item] of checklist.entries()) {
        const hazard = failedAt.has(seq)
          ? await writeHazard(tx, env, actor, {
              enterprise,
              level: 'general',
              source: 'inspection',
              description: `${item}（不合格）`,
              place: null,
              inspectionId: inspection.id,
              caseId: null,
              photos: [],
            })
          : null;
        if (hazard) ids.push(hazard.id);
        items.push({
          inspectionId: inspection.id,
          seq: seq + 1,
          item,
          passed: !hazard,
          finding: null,
          hazardId: hazard?.id ?? null,
        });
      }
      await insertInspectionItems(tx, items);
      return ids;
    });
    for (const id of hazardIds) {
      hazards++;
      for (const action of PATHS[(id + i) % PATHS.length]!) {
        const current = await ctx.db.transaction((tx) => HAZARD_DEFINITION.lock(tx, id));
        await ctx.db.transaction((tx) =>
          runTransition(
            tx,
            HAZARD_DEFINITION,
            actor,
            { id, action, input: { version: current!.version, ...ACTION_INPUTS[action] } },
            env,
          ),
        );
      }
    }
  }
  return { enterprises: inserted.length, hazards };
}
