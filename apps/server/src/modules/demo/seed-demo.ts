import path from 'node:path';
import { count } from 'drizzle-orm';
import { hashPassword } from '../../platform/auth/password.js';
import type { AppContext } from '../../platform/context.js';
import { invalidateCache } from '../../platform/realtime/cache-invalidation.js';
import { importMissingShippedYears } from '../calendar/shipped-calendar.js';
import { importCatalogNodes } from '../catalog/catalog.service.js';
import { assembleCatalog } from '../catalog/sources/assemble-catalog.js';
import { seedDemoCampaigns } from '../hazards/demo/seed-demo-campaigns.js';
import { seedDemoSafety } from '../hazards/demo/seed-demo-safety.js';
import { seedDemoIot } from '../iot/demo/seed-demo-iot.js';
import { ensureDefaultRules } from '../iot/rules.service.js';
import { seedDemoKnowledge } from '../knowledge/seed-knowledge.js';
import { seedDemoMarket } from '../marketplace/demo/seed-demo-market.js';
import { seedDemoMediation } from '../mediation/demo/seed-demo-mediation.js';
import { publishDemoServices } from '../open311/open311-demo.js';
import { findOrgIdsByCodes } from '../orgs/orgs.repository.js';
import { orgs } from '../orgs/orgs.tables.js';
import { grantNewDefaultPermissions } from '../users/role-grants.js';
import { insertUser, isUsernameTaken } from '../users/users.repository.js';
import { buildDemoCity, type DemoCity } from './demo-city.js';
import { DEMO_USERS } from './demo-users.js';
import { seedDemoRegisters } from './registers/seed-demo-registers.js';
import { seedDemoOrgs } from './seed-demo-orgs.js';

/** Whether the database holds no org at all: a first start. */
export async function isDatabaseEmpty(ctx: AppContext): Promise<boolean> {
  const [row] = await ctx.db.select({ n: count() }).from(orgs);
  return (row?.n ?? 0) === 0;
}

function orgCodeOf(ref: string, city: DemoCity): string {
  const [how, district] = ref.split(':');
  if (how === 'firstGridOf') return city.grids.find((g) => g.code.startsWith(district!))!.code;
  if (how === 'firstTownOf') return city.towns.find((t) => t.parentCode === district)!.code;
  return ref;
}

async function seedDemoUsers(ctx: AppContext, city: DemoCity): Promise<number> {
  const orgIds = await findOrgIdsByCodes(
    ctx.db,
    DEMO_USERS.map((u) => orgCodeOf(u.org, city)),
  );
  let created = 0;
  for (const user of DEMO_USERS) {
    if (await isUsernameTaken(ctx.db, user.username)) continue;
    const passwordHash = await hashPassword(ctx.config.SHANZHI_DEMO_PASSWORD);
    const orgId = orgIds.get(orgCodeOf(user.org, city))!;
    await insertUser(
      ctx.db,
      { username: user.username, displayName: user.displayName, orgId, passwordHash, phone: user.phone },
      user.roles,
    );
    created++;
  }
  return created;
}

/**
 * `shanzhi seed --demo`: the Wuhai demo city — orgs with boundaries, grids and their staff, functional units,
 * the calendar, the matter catalog (with the services it offers through Open311), role grants, one account
 * per role, the grids' registers and the register of enterprises under safety supervision. Deterministic and idempotent: only
 * what is missing is written.
 */
export async function seedDemo(ctx: AppContext): Promise<void> {
  const started = Date.now();
  const city = buildDemoCity();
  const { inserted: orgsInserted } = await ctx.db.transaction((tx) => seedDemoOrgs(tx, city));
  // a server already running on this database (PostgreSQL) locates by the new grids at once
  if (orgsInserted > 0) await invalidateCache(ctx, 'orgs');
  const teddyDir = path.join(ctx.config.SHANZHI_SHARED_DATA_DIR, 'teddy_cup_2020_c');
  const catalog = await assembleCatalog({ teddyDir });
  const categoriesInserted = await ctx.db.transaction((tx) => importCatalogNodes(tx, catalog.nodes));
  const open311Services = await publishDemoServices(ctx);
  const years = await importMissingShippedYears(ctx);
  await grantNewDefaultPermissions(ctx);
  const usersCreated = await seedDemoUsers(ctx, city);
  const knowledge = await seedDemoKnowledge(ctx);
  // the grids' registers, after the accounts: the demo grid worker's grid gets a fuller one
  const registers = await seedDemoRegisters(ctx);
  // mediation committees at every level, after the accounts: the demo `mediator` serves on 育红社区's
  const mediationCommittees = await seedDemoMediation(ctx);
  // the marketplace's merchants, after the accounts: the demo `merchant` works for one of them
  const marketMerchants = await seedDemoMarket(ctx);
  // 智安小区: the alert rules, then the 11 pilot estates with their devices
  const iotRules = await ensureDefaultRules(ctx);
  const iotDevices = await seedDemoIot(ctx, city);
  // the register of enterprises under safety supervision, after the accounts (the demo `admin` registers it)
  const safetyEnterprises = await seedDemoSafety(ctx);
  // two 专项排查 campaigns of the demo inspector over the register
  const safetyCampaigns = await seedDemoCampaigns(ctx);
  ctx.logger.info(
    {
      orgsInserted,
      categoriesInserted,
      catalog: catalog.summary,
      open311Services,
      calendarYears: years,
      usersCreated,
      knowledge,
      registers,
      mediationCommittees,
      marketMerchants,
      iotRules,
      iotDevices,
      safetyEnterprises,
      safetyCampaigns,
      ms: Date.now() - started,
    },
    'demo city seeded',
  );
}
