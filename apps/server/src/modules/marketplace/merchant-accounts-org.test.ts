import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededApi, expectOk, orgIdOf, type SeededApi, userIdOf } from '../../test/api.js';
import { migrationStatements } from '../../test/migrations.js';
import { createTestApp, createTestContext, signIn } from '../../test/setup.js';
import { orgs } from '../orgs/orgs.tables.js';
import { installFirstAdmin } from '../users/first-admin.js';
import { grantNewDefaultPermissions } from '../users/role-grants.js';
import { users } from '../users/users.tables.js';
import { marketMerchants } from './marketplace.tables.js';
import { MERCHANT_ACCOUNTS_ORG } from './merchant-accounts-org.js';

const ADMIN_PASSWORD = 'Lantern-Quarry-61';

/** The org a user belongs to, by code, and its parent's code. */
async function orgOfUser(db: SeededApi['ctx']['db'], username: string) {
  const [row] = await db
    .select({ code: orgs.code, parentId: orgs.parentId })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(users.username, username));
  return row;
}

describe('merchant staff accounts on a city without the demo seed', () => {
  it('approves a merchant on a first-started installation, its account in 便民服务商户 under the city', async () => {
    const ctx = await createTestContext({ env: { SHANZHI_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    try {
      // as the server's start does
      expect(await installFirstAdmin(ctx)).toBe(true);
      await grantNewDefaultPermissions(ctx);
      const city = await orgIdOf(ctx, '150300');
      const now = ctx.clock.now();
      const [merchant] = await ctx.db
        .insert(marketMerchants)
        .values({
          name: '海勃湾安家开锁服务部',
          licenceNo: '91150302MA0AB12300',
          contactPhone: '13947300002',
          status: 'applied',
          areaOrgIds: [city],
          itemIds: [],
          opensMinute: 0,
          closesMinute: 1440,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: marketMerchants.id, version: marketMerchants.version });
      const { app } = await createTestApp(ctx);
      const approved = await expectOk(
        app.inject({
          method: 'POST',
          url: `/api/v1/market/merchants/${merchant!.id}/actions/approve`,
          headers: await signIn(app, 'admin', ADMIN_PASSWORD),
          payload: { version: merchant!.version },
        }),
      );
      expect(approved.account.username).toBe('m13947300002');
      expect(await orgOfUser(ctx.db, 'm13947300002')).toEqual({
        code: MERCHANT_ACCOUNTS_ORG.code,
        parentId: city,
      });
      await app.close();
    } finally {
      await ctx.dispose();
    }
  });
});

describe('migration 0044 on a database an older demo seed made', () => {
  let api: SeededApi;
  beforeAll(async () => {
    api = await createSeededApi();
  });
  afterAll(() => api.close());

  it('turns merchant.demo into 便民服务商户, keeping its accounts, and runs again harmlessly', async () => {
    const id = await orgIdOf(api.ctx, MERCHANT_ACCOUNTS_ORG.code);
    await api.ctx.db
      .update(orgs)
      .set({ code: 'merchant.demo', name: '乌海市便民服务商户（演示）' })
      .where(eq(orgs.id, id));
    for (let run = 0; run < 2; run++)
      // the migration's other part adds columns, once
      for (const statement of migrationStatements('0044_market_merchants_org'))
        if (statement.includes('"orgs"')) await api.ctx.db.execute(sql.raw(statement));
    const [org] = await api.ctx.db.select().from(orgs).where(eq(orgs.id, id));
    expect(org).toMatchObject({ code: MERCHANT_ACCOUNTS_ORG.code, name: MERCHANT_ACCOUNTS_ORG.name });
    const [merchantUser] = await api.ctx.db
      .select({ orgId: users.orgId })
      .from(users)
      .where(eq(users.id, await userIdOf(api.ctx, 'merchant')));
    expect(merchantUser!.orgId).toBe(id);
  });
});
