import type { DbOrTx } from '../../platform/db/database.js';
import { orgs } from '../orgs/orgs.tables.js';

/**
 * The org merchants' staff accounts belong to (便民服务商户), a functional unit under the city: its subtree
 * holds no territory, so an account placed there reaches its own merchant's orders alone. Every installation
 * has it — migration 0044 on an existing database, the first start and the demo seed on a new one.
 */
export const MERCHANT_ACCOUNTS_ORG = { code: 'market.merchants', name: '便民服务商户' } as const;

/** Creates the merchants' org under the city `cityId` unless it exists (a first start). */
export async function ensureMerchantAccountsOrg(db: DbOrTx, cityId: number): Promise<void> {
  await db
    .insert(orgs)
    .values({ ...MERCHANT_ACCOUNTS_ORG, kind: 'unit', parentId: cityId })
    .onConflictDoNothing({ target: orgs.code });
}
