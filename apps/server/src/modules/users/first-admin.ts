import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { count } from 'drizzle-orm';
import { hashPassword } from '../../platform/auth/password.js';
import { assertStrongPassword } from '../../platform/auth/password-policy.js';
import { ConfigError } from '../../platform/config/config.js';
import type { AppContext } from '../../platform/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { importCatalogNodes } from '../catalog/catalog.service.js';
import { assembleCatalog } from '../catalog/sources/assemble-catalog.js';
import { WUHAI_DEMO_CITY_CONFIG } from '../demo/demo-city.config.js';
import { ensureMerchantAccountsOrg } from '../marketplace/merchant-accounts-org.js';
import { findOrgByCode, insertOrg } from '../orgs/orgs.repository.js';
import { insertUser } from './users.repository.js';
import { users } from './users.tables.js';

/** The username of the first administrator of an installation. */
export const FIRST_ADMIN_USERNAME = 'admin';

async function hasAnyUser(ctx: AppContext): Promise<boolean> {
  const [row] = await ctx.db.select({ n: count() }).from(users);
  return (row?.n ?? 0) > 0;
}

/** The first administrator's password: `SHANZHI_ADMIN_PASSWORD`, else asked on the terminal. */
async function firstAdminPassword(ctx: AppContext): Promise<string> {
  if (ctx.config.SHANZHI_ADMIN_PASSWORD) return ctx.config.SHANZHI_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) {
    throw new ConfigError(
      'This installation has no account yet: set SHANZHI_ADMIN_PASSWORD to the first administrator’s password ' +
        `(user "${FIRST_ADMIN_USERNAME}") or start the server in a terminal to be asked for it.`,
    );
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(`Password for the first administrator "${FIRST_ADMIN_USERNAME}": `);
  } finally {
    rl.close();
  }
}

/**
 * The first start of an installation that is not the demo (PostgreSQL, or `SHANZHI_AUTO_SEED=false`): when no
 * account exists, creates the city's org (乌海市, 150300) if there is none, the merchants' org under it, the
 * matter catalog, and the first administrator with the password from `SHANZHI_ADMIN_PASSWORD` or the terminal —
 * held to the strength policy, so the documented demo password can never be the way into a real installation.
 * Answers whether it did.
 */
export async function installFirstAdmin(ctx: AppContext): Promise<boolean> {
  if (await hasAnyUser(ctx)) return false;
  const password = await firstAdminPassword(ctx);
  try {
    assertStrongPassword(password, [FIRST_ADMIN_USERNAME]);
  } catch (error) {
    throw new ConfigError(`SHANZHI_ADMIN_PASSWORD: ${(error as Error).message}`);
  }
  const passwordHash = await hashPassword(password);
  const city = WUHAI_DEMO_CITY_CONFIG;
  const catalog = await assembleCatalog({
    teddyDir: path.join(ctx.config.SHANZHI_SHARED_DATA_DIR, 'teddy_cup_2020_c'),
  });
  await ctx.db.transaction(async (tx) => {
    const root =
      (await findOrgByCode(tx, city.code)) ??
      (await insertOrg(tx, {
        code: city.code,
        name: city.name,
        kind: 'city',
        parentId: null,
        centerLng: city.center.lng,
        centerLat: city.center.lat,
      }));
    // before the catalog, whose 便民服务 matters name it as their handling unit
    await ensureMerchantAccountsOrg(tx, root.id);
    await importCatalogNodes(tx, catalog.nodes);
    const userId = await insertUser(
      tx,
      {
        username: FIRST_ADMIN_USERNAME,
        displayName: '系统管理员',
        orgId: root.id,
        passwordHash,
        phone: null,
      },
      ['admin'],
    );
    await recordAudit(
      tx,
      {
        action: 'user.created',
        actorUsername: 'installation',
        targetType: 'user',
        targetId: userId,
        detail: { username: FIRST_ADMIN_USERNAME, roles: ['admin'], by: 'first start' },
      },
      ctx.clock.now(),
    );
  });
  ctx.logger.info(
    { username: FIRST_ADMIN_USERNAME },
    'first start: created the city org and its administrator',
  );
  return true;
}
